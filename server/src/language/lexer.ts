/**
 * Tokens of both languages. Words are lexed as one `Identifier` pattern and then re-typed
 * from a keyword table of the language being read: one word pattern keeps the lexer fast,
 * and keywords stay ordinary names in the places where a name is expected (see `ident` rules).
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\uFEFF\u00A0]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments', start_chars_hint: ['/'] });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments' });
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: 'comments' });
export const StringLiteral = createToken({ name: 'StringLiteral', label: 'a string', pattern: /"(?:[^"\\\r\n]|\\.)*"/, start_chars_hint: ['"'] });
export const UnterminatedString = createToken({ name: 'UnterminatedString', label: 'an unterminated string', pattern: /"(?:[^"\\\r\n]|\\.)*/, start_chars_hint: ['"'] });
export const DateLiteral = createToken({ name: 'DateLiteral', label: 'a date (YYYY-MM-DD)', pattern: /\d{4}-\d{1,2}-\d{1,2}/ });
export const DurationLiteral = createToken({ name: 'DurationLiteral', label: 'a duration (like 5d)', pattern: /\d+(?:\.\d+)?(?:mo|h|d|w)/ });
export const PercentLiteral = createToken({ name: 'PercentLiteral', label: 'a percentage (like 50%)', pattern: /\d+(?:\.\d+)?%/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', label: 'a number', pattern: /\d[\d_]*(?:\.\d+)?/ });
export const Identifier = createToken({ name: 'Identifier', label: 'a name', pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });

export const LCurly = createToken({ name: 'LCurly', pattern: '{', label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: "'}'" });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
export const DotDot = createToken({ name: 'DotDot', pattern: '..', label: "'..'" });
export const Plus = createToken({ name: 'Plus', pattern: '+', label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: '-', label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: '*', label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: '/', label: "'/'" });
export const NotEq = createToken({ name: 'NotEq', pattern: '!=', label: "'!='" });
export const LtEq = createToken({ name: 'LtEq', pattern: '<=', label: "'<='" });
export const GtEq = createToken({ name: 'GtEq', pattern: '>=', label: "'>='" });
export const Eq = createToken({ name: 'Eq', pattern: '=', label: "'='" });
export const Lt = createToken({ name: 'Lt', pattern: '<', label: "'<'" });
export const Gt = createToken({ name: 'Gt', pattern: '>', label: "'>'" });

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: Lexer.NA, label: `'${word}'` });
}

/** Plan keywords, by word. */
export const K = {
  project: keyword('project'), calendar: keyword('calendar'), resource: keyword('resource'),
  task: keyword('task'), milestone: keyword('milestone'),
  start: keyword('start'), deadline: keyword('deadline'), on: keyword('on'), after: keyword('after'),
  of: keyword('of'), not: keyword('not'), before: keyword('before'), duration: keyword('duration'),
  effort: keyword('effort'), assign: keyword('assign'), owner: keyword('owner'), budget: keyword('budget'),
  cost: keyword('cost'), quality: keyword('quality'), by: keyword('by'), progress: keyword('progress'),
  currency: keyword('currency'), status: keyword('status'), uses: keyword('uses'), waive: keyword('waive'),
  rate: keyword('rate'), capacity: keyword('capacity'), leave: keyword('leave'), workdays: keyword('workdays'),
  hours: keyword('hours'), holiday: keyword('holiday'),
  // policy files
  policy: keyword('policy'), version: keyword('version'), extends: keyword('extends'), rule: keyword('rule'),
  docs: keyword('docs'), each: keyword('each'), where: keyword('where'), require: keyword('require'),
  has: keyword('has'), matches: keyword('matches'), and: keyword('and'), or: keyword('or'),
};

const PLAN_KEYWORDS = [
  'project', 'calendar', 'resource', 'task', 'milestone', 'start', 'deadline', 'on', 'after', 'of', 'not', 'before',
  'duration', 'effort', 'assign', 'owner', 'budget', 'cost', 'quality', 'by', 'progress', 'currency', 'status', 'uses',
  'waive', 'rate', 'capacity', 'leave', 'workdays', 'hours', 'holiday',
] as const;
const POLICY_KEYWORDS = [
  'policy', 'version', 'extends', 'rule', 'docs', 'each', 'where', 'require', 'has', 'matches', 'and', 'or', 'not', 'project',
] as const;

export const planKeywordWords: readonly string[] = PLAN_KEYWORDS;
export const policyKeywordWords: readonly string[] = POLICY_KEYWORDS;

function keywordTable(words: readonly (keyof typeof K)[]): Map<string, TokenType> {
  return new Map(words.map((w) => [w, K[w]]));
}
const planKeywordTable = keywordTable(PLAN_KEYWORDS);
const policyKeywordTable = keywordTable(POLICY_KEYWORDS);

const lexedTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnterminatedComment, StringLiteral, UnterminatedString,
  DateLiteral, DurationLiteral, PercentLiteral, NumberLiteral, Identifier,
  LCurly, RCurly, LParen, RParen, Comma, DotDot, Plus, Minus, Star, Slash, NotEq, LtEq, GtEq, Eq, Lt, Gt,
];

/** Every token type a parser may see. */
export const allTokenTypes: TokenType[] = [...lexedTokens, ...Object.values(K)];

const lexer = new Lexer(lexedTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});

export interface LexError { offset: number; length: number; message: string }
export interface LexResult { tokens: IToken[]; comments: IToken[]; errors: LexError[] }

export type LanguageKind = 'plan' | 'policy';

export function tokenize(text: string, language: LanguageKind): LexResult {
  const result = lexer.tokenize(text);
  const table = language === 'plan' ? planKeywordTable : policyKeywordTable;
  const tokens = result.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType === Identifier) {
      const kw = table.get(t.image);
      if (kw !== undefined) { t.tokenType = kw; t.tokenTypeIdx = kw.tokenTypeIdx!; }
    }
  }
  const errors: LexError[] = [];
  for (const e of result.errors) {
    const prev = errors[errors.length - 1];
    // Consecutive bad characters (binary garbage) make one diagnostic, not one per byte.
    if (prev && prev.offset + prev.length >= e.offset) { prev.length = e.offset + e.length - prev.offset; continue; }
    errors.push({ offset: e.offset, length: e.length, message: '' });
  }
  for (const e of errors) e.message = `Unexpected character${e.length > 1 ? 's' : ''} ${describeChars(text.slice(e.offset, e.offset + Math.min(e.length, 12)))}${e.length > 12 ? '…' : ''}`;
  return { tokens, comments: result.groups.comments ?? [], errors };
}

function describeChars(s: string): string {
  return JSON.stringify(s).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Decodes a string literal's escapes; returns the value and the offsets of bad escapes. */
export function decodeString(image: string): { value: string; badEscape?: number } {
  const body = image.length >= 2 && image.endsWith('"') ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return { value: body };
  let out = '';
  let badEscape: number | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') { out += c; continue; }
    const n = body[++i];
    if (n === '"' || n === '\\') out += n;
    else if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'u' && body[i + 1] === '{') {
      const close = body.indexOf('}', i + 2);
      const hex = close > 0 ? body.slice(i + 2, close) : '';
      const code = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) { badEscape ??= i; out += '\\u'; continue; }
      out += String.fromCodePoint(code);
      i = close;
    } else { badEscape ??= i; out += '\\' + (n ?? ''); }
  }
  return badEscape === undefined ? { value: out } : { value: out, badEscape };
}
