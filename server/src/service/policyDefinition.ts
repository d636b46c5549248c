/**
 * Go to definition: in a policy file from an `extends` string to the file it names (and from a rule
 * id to the rule it replaces, when the set knows it); in a plan from a `waive` rule id (or a `uses`
 * string) to the rule (or the policy file).
 */
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { parsePolicy } from '../language/parse';
import { LineIndex, type Span } from '../language/text';
import type { PolicySet } from '../language/policy/types';
import type { PlanContext } from './context';
import type { Diagnostic as CoreDiagnostic } from '../language/diagnostics';

const within = (s: Span | undefined, offset: number) => s !== undefined && s.start <= offset && offset <= s.end;
const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Definition at a position of a policy file. `resolve` maps an `extends` string to a file URI (or
 * undefined when it names no readable file).
 */
export function policyDefinition(text: string, position: Position, resolve: (spec: string) => string | undefined): Location[] {
  const lines = new LineIndex(text);
  const offset = lines.offset(position);
  for (const p of parsePolicy(text).policies) {
    for (const x of p.props) {
      if (x.key !== 'extends' || !x.value || !within(x.value, offset)) continue;
      const uri = resolve(x.value.value);
      return uri ? [{ uri, range: START }] : [];
    }
  }
  return [];
}

/** Where a rule in effect is defined: its id in its file. */
export function ruleLocation(set: PolicySet, id: string, toUri: (file: string) => string): Location | undefined {
  const rule = set.rules.get(id);
  if (!rule) return undefined;
  const file = set.files.get(rule.file);
  const span = rule.rule.id ?? rule.rule.keyword;
  const range = file ? new LineIndex(file.text).range(span) : START;
  return { uri: toUri(rule.file), range };
}

/**
 * In a plan: from a `waive` rule id to the rule, from a `uses` string to its file (empty elsewhere:
 * the plan's own definition answers). `resolveUses` maps a `uses` string to a file URI.
 */
export function waiverDefinition(
  ctx: PlanContext, set: PolicySet | undefined, position: Position, toUri: (file: string) => string,
  resolveUses?: (spec: string) => string | undefined,
): Location[] | undefined {
  const offset = ctx.analysis.lines.offset(position);
  const { waivers, uses } = ctx.analysis.model.project;
  for (const w of waivers) {
    if (!w.rule || !within(w.rule, offset)) continue;
    const at = set ? ruleLocation(set, w.rule.text, toUri) : undefined;
    return at ? [at] : [];
  }
  for (const u of uses) {
    if (!u.path || !within(u.path, offset)) continue;
    const uri = resolveUses?.(u.path.value);
    return uri ? [{ uri, range: START }] : [];
  }
  return undefined;
}

/**
 * In a policy file (loaded as `set`, at `file`): from the id of a rule that replaces an inherited one
 * to the rule it replaces (the nearest earlier definition).
 */
export function overriddenRule(set: PolicySet, file: string, position: Position, toUri: (file: string) => string): Location[] {
  const own = set.files.get(file);
  if (!own) return [];
  const lines = new LineIndex(own.text);
  const offset = lines.offset(position);
  for (const p of own.document.policies) {
    for (const r of p.rules) {
      if (!r.id || !within(r.id, offset)) continue;
      const effective = set.rules.get(r.id.text);
      const previous = effective?.overrides[effective.overrides.length - 1];
      if (!effective || effective.file !== file || !previous) return [];
      const parent = set.files.get(previous.file);
      const rule = parent?.document.policies.flatMap((x) => x.rules).filter((x) => x.id?.text === r.id!.text).at(-1);
      if (!parent || !rule?.id) return [];
      return [{ uri: toUri(previous.file), range: new LineIndex(parent.text).range(rule.id) }];
    }
  }
  return [];
}

/** In a plan: the rules a violation at this position breaks (its `policy/<id>` diagnostics), in their files. */
export function violationDefinition(
  ctx: PlanContext, diagnostics: readonly CoreDiagnostic[], set: PolicySet | undefined, position: Position, toUri: (file: string) => string,
): Location[] {
  if (!set) return [];
  const offset = ctx.analysis.lines.offset(position);
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!d.code.startsWith('policy/') || offset < d.start || offset > d.end) continue;
    const id = d.code.slice('policy/'.length);
    if (seen.has(id)) continue;
    seen.add(id);
    const at = ruleLocation(set, id, toUri);
    if (at) out.push(at);
  }
  return out;
}
