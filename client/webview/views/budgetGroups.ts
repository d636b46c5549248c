/** Which budget groups get a bar of their own. */
import type { BudgetGroup } from '../../../server/src/language/timeline/types';

/** Beyond this many groups (a flat plan has a "group" per top-level task) the rest is summed in one row. */
export const GROUP_LIMIT = 30;

/** The groups worth a bar of their own: all when few, else the overrun ones and the costliest, in plan order. */
export function largestGroups(groups: BudgetGroup[], limit: number): BudgetGroup[] {
  if (groups.length <= limit) return groups;
  const overrun = (g: BudgetGroup) => (g.budget !== null && g.cost > g.budget ? g.cost - g.budget : 0);
  const keep = new Set([...groups].sort((a, b) => overrun(b) - overrun(a) || b.cost - a.cost).slice(0, limit));
  return groups.filter((g) => keep.has(g));
}
