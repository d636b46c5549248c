/**
 * The scanner: text → tokens for the chevrotain parsers. Hand-written because lexing is the
 * largest share of analysing a big plan and a plain character loop is several times faster than
 * a regular-expression lexer; it also gives punctuation and keywords constant images, so a
 * 10,000-task plan allocates far fewer strings. The lexical rules (LANGUAGE.md "Lexical rules"):
 *
 *   whitespace   [ \t\r\n\f\v] U+FEFF U+00A0            skipped
 *   comments     // to end of line, /* … *\/             kept apart (formatting keeps them)
 *   string       "…" with \" \\ \n \t \u{X} escapes, no raw newline
 *   date         \d{4}-\d{1,2}-\d{1,2}                  (validated later: invalid-date)
 *   duration     \d+(\.\d+)?(mo|h|d|w)
 *   percent      \d+(\.\d+)?%
 *   number       \d[\d_]*(\.\d+)?
 *   identifier   [A-Za-z_][A-Za-z0-9_-]*                (keywords by table, per language)
 *   punctuation  { } ( ) , .. + - * / = != < <= > >=
 */
import type { IToken, TokenType } from 'chevrotain';

export interface ScanTables {
  /** Keyword by word; `image` is the one shared string for it. */
  keywords: Map<string, { type: TokenType; image: string }>;
  identifier: TokenType;
  string: TokenType;
  unterminatedString: TokenType;
  date: TokenType;
  duration: TokenType;
  percent: TokenType;
  number: TokenType;
  lineComment: TokenType;
  blockComment: TokenType;
  unterminatedComment: TokenType;
  /** Punctuation by its text. */
  punctuation: Map<string, TokenType>;
}

export interface ScanError { offset: number; length: number }

export interface ScanResult { tokens: IToken[]; comments: IToken[]; errors: ScanError[] }

/** A token as the parser needs it: one shape for all, so property access stays monomorphic. */
export class Token implements IToken {
  constructor(
    public image: string,
    public startOffset: number,
    public tokenType: TokenType,
    public tokenTypeIdx: number,
  ) {}
  get endOffset(): number { return this.startOffset + this.image.length - 1; }
}

const enum C {
  Tab = 9, LF = 10, VT = 11, FF = 12, CR = 13, Space = 32, Bang = 33, Quote = 34, Percent = 37,
  LParen = 40, RParen = 41, Star = 42, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47,
  D0 = 48, D9 = 57, Lt = 60, Eq = 61, Gt = 62, A = 65, Z = 90, Backslash = 92, Underscore = 95,
  a = 97, d = 100, h = 104, m = 109, o = 111, w = 119, z = 122, LCurly = 123, RCurly = 125,
  NBSP = 0xa0, BOM = 0xfeff,
}

function isDigit(c: number): boolean { return c >= C.D0 && c <= C.D9; }
function isWordStart(c: number): boolean { return (c >= C.a && c <= C.z) || (c >= C.A && c <= C.Z) || c === C.Underscore; }
function isWordPart(c: number): boolean { return isWordStart(c) || isDigit(c) || c === C.Minus; }
function isSpace(c: number): boolean {
  return c === C.Space || c === C.LF || c === C.CR || c === C.Tab || c === C.FF || c === C.VT || c === C.NBSP || c === C.BOM;
}
/** Characters that start a token (or whitespace): a run of anything else is one lexical error. */
function startsSomething(c: number): boolean {
  return isSpace(c) || isWordStart(c) || isDigit(c) || c === C.Quote || c === C.Slash || c === C.LCurly || c === C.RCurly
    || c === C.LParen || c === C.RParen || c === C.Comma || c === C.Plus || c === C.Minus || c === C.Star || c === C.Eq
    || c === C.Lt || c === C.Gt || c === C.Dot || c === C.Bang;
}

/**
 * Token objects reused from one scan to the next. A parse holds its tokens only until the next
 * parse (the syntax tree copies what it needs), so the parsers scan into a pool: re-analysing a
 * large plan on every keystroke then allocates almost no tokens, which keeps garbage collection low.
 */
export class TokenPool {
  private readonly free: Token[] = [];
  private used = 0;
  reset(): void { this.used = 0; }
  take(image: string, start: number, type: TokenType): Token {
    if (this.used < this.free.length) {
      const tok = this.free[this.used++];
      tok.image = image; tok.startOffset = start; tok.tokenType = type; tok.tokenTypeIdx = type.tokenTypeIdx!;
      return tok;
    }
    const tok = new Token(image, start, type, type.tokenTypeIdx!);
    // Keep pools bounded: beyond a very large plan, tokens are simply garbage-collected.
    if (this.free.length < 2_000_000) { this.free.push(tok); this.used++; }
    return tok;
  }
}

