/**
 * Semantic tokens. Every token of the plan is classified from the syntax tree and the binder:
 *
 *   namespace   the project's id              type       a calendar         class   a resource
 *   function    a task                        event      a milestone        variable an unresolved reference
 *   property    a property keyword (start, after, not before, …)            keyword block keywords, `start of`, `by`, `on`, rate units
 *   number      dates, durations, percentages, amounts                      string  names, labels, reasons, paths
 *   comment     comments (split per line)     operator   `+ - .. /`          enumMember weekday names, currency codes
 *   decorator   the rule a `waive` names
 *
 * Modifiers: `declaration` on the id a block declares; `readonly` on tasks and milestones pinned
 * with `start`/`on` (declaration and references); `deprecated` on a duplicate declaration, which
 * the plan ignores. References take the type of what they resolve to; a reference that resolves
 * to nothing (or to the wrong kind) is a plain `variable`. Encoded relative to the previous token
 * (LSP), sorted by position; a token never spans lines.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { IToken } from 'chevrotain';
import type * as A from '../language/ast';
import { tokenize } from '../language/lexer';
import type { PlanSymbol, SymbolKind } from '../language/model';
import type { PlanContext } from './context';
import { referencesOf } from './nodeAt';

const TOKEN_TYPES = [
  'namespace', 'type', 'class', 'function', 'event', 'variable', 'property', 'keyword', 'number', 'string', 'comment',
  'operator', 'enumMember', 'decorator',
] as const;
const TOKEN_MODIFIERS = ['declaration', 'readonly', 'deprecated'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MOD_BIT = new Map<Modifier, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

const KIND_TYPE: Record<SymbolKind | 'project', TokenType> = {
  project: 'namespace', calendar: 'type', resource: 'class', task: 'function', milestone: 'event',
};

const OPERATORS = new Set(['Plus', 'Minus', 'DotDot', 'Slash', 'Star', 'Eq', 'NotEq', 'Lt', 'LtEq', 'Gt', 'GtEq']);
const NUMBERS = new Set(['DateLiteral', 'DurationLiteral', 'PercentLiteral', 'NumberLiteral']);
const STRINGS = new Set(['StringLiteral', 'UnterminatedString']);

/** A classification packed in one number: the type index, and the modifier bits above bit 8. */
function cls(type: TokenType, ...mods: Modifier[]): number {
  let bits = 0;
  for (const m of mods) bits |= MOD_BIT.get(m)!;
  return TYPE_INDEX.get(type)! | (bits << 8);
}

const COMMENT = cls('comment'), KEYWORD = cls('keyword'), PROPERTY = cls('property'), NUMBER = cls('number');
const STRING = cls('string'), OPERATOR = cls('operator'), VARIABLE = cls('variable'), ENUM_MEMBER = cls('enumMember');
const DECORATOR = cls('decorator');
const REFERENCE = new Map<string, number>();
for (const kind of Object.keys(KIND_TYPE) as (keyof typeof KIND_TYPE)[]) {
  REFERENCE.set(kind, cls(KIND_TYPE[kind]));
  REFERENCE.set(`${kind}+readonly`, cls(KIND_TYPE[kind], 'readonly'));
}

function isBlank(c: number): boolean { return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff; }

