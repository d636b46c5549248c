/** Text → syntax tree, for both file kinds. */
import type { Comment, PlanDocument, PolicyDocument } from './ast';
import { tokenize, BlockComment } from './lexer';
import { parsePlanTokens } from './planParser';
import { parsePolicyTokens } from './policyParser';
import type { IToken } from 'chevrotain';

function comments(tokens: IToken[]): Comment[] {
  return tokens.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, block: t.tokenType !== undefined && t.tokenType.name !== 'LineComment' }));
}

function lexErrors(lexed: ReturnType<typeof tokenize>, text: string) {
  const extra = lexed.errors.map((e) => ({ start: e.offset, end: e.offset + e.length, message: e.message }));
  for (const c of lexed.comments) {
    if (c.tokenType !== BlockComment && c.image.startsWith('/*')) {
      extra.push({ start: c.startOffset, end: c.startOffset + 2, message: "This comment is not closed: '*/' is missing." });
    }
  }
  void text;
  return extra;
}

export function parsePlan(text: string): PlanDocument {
  const lexed = tokenize(text, 'plan', true);
  const { document, errors } = parsePlanTokens(text, lexed.tokens);
  document.comments = comments(lexed.comments);
  document.syntaxErrors = errors.finish(lexErrors(lexed, text));
  return document;
}

export function parsePolicy(text: string): PolicyDocument {
  const lexed = tokenize(text, 'policy', true);
  const { document, errors } = parsePolicyTokens(text, lexed.tokens);
  document.comments = comments(lexed.comments);
  document.syntaxErrors = errors.finish(lexErrors(lexed, text));
  return document;
}
