/**
 * Helpers for the policy engine's unit tests: an in-memory workspace (memoryHost), plans checked
 * against policies, and findings as `code@text` (the text the diagnostic covers).
 */
import { strict as assert } from 'node:assert';
import { analyzePlan, type PlanAnalysis } from '../../server/src/language/analyze';
import type { Diagnostic } from '../../server/src/language/diagnostics';
import { loadPolicies } from '../../server/src/language/policy/load';
import { memoryHost } from '../../server/src/language/policy/memoryHost';
import type { PolicySet } from '../../server/src/language/policy/types';
import { plan } from './helpers';

export { plan };

export const ENTRY = '/ws/pmo/main.policy';

/** A policy file holding the given rules. */
export function policy(rules: string, id = 'test'): string {
  return `policy ${id} "Test" {\n${rules}\n}\n`;
}

/** Loads `files` (path → text) starting at `entry`. */
export function load(files: Record<string, string>, entry: string | string[] = ENTRY): PolicySet {
  return loadPolicies(Array.isArray(entry) ? entry : [entry], memoryHost(files));
}

/** `code@covered-text` of a policy file's diagnostics. */
export function fileFindings(set: PolicySet, path = ENTRY): string[] {
  const f = set.files.get(path);
  assert.ok(f, `policy file ${path} was not loaded`);
  return f.diagnostics.map((d) => `${d.code}@${f.text.slice(d.start, d.end)}`);
}

/** Problems of a single policy file made of these rules. */
export function ruleProblems(rules: string): string[] {
  return fileFindings(load({ [ENTRY]: policy(rules) }));
}

export interface Checked { analysis: PlanAnalysis; set: PolicySet; text: string; diagnostics: Diagnostic[] }

/** Analyses the plan with the policy (text of ENTRY, or a file map), asserting the policy files are clean. */
export function check(planText: string, policyText: string | Record<string, string>, options: { allowPolicyProblems?: boolean } = {}): Checked {
  const files = typeof policyText === 'string' ? { [ENTRY]: policyText } : policyText;
  const set = load(files);
  if (!options.allowPolicyProblems) {
    for (const [path, f] of set.files) assert.deepEqual(f.diagnostics.map((d) => `${d.code}: ${d.message}`), [], `problems in ${path}`);
  }
  const analysis = analyzePlan(planText, { policies: set });
  return { analysis, set, text: planText, diagnostics: analysis.diagnostics };
}

/** The policy findings (`policy/*`, `unknown-rule`, `unused-waiver`) as `code@covered-text`. */
export function findings(c: Checked): string[] {
  return c.diagnostics
    .filter((d) => d.code.startsWith('policy/') || d.code === 'unknown-rule' || d.code === 'unused-waiver')
    .map((d) => `${d.code}@${c.text.slice(d.start, d.end)}`);
}

/** Ids of the subjects violating the single rule `r` of `require`/`where` over `subject`. */
export function violators(planText: string, subject: string, body: string): string[] {
  const c = check(planText, policy(`rule r error "violated" { ${subject} ${body} }`));
  return findings(c).filter((f) => f.startsWith('policy/r@')).map((f) => f.slice('policy/r@'.length));
}
