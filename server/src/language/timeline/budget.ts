/**
 * The budget picture: cost against budget of the top-level tasks, and the planned cost accumulated week
 * by week. A leaf's cost is spread evenly over its working days, a milestone's falls on its date and a
 * group's own fixed costs over the group's span; tasks without dates add nothing (they have no week).
 */
import type { PlanAnalysis } from '../analyze';
import { formatDay } from '../dates';
import { roundMoney } from '../money';
import type { BudgetGroup, CostPoint, TimelineBudget } from './types';
import type { WeekGrid } from './weeks';

export function budgetView(analysis: PlanAnalysis, grid: WeekGrid): TimelineBudget {
  const { model, costs } = analysis;
  const groups: BudgetGroup[] = [];
  for (const t of model.tasks) {
    if (t.parent >= 0) continue;
    const cost = costs.cost[t.index];
    if (t.kind !== 'group' && cost === 0 && t.budget === undefined) continue;
    groups.push({ task: t.index, cost: roundMoney(cost), budget: t.budget ?? null });
  }
  return {
    currency: model.project.currency ?? null,
    cost: roundMoney(costs.projectCost),
    budget: model.project.budget ?? null,
    groups,
    cumulative: cumulativeCost(analysis, grid),
  };
}

function cumulativeCost(analysis: PlanAnalysis, grid: WeekGrid): CostPoint[] {
  const { model, schedule, costs } = analysis;
  const sunday = (w: number) => formatDay(grid.firstMonday + 7 * w + 6);
  if (grid.count === 0) return [];
  if (!schedule.timeline || grid.indexStart[grid.count] <= grid.indexStart[0]) return Array.from({ length: grid.count }, (_, w) => ({ date: sunday(w), cumulative: 0 }));
  const base = grid.indexStart[0];
  const size = grid.indexStart[grid.count] - base;
  // diff[] holds changes of the daily spending rate; spot[] amounts spent on one day (milestones).
  const diff = new Float64Array(size + 1);
  const spot = new Float64Array(size + 1);
  const clamp = (i: number) => Math.min(Math.max(i - base, 0), size);
  const spread = (amount: number, first: number, last: number) => {
    const days = last - first + 1;
    if (amount === 0 || days <= 0) return;
    diff[clamp(first)] += amount / days;
    diff[clamp(last + 1)] -= amount / days;
  };
  for (const t of model.tasks) {
    const i = t.index;
    if (!schedule.scheduled[i]) continue;
    const first = schedule.startPt[i] >> 1, last = schedule.endPt[i] >> 1;
    if (t.kind === 'leaf') spread(costs.cost[i], first, first + Math.max(1, schedule.length[i]) - 1);
    else if (t.kind === 'milestone') spot[Math.min(clamp(first), size - 1)] += costs.cost[i];
    else {
      let own = 0;
      for (const c of t.costs) own += c.amount;
      spread(own, first, last);
    }
  }
  const points: CostPoint[] = [];
  let rate = 0, spent = 0, d = 0;
  for (let w = 0; w < grid.count; w++) {
    const end = grid.indexStart[w + 1] - base;
    for (; d < end; d++) { rate += diff[d]; spent += rate + spot[d]; }
    points.push({ date: sunday(w), cumulative: roundMoney(spent) });
  }
  return points;
}
