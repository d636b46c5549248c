/**
 * Loading policy files: `extends` is followed depth-first (parents first, each file once); the rules
 * are then taken in load order, so a later rule with the same id replaces the earlier (the last
 * loaded wins). Every problem of a policy file goes into that file's diagnostics.
 */
import type { PolicyProperty } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { parsePolicy } from '../parse';
import { checkRule } from './typecheck';
import type { EffectiveRule, PolicyFile, PolicyHost, PolicySet } from './types';

function policyDiag(code: string, span: { start: number; end: number }, message: string, data?: Record<string, unknown>): Diagnostic {
  const d: Diagnostic = { start: span.start, end: span.end, severity: 'error', code, source: 'plan-policy', message };
  if (data) d.data = data;
  return d;
}

/** Parses one policy file and checks its rules: its own diagnostics, without following `extends`. */
export function readPolicyFile(text: string): PolicyFile {
  const document = parsePolicy(text);
  const diagnostics: Diagnostic[] = document.syntaxErrors.map((e) => policyDiag('syntax', e, e.message));
  return { text, document, diagnostics };
}

/** How many files an `extends` chain may hold (a guard against hostile, generated chains). */
export const MAX_EXTENDS_DEPTH = 64;

export function loadPolicies(entryFiles: string[], host: PolicyHost): PolicySet {
  const set: PolicySet = { rules: new Map(), files: new Map() };
  const state = new Map<string, 'loading' | 'done'>();

  const load = (path: string, text: string, depth: number): void => {
    state.set(path, 'loading');
    const file = readPolicyFile(text);
    set.files.set(path, file);
    for (const policy of file.document.policies) {
      for (const prop of policy.props) if (prop.key === 'extends') follow(path, file, prop, depth);
      const policyId = policy.id?.text ?? '';
      const version = policy.props.find((p) => p.key === 'version')?.value?.value;
      for (const rule of policy.rules) {
        const checked = checkRule(rule);
        file.diagnostics.push(...checked.diagnostics);
        if (!rule.id) continue;
        const id = rule.id.text;
        const previous = set.rules.get(id);
        const effective: EffectiveRule = {
          id, severity: checked.severity ?? 'off', message: rule.message?.value ?? id, rule, file: path, policyId,
          overrides: previous ? [...previous.overrides, { file: previous.file, policyId: previous.policyId }] : [],
        };
        if (rule.docs) effective.docs = rule.docs.value;
        if (version !== undefined) effective.policyVersion = version;
        if (!checked.valid) effective.invalid = true;
        set.rules.set(id, effective);
      }
    }
    state.set(path, 'done');
  };

  const follow = (from: string, file: PolicyFile, prop: PolicyProperty, depth: number): void => {
    if (!prop.value) return;
    const spec = prop.value.value;
    const target = host.resolve(spec, from);
    const text = target !== undefined ? host.read(target) : undefined;
    if (target === undefined || text === undefined) {
      file.diagnostics.push(policyDiag('policy-not-found', prop.value, `The policy file '${spec}' cannot be found (or is outside the workspace and its packages).`, { spec }));
      return;
    }
    const s = state.get(target);
    if (s === 'loading') {
      file.diagnostics.push(policyDiag('policy-cycle', prop, `'extends "${spec}"' closes a cycle: that policy file extends, directly or indirectly, this one.`, { spec, target }));
      return;
    }
    if (s === 'done') return;
    if (depth >= MAX_EXTENDS_DEPTH) {
      file.diagnostics.push(policyDiag('invalid-value', prop, `'extends' chains are limited to ${MAX_EXTENDS_DEPTH} files; '${spec}' is not loaded.`, { spec }));
      return;
    }
    load(target, text, depth + 1);
  };

  for (const entry of entryFiles) {
    if (state.has(entry)) continue;
    const text = host.read(entry);
    if (text === undefined) continue; // the caller reports a `uses` that names no readable file
    load(entry, text, 1);
  }
  return set;
}