export function scan(text: string, t: ScanTables, pool?: TokenPool): ScanResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanError[] = [];
  const n = text.length;
  pool?.reset();
  const newToken = (image: string, at: number, type: TokenType): Token =>
    pool ? pool.take(image, at, type) : new Token(image, at, type, type.tokenTypeIdx!);
  const punct = (image: string, at: number): Token => newToken(image, at, t.punctuation.get(image)!);
  const make = (type: TokenType, start: number, end: number) => newToken(text.slice(start, end), start, type);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    const start = i;
    if (isWordStart(c)) {
      i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      const image = text.slice(start, i);
      const kw = t.keywords.get(image);
      tokens.push(kw ? newToken(kw.image, start, kw.type) : newToken(image, start, t.identifier));
      continue;
    }
    if (isDigit(c)) { i = scanNumeric(text, i, tokens, t, make); continue; }
    switch (c) {
      case C.Quote: {
        i++;
        let closed = false;
        while (i < n) {
          const ch = text.charCodeAt(i);
          if (ch === C.Quote) { i++; closed = true; break; }
          if (ch === C.LF || ch === C.CR) break;
          if (ch === C.Backslash) {
            const next = text.charCodeAt(i + 1);
            // An escape takes any character but a line break (which ends the string unterminated).
            if (i + 1 < n && next !== C.LF && next !== C.CR && next !== 0x2028 && next !== 0x2029) { i += 2; continue; }
            i++;
            break;
          }
          i++;
        }
        tokens.push(make(closed ? t.string : t.unterminatedString, start, i));
        continue;
      }
      case C.Slash: {
        const next = text.charCodeAt(i + 1);
        if (next === C.Slash) {
          i += 2;
          while (i < n) { const ch = text.charCodeAt(i); if (ch === C.LF || ch === C.CR) break; i++; }
          comments.push(make(t.lineComment, start, i));
        } else if (next === C.Star) {
          const close = text.indexOf('*/', i + 2);
          i = close < 0 ? n : close + 2;
          comments.push(make(close < 0 ? t.unterminatedComment : t.blockComment, start, i));
        } else { tokens.push(punct('/', start)); i++; }
        continue;
      }
      case C.LCurly: tokens.push(punct('{', start)); i++; continue;
      case C.RCurly: tokens.push(punct('}', start)); i++; continue;
      case C.LParen: tokens.push(punct('(', start)); i++; continue;
      case C.RParen: tokens.push(punct(')', start)); i++; continue;
      case C.Comma: tokens.push(punct(',', start)); i++; continue;
      case C.Plus: tokens.push(punct('+', start)); i++; continue;
      case C.Minus: tokens.push(punct('-', start)); i++; continue;
      case C.Star: tokens.push(punct('*', start)); i++; continue;
      case C.Eq: tokens.push(punct('=', start)); i++; continue;
      case C.Lt:
        if (text.charCodeAt(i + 1) === C.Eq) { tokens.push(punct('<=', start)); i += 2; } else { tokens.push(punct('<', start)); i++; }
        continue;
      case C.Gt:
        if (text.charCodeAt(i + 1) === C.Eq) { tokens.push(punct('>=', start)); i += 2; } else { tokens.push(punct('>', start)); i++; }
        continue;
      case C.Dot:
        if (text.charCodeAt(i + 1) === C.Dot) { tokens.push(punct('..', start)); i += 2; continue; }
        break;
      case C.Bang:
        if (text.charCodeAt(i + 1) === C.Eq) { tokens.push(punct('!=', start)); i += 2; continue; }
        break;
      default:
        break;
    }
    // Not the start of any token: one error for the whole run of such characters.
    i++;
    while (i < n && !startsSomething(text.charCodeAt(i))) i++;
    const prev = errors[errors.length - 1];
    if (prev && prev.offset + prev.length === start) prev.length = i - prev.offset;
    else errors.push({ offset: start, length: i - start });
  }
  return { tokens, comments, errors };
}

/** Date, duration, percent or number, tried in that order as the lexical rules list them. */
function scanNumeric(text: string, start: number, tokens: IToken[], t: ScanTables, make: (type: TokenType, s: number, e: number) => IToken): number {
  const n = text.length;
  let i = start;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const digits = i - start;
  // Date: exactly four digits, '-', one or two digits, '-', one or two digits.
  if (digits === 4 && text.charCodeAt(i) === C.Minus) {
    let j = i + 1, m = 0;
    while (m < 2 && j < n && isDigit(text.charCodeAt(j))) { j++; m++; }
    if (m > 0 && text.charCodeAt(j) === C.Minus) {
      let k = j + 1, d = 0;
      while (d < 2 && k < n && isDigit(text.charCodeAt(k))) { k++; d++; }
      if (d > 0) { tokens.push(make(t.date, start, k)); return k; }
    }
  }
  // Digits with an optional fraction, then a unit or a percent sign.
  let j = i;
  if (text.charCodeAt(j) === C.Dot && isDigit(text.charCodeAt(j + 1))) { j += 2; while (j < n && isDigit(text.charCodeAt(j))) j++; }
  const u = text.charCodeAt(j);
  if (u === C.m && text.charCodeAt(j + 1) === C.o) { tokens.push(make(t.duration, start, j + 2)); return j + 2; }
  if (u === C.h || u === C.d || u === C.w) { tokens.push(make(t.duration, start, j + 1)); return j + 1; }
  if (u === C.Percent) { tokens.push(make(t.percent, start, j + 1)); return j + 1; }
  // Number: digits and '_' separators, then an optional fraction.
  while (i < n) { const ch = text.charCodeAt(i); if (isDigit(ch) || ch === C.Underscore) i++; else break; }
  if (text.charCodeAt(i) === C.Dot && isDigit(text.charCodeAt(i + 1))) { i += 2; while (i < n && isDigit(text.charCodeAt(i))) i++; }
  tokens.push(make(t.number, start, i));
  return i;
}
