/** The cumulative cost curve's pure logic: its points in days, the cost at a day, where it crosses the budget. */
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import { dayOf } from './scale';

export interface CurvePoint { day: number; cost: number }

/** The curve from the project start at 0 through the cumulative cost at the end of every week; empty when nothing is scheduled. */
export function curvePoints(model: TimelineModel): CurvePoint[] {
  // Without a single scheduled task there is no time to place costs in.
  if (!model.tasks.some((t) => t.start !== null)) return [];
  const points = model.budget.cumulative.map((p) => ({ day: dayOf(p.date), cost: p.cumulative })).filter((p) => Number.isFinite(p.day));
  if (points.length === 0) return points;
  const startIso = model.project.start ?? model.weeks[0];
  const start = startIso ? dayOf(startIso) : NaN;
  // The first point closes the first week: the curve starts from nothing on the day the project starts.
  const origin = Number.isFinite(start) && start <= points[0].day ? start : points[0].day - 6;
  return [{ day: origin, cost: 0 }, ...points];
}

/** Planned cost up to `day`, linear between points (0 before the first, the total after the last). */
export function costAt(points: CurvePoint[], day: number): number {
  if (points.length === 0 || day <= points[0].day) return 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i];
    if (day <= b.day) return a.cost + ((b.cost - a.cost) * (day - a.day)) / (b.day - a.day);
  }
  return points[points.length - 1].cost;
}

/** The (fractional) day on which the curve first rises above `budget`; null when it never does. */
export function budgetCrossing(points: CurvePoint[], budget: number | null): number | null {
  if (budget === null) return null;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i];
    if (b.cost > budget && a.cost <= budget) return a.day + ((budget - a.cost) / (b.cost - a.cost)) * (b.day - a.day);
  }
  return null;
}

/** Index of the point nearest to `day`. */
export function nearestPoint(points: CurvePoint[], day: number): number {
  let best = 0;
  for (let i = 1; i < points.length; i++) if (Math.abs(points[i].day - day) < Math.abs(points[best].day - day)) best = i;
  return best;
}
