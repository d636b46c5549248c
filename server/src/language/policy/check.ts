/**
 * Checking a scheduled plan against a policy set: every valid rule (severity not `off`) is evaluated
 * on each of its subjects; `where` selects, `require` must be true. Violations are reported at the
 * subject's id (or the `project` keyword) with code `policy/<rule-id>`, the rule's severity and
 * message; the plan's waivers (`waive RULE [on ids] "reason"`) then take theirs out.
 */
import type { PlanAnalysis } from '../analyze';
import type { WaiveProperty } from '../ast';
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { PlanFacts, subjectKind, type PolicySubject } from './facts';
import { evaluate, type EvalContext } from './evaluate';
import type { PolicyCheckResult, PolicySet, UnusedWaiver, WaivedViolation } from './types';

interface Violation { rule: string; subject: PolicySubject; diagnostic: Diagnostic }

export function checkPolicies(analysis: PlanAnalysis, set: PolicySet): PolicyCheckResult {
  const facts = new PlanFacts(analysis);
  const ctx: EvalContext = { hoursPerDay: facts.hoursPerDay, timeline: analysis.schedule.timeline };
  const subjects = new Map<string, PolicySubject[]>();
  const violations: Violation[] = [];

  for (const r of set.rules.values()) {
    if (r.invalid || r.severity === 'off' || !r.rule.require) continue;
    const kind = subjectKind(r.rule.subject);
    if (!kind) continue;
    let list = subjects.get(kind);
    if (!list) subjects.set(kind, (list = facts.subjects(kind)));
    const where = r.rule.where, require = r.rule.require;
    for (const s of list) {
      if (where && evaluate(where, s, ctx) !== true) continue;
      if (evaluate(require, s, ctx) === true) continue;
      const data: Record<string, unknown> = { rule: r.id, file: r.file, policyId: r.policyId, subject: s.id };
      if (r.docs !== undefined) data.docs = r.docs;
      violations.push({
        rule: r.id, subject: s,
        diagnostic: { start: s.span.start, end: s.span.end, severity: r.severity, code: `policy/${r.id}`, source: 'plan', message: r.message, data },
      });
    }
  }

  // Waivers.
  const diagnostics: Diagnostic[] = [];
  const waived: WaivedViolation[] = [];
  const unusedWaivers: UnusedWaiver[] = [];
  const byRule = new Map<string, WaiveProperty[]>();
  for (const w of analysis.model.project.waivers) {
    if (!w.rule) continue;
    const rule = set.rules.get(w.rule.text);
    if (!rule) {
      diagnostics.push({
        start: w.rule.start, end: w.rule.end, severity: 'error', code: 'unknown-rule', source: 'plan',
        message: `No policy of this plan has a rule '${w.rule.text}' to waive.`, data: { rule: w.rule.text },
      });
      continue;
    }
    let list = byRule.get(w.rule.text);
    if (!list) byRule.set(w.rule.text, (list = []));
    list.push(w);
  }
  const used = new Set<WaiveProperty>();
  const usedOn = new Set<string>(); // `${waiver start}:${id}`
  for (const v of violations) {
    const ws = byRule.get(v.rule);
    let by: WaiveProperty | undefined;
    if (ws) {
      for (const w of ws) {
        if (w.on.length === 0) { used.add(w); by ??= w; continue; }
        if (w.on.some((id) => id.text === v.subject.id)) { usedOn.add(`${w.start}:${v.subject.id}`); by ??= w; }
      }
    }
    if (by) waived.push({ rule: v.rule, subject: v.subject.id, diagnostic: v.diagnostic, waiver: by });
    else diagnostics.push(v.diagnostic);
  }
  const symbols = analysis.model.symbols;
  for (const [rule, ws] of byRule) {
    const r = set.rules.get(rule)!;
    if (r.invalid || r.severity === 'off') continue;
    for (const w of ws) {
      if (w.on.length === 0) {
        if (used.has(w)) continue;
        unusedWaivers.push({ rule, waiver: w });
        diagnostics.push({
          start: w.start, end: w.end, severity: 'hint', code: 'unused-waiver', source: 'plan',
          message: `The waiver of '${rule}' is not needed: the plan has no violation of that rule.`, data: { rule },
        });
        continue;
      }
      for (const id of w.on) {
        if (usedOn.has(`${w.start}:${id.text}`) || (!symbols.has(id.text) && id.text !== analysis.model.project.id)) continue;
        unusedWaivers.push({ rule, id: id.text, waiver: w });
        diagnostics.push({
          start: id.start, end: id.end, severity: 'hint', code: 'unused-waiver', source: 'plan',
          message: `The waiver of '${rule}' on ${id.text} is not needed: ${id.text} does not violate that rule.`, data: { rule, id: id.text },
        });
      }
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, waived, unusedWaivers };
}