export function semanticTokens(ctx: PlanContext): SemanticTokens {
  const { text, document, model } = ctx.analysis;

  // Classification by the start offset of the token, from the tree (code + 1; 0 = none). An
  // array indexed by offset is several times faster than a map for the 100,000s of tokens of a big plan.
  const classified = new Int32Array(text.length + 1);
  const byStart = { set(offset: number, code: number) { classified[offset] = code + 1; } };
  const pinned = (sym: PlanSymbol | undefined): boolean =>
    sym !== undefined && (sym.kind === 'task' || sym.kind === 'milestone') && model.tasks[sym.index].pinDay !== undefined;
  const resolved = new Map<number, PlanSymbol>();
  model.referenceIdents.forEach((ident, k) => resolved.set(ident.start, model.referenceSymbols[k]));

  const stack: A.Block[] = [...document.blocks].reverse();
  while (stack.length > 0) {
    const b = stack.pop()!;
    byStart.set(b.keyword.start, KEYWORD);
    if (b.id) {
      const sym = b.kind === 'project' ? undefined : model.symbols.get(b.id.text);
      const mods: Modifier[] = ['declaration'];
      if (b.kind !== 'project' && sym?.block !== b) mods.push('deprecated');
      else if (sym && pinned(sym)) mods.push('readonly');
      byStart.set(b.id.start, cls(KIND_TYPE[b.kind], ...mods));
    }
    for (const p of b.props) {
      // `not before` is one keyword span of two words: classify each word.
      for (let s = p.keyword.start; s < p.keyword.end; ) {
        while (s < p.keyword.end && isBlank(text.charCodeAt(s))) s++;
        if (s >= p.keyword.end) break;
        byStart.set(s, PROPERTY);
        while (s < p.keyword.end && !isBlank(text.charCodeAt(s))) s++;
      }
      for (const ident of referencesOf(p)) {
        const sym = resolved.get(ident.start);
        byStart.set(ident.start, sym ? REFERENCE.get(pinned(sym) ? `${sym.kind}+readonly` : sym.kind)! : VARIABLE);
      }
      switch (p.key) {
        case 'waive': if (p.rule) byStart.set(p.rule.start, DECORATOR); break;
        case 'currency': if (p.code) byStart.set(p.code.start, ENUM_MEMBER); break;
        case 'budget': case 'cost': if (p.amount?.currency) byStart.set(p.amount.currency.start, ENUM_MEMBER); break;
        case 'rate':
          if (p.rate?.amount?.currency) byStart.set(p.rate.amount.currency.start, ENUM_MEMBER);
          if (p.rate?.per) byStart.set(p.rate.per.start, KEYWORD);
          break;
        case 'workdays': for (const d of p.days) { if (d.from) byStart.set(d.from.start, ENUM_MEMBER); if (d.to) byStart.set(d.to.start, ENUM_MEMBER); } break;
        default: break;
      }
    }
    for (let i = b.children.length - 1; i >= 0; i--) stack.push(b.children[i]);
  }

  // The pooled scan is safe here: its tokens are used before anything else scans again.
  const lexed = tokenize(text, 'plan', true);
  const tokens: IToken[] = mergeByOffset(lexed.tokens, lexed.comments);
  const data: number[] = [];
  let prevLine = 0, prevChar = 0;
  // Offsets only grow: walk the line ends alongside instead of searching for each token.
  let line = 0, lineStart = 0, nextNewline = text.indexOf('\n');
  const emit = (start: number, length: number, c: number) => {
    while (nextNewline >= 0 && nextNewline < start) { line++; lineStart = nextNewline + 1; nextNewline = text.indexOf('\n', lineStart); }
    const char = start - lineStart;
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, c & 0xff, c >> 8);
    prevLine = line; prevChar = char;
  };
  for (const t of tokens) {
    const name = t.tokenType?.name ?? '';
    const start = t.startOffset, end = start + t.image.length;
    let c: number | undefined = classified[start] - 1;
    if (c < 0) c = undefined;
    if (name === 'LineComment' || name === 'BlockComment' || name === 'UnterminatedComment') c = COMMENT;
    else if (c === undefined) {
      if (name.startsWith('Kw_')) c = KEYWORD;
      else if (NUMBERS.has(name)) c = NUMBER;
      else if (STRINGS.has(name)) c = STRING;
      else if (OPERATORS.has(name)) c = OPERATOR;
      else if (name === 'Identifier') c = VARIABLE;
      else continue; // braces, commas, parentheses
    }
    if (c === COMMENT || name === 'UnterminatedString') {
      // A token never spans lines: emit a multi-line one (a block comment) line by line.
      for (let s = start; s < end; ) {
        let e = text.indexOf('\n', s);
        if (e < 0 || e > end) e = end;
        let segEnd = e;
        if (segEnd > s && text.charCodeAt(segEnd - 1) === 13) segEnd--;
        if (segEnd > s) emit(s, segEnd - s, c);
        s = e + 1;
      }
    } else emit(start, end - start, c);
  }
  return { data };
}

function mergeByOffset(a: IToken[], b: IToken[]): IToken[] {
  if (b.length === 0) return a;
  const out: IToken[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].startOffset < b[j].startOffset)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
