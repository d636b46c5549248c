/**
 * Diagnostics of a policy file. For now: its syntax errors. The policy engine will replace the body
 * of `checkPolicyText` (unknown facts, type errors, unsafe regexes, extends) without touching callers.
 */
import { parsePolicy } from '../language/parse';
import type { Diagnostic } from '../language/diagnostics';

export function checkPolicyText(text: string): Diagnostic[] {
  const document = parsePolicy(text);
  return document.syntaxErrors.map((e) => ({
    start: e.start,
    end: e.end,
    severity: 'error',
    code: 'syntax',
    source: 'plan-policy',
    message: e.message,
  }));
}
