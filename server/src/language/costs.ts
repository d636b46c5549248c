/** Cost and budget semantics: resource cost from booked effort and rates, fixed costs, roll-ups, budget checks. */
import { DiagnosticSink } from './diagnostics';
import { leafLength } from './schedule';
import { formatMoney } from './money';
import type { PlanModel, TaskNode } from './model';

export interface Costs {
  /** Total cost of each task (groups include their children). */
  cost: Float64Array;
  /** Person-days booked on each task (groups: the sum of their children). */
  effort: Float64Array;
  projectCost: number;
}

/** Person-days each assignee books on a leaf (LANGUAGE.md rule 3). */
export function bookedDays(t: TaskNode): number[] {
  if (t.kind !== 'leaf' || t.assignments.length === 0) return [];
  if (t.effortDays !== undefined) {
    let total = 0;
    for (const a of t.assignments) total += a.share;
    return t.assignments.map((a) => (t.effortDays! * a.share) / total);
  }
  const len = leafLength(t);
  return t.assignments.map((a) => a.share * len);
}

export function computeCosts(model: PlanModel, sink: DiagnosticSink): Costs {
  const tasks = model.tasks, n = tasks.length;
  const cost = new Float64Array(n), effort = new Float64Array(n);
  const currency = model.project.currency;
  const projectHours = model.project.calendar.hours;
  const unpricedSeen = new Set<string>();
  // Children come after their parent in index order: roll up from the end.
  for (let i = n - 1; i >= 0; i--) {
    const t = tasks[i];
    let c = 0;
    for (const item of t.costs) c += item.amount;
    if (t.kind === 'leaf') {
      const days = bookedDays(t);
      t.booked = days;
      for (let k = 0; k < days.length; k++) {
        const a = t.assignments[k];
        const r = model.resources[a.resource];
        effort[i] += days[k];
        if (r.rate === undefined) {
          const key = `${i}:${a.resource}`;
          if (!unpricedSeen.has(key)) {
            unpricedSeen.add(key);
            sink.report('unpriced-resource', a.ref, `${r.id} has no rate, so its work on ${t.id} costs nothing; add 'rate' to the resource.`);
          }
          continue;
        }
        const daily = r.per === 'h' ? r.rate * (r.calendar?.hours ?? projectHours) : r.rate;
        c += days[k] * daily;
      }
    } else {
      for (const ch of t.children) { c += cost[ch]; effort[i] += effort[ch]; }
    }
    cost[i] = c;
  }
  let projectCost = 0;
  for (const t of tasks) if (t.parent < 0) projectCost += cost[t.index];

  for (const t of tasks) {
    if (t.budget !== undefined && t.budgetProperty) {
      if (cost[t.index] > t.budget + 0.005) {
        sink.report('budget-overrun', t.budgetProperty,
          `${t.id} costs ${formatMoney(cost[t.index], currency)}, over its budget of ${formatMoney(t.budget, currency)} by ${formatMoney(cost[t.index] - t.budget, currency)}.`);
      }
      if (t.kind === 'group') checkCommitted(t.id, t.budget, t.budgetProperty, t.children.map((c) => tasks[c]), sink, currency);
    }
  }
  const p = model.project;
  if (p.budget !== undefined && p.budgetProperty) {
    if (projectCost > p.budget + 0.005) {
      sink.report('budget-overrun', p.budgetProperty,
        `The project costs ${formatMoney(projectCost, currency)}, over its budget of ${formatMoney(p.budget, currency)} by ${formatMoney(projectCost - p.budget, currency)}.`);
    }
    checkCommitted('the project', p.budget, p.budgetProperty, tasks.filter((t) => t.parent < 0), sink, currency);
  }
  return { cost, effort, projectCost };
}

function checkCommitted(owner: string, budget: number, at: { start: number; end: number }, children: TaskNode[], sink: DiagnosticSink, currency: string | undefined): void {
  let sum = 0;
  const withBudget: string[] = [];
  for (const c of children) if (c.budget !== undefined) { sum += c.budget; withBudget.push(c.id); }
  if (sum > budget + 0.005) {
    const whose = owner === 'the project' ? 'The budgets of the top-level tasks' : `The budgets of ${owner}'s children`;
    sink.report('budget-overcommitted', at,
      `${whose} (${withBudget.join(', ')}) add up to ${formatMoney(sum, currency)}, more than ${owner === 'the project' ? "the project's" : 'its'} budget of ${formatMoney(budget, currency)}.`);
  }
}
