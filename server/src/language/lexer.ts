/**
 * Token types of both languages, and `tokenize`. The scanner (scanner.ts) reads the text;
 * words become keyword tokens through a table of the language being read, so keywords stay
 * ordinary names in the places where a name is expected (see the parsers' `name` rules).
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { scan, TokenPool, type ScanTables } from './scanner';

function token(name: string, label?: string): TokenType {
  return createToken({ name, pattern: Lexer.NA, ...(label ? { label } : {}) });
}

export const LineComment = token('LineComment');
export const BlockComment = token('BlockComment');
export const UnterminatedComment = token('UnterminatedComment');
export const StringLiteral = token('StringLiteral', 'a string');
export const UnterminatedString = token('UnterminatedString', 'an unterminated string');
export const DateLiteral = token('DateLiteral', 'a date (YYYY-MM-DD)');
export const DurationLiteral = token('DurationLiteral', 'a duration (like 5d)');
export const PercentLiteral = token('PercentLiteral', 'a percentage (like 50%)');
export const NumberLiteral = token('NumberLiteral', 'a number');
export const Identifier = token('Identifier', 'a name');

export const LCurly = token('LCurly', "'{'");
export const RCurly = token('RCurly', "'}'");
export const LParen = token('LParen', "'('");
export const RParen = token('RParen', "')'");
export const Comma = token('Comma', "','");
export const DotDot = token('DotDot', "'..'");
export const Plus = token('Plus', "'+'");
export const Minus = token('Minus', "'-'");
export const Star = token('Star', "'*'");
export const Slash = token('Slash', "'/'");
export const NotEq = token('NotEq', "'!='");
export const LtEq = token('LtEq', "'<='");
export const GtEq = token('GtEq', "'>='");
export const Eq = token('Eq', "'='");
export const Lt = token('Lt', "'<'");
export const Gt = token('Gt', "'>'");

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

function keywordTable(words: readonly (keyof typeof K)[]): Map<string, { type: TokenType; image: string }> {
  return new Map(words.map((w) => [w, { type: K[w], image: w }]));
}
const planKeywordTable = keywordTable(PLAN_KEYWORDS);
const policyKeywordTable = keywordTable(POLICY_KEYWORDS);

const PUNCTUATION = new Map<string, TokenType>([
  ['{', LCurly], ['}', RCurly], ['(', LParen], [')', RParen], [',', Comma], ['..', DotDot], ['+', Plus], ['-', Minus],
  ['*', Star], ['/', Slash], ['!=', NotEq], ['<=', LtEq], ['>=', GtEq], ['=', Eq], ['<', Lt], ['>', Gt],
]);

/** Every token type a parser may see. */
export const allTokenTypes: TokenType[] = [
  LineComment, BlockComment, UnterminatedComment, StringLiteral, UnterminatedString, DateLiteral, DurationLiteral,
  PercentLiteral, NumberLiteral, Identifier, ...PUNCTUATION.values(), ...Object.values(K),
];

function tables(keywords: ScanTables['keywords']): ScanTables {
  return {
    keywords, identifier: Identifier, string: StringLiteral, unterminatedString: UnterminatedString, date: DateLiteral,
    duration: DurationLiteral, percent: PercentLiteral, number: NumberLiteral, lineComment: LineComment,
    blockComment: BlockComment, unterminatedComment: UnterminatedComment, punctuation: PUNCTUATION,
  };
}
const planTables = tables(planKeywordTable);
const policyTables = tables(policyKeywordTable);

export interface LexError { offset: number; length: number; message: string }
export interface LexResult { tokens: IToken[]; comments: IToken[]; errors: LexError[] }

export type LanguageKind = 'plan' | 'policy';

const pools = { plan: new TokenPool(), policy: new TokenPool() };

/**
 * Tokens of a text. With `reuse`, the token objects come from a pool and are overwritten by the
 * next reusing call — for the parsers, which are done with the tokens when they return.
 */
export function tokenize(text: string, language: LanguageKind, reuse = false): LexResult {
  const result = scan(text, language === 'plan' ? planTables : policyTables, reuse ? pools[language] : undefined);
  const errors = result.errors.map((e): LexError => ({
    offset: e.offset,
    length: e.length,
    message: `Unexpected character${e.length > 1 ? 's' : ''} ${describeChars(text.slice(e.offset, e.offset + Math.min(e.length, 12)))}${e.length > 12 ? '…' : ''}`,
  }));
  return { tokens: result.tokens, comments: result.comments, errors };
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
