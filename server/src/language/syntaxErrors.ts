/**
 * Turns the parser's findings into readable syntax diagnostics. Errors on consecutive tokens
 * are one mistake and make one diagnostic; the count is capped so garbage cannot flood the editor.
 */
import { type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import * as T from './lexer';
import type { SyntaxError } from './ast';

export const MAX_SYNTAX_ERRORS = 100;

function label(t: TokenType): string { return t.LABEL ?? t.name; }

function shown(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'the end of the file';
  const image = token.image.length > 24 ? token.image.slice(0, 24) + '…' : token.image;
  return `'${image}'`;
}

function list(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  if (unique.length > 6) return unique.slice(0, 6).join(', ') + ' or another';
  return unique.slice(0, -1).join(', ') + ' or ' + unique[unique.length - 1];
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    const after = previous && previous.image ? ` after '${previous.image}'` : '';
    return `Expected ${label(expected)}${after} but found ${shown(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${shown(firstRedundant)}.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous }) {
    const labels = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => label(path[0])));
    const after = previous && previous.image ? ` after '${previous.image}'` : '';
    return `Expected ${list(labels)}${after} but found ${shown(actual[0])}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const labels = expectedIterationPaths.map((path) => label(path[0]));
    const after = previous && previous.image ? ` after '${previous.image}'` : '';
    return `Expected ${list(labels)}${after} but found ${shown(actual[0])}.`;
  },
};

interface RawError { start: number; end: number; message: string; tokenIndex: number; standalone?: boolean; weak?: boolean; absorbs?: boolean }

export class SyntaxErrorCollector {
  private raw: RawError[] = [];
  constructor(private readonly tokens: IToken[]) {}

  private indexOf(offset: number): number {
    const tokens = this.tokens;
    let lo = 0, hi = tokens.length - 1, found = tokens.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].startOffset >= offset) { found = mid; hi = mid - 1; } else lo = mid + 1;
    }
    return found;
  }

  add(start: number, end: number, message: string, standalone = false): void {
    this.raw.push({ start, end, message, tokenIndex: this.indexOf(start), standalone });
  }

  /** A specific message that also explains the unexpected tokens right after it. */
  addAbsorbing(start: number, end: number, message: string): void {
    this.raw.push({ start, end, message, tokenIndex: this.indexOf(start), standalone: true, absorbs: true });
  }

  fromException(e: IRecognitionException): void {
    const t = e.token;
    if (t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset)) {
      // At the end of input: point at the last real token so the range is visible.
      const last = this.tokens[this.tokens.length - 1];
      const at = last ? last.startOffset + last.image.length : 0;
      this.raw.push({ start: at, end: at, message: e.message, tokenIndex: this.tokens.length });
      return;
    }
    this.raw.push({ start: t.startOffset, end: t.startOffset + t.image.length, message: e.message, tokenIndex: this.indexOf(t.startOffset) });
  }

  stray(t: IToken, insideBlock: boolean): void {
    let message: string;
    if (t.tokenType === T.UnterminatedString) message = 'This string is not closed: a \'"\' is missing before the end of the line.';
    else if (/^[A-Za-z_]/.test(t.image)) {
      message = insideBlock
        ? `Unknown property '${t.image}'.`
        : `Expected a block (project, calendar, resource, task or milestone) but found '${t.image}'.`;
    } else message = `Unexpected ${shown(t)}.`;
    // Weak: when the parser already explained this token (a property cut short), its message wins.
    this.raw.push({ start: t.startOffset, end: t.startOffset + t.image.length, message, tokenIndex: this.indexOf(t.startOffset), weak: true });
  }

  /** Errors in text order, consecutive ones merged, capped. */
  finish(extra: { start: number; end: number; message: string }[] = []): SyntaxError[] {
    for (const e of extra) this.add(e.start, e.end, e.message);
    const sorted = this.raw.sort((a, b) => a.start - b.start || a.tokenIndex - b.tokenIndex || Number(a.weak ?? false) - Number(b.weak ?? false));
    const out: (SyntaxError & { lastToken: number; standalone?: boolean; absorbs?: boolean })[] = [];
    for (const e of sorted) {
      const prev = out[out.length - 1];
      // A token already explained by a specific (standalone) message needs no generic one.
      if (prev && prev.absorbs && e.weak && e.tokenIndex <= prev.lastToken + 1) { prev.lastToken = Math.max(prev.lastToken, e.tokenIndex); continue; }
      if (prev && !e.standalone && !prev.standalone && e.tokenIndex <= prev.lastToken + 1 && e.start <= prev.end + 200) {
        prev.end = Math.max(prev.end, e.end);
        prev.lastToken = Math.max(prev.lastToken, e.tokenIndex);
        continue;
      }
      if (out.length >= MAX_SYNTAX_ERRORS) {
        out.push({ start: e.start, end: e.end, message: `Too many syntax errors; the rest of the file is not reported.`, lastToken: Infinity });
        break;
      }
      out.push({ start: e.start, end: e.end, message: e.message, lastToken: e.tokenIndex, standalone: e.standalone, absorbs: e.absorbs });
    }
    return out.map(({ start, end, message }) => ({ start, end, message }));
  }
}
