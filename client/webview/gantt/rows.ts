/**
 * Which tasks the timeline shows, in plan order: the filters (critical path only, one resource, one phase)
 * keep the matching tasks plus their ancestor groups, then collapsed groups hide their descendants.
 * Pure and linear in the number of tasks, so it runs on every render even for 5,000-task plans.
 */
import type { TimelineModel, TimelineTask } from '../../../server/src/language/timeline/types';
import type { TimelineState } from '../../src/timeline/messages';

export interface Row {
  /** Index in `TimelineModel.tasks`. */
  index: number;
  task: TimelineTask;
  /** A group with at least one child that passes the filters (it gets a twisty). */
  hasChildren: boolean;
  collapsed: boolean;
}

export type RowFilter = TimelineState['filter'];

/** Index of each task's top-level ancestor (itself for top-level tasks). */
export function topLevelOf(model: TimelineModel): Int32Array {
  const top = new Int32Array(model.tasks.length);
  model.tasks.forEach((t, i) => { top[i] = t.parent < 0 ? i : top[t.parent]; });
  return top;
}

export function filterActive(filter: RowFilter): boolean {
  return filter.criticalOnly || filter.resource !== null || filter.phase !== null;
}

/** Tasks that pass the filters: matching leaves, milestones and childless groups, plus the ancestors of any kept task. */
export function filteredTasks(model: TimelineModel, filter: RowFilter): boolean[] {
  const n = model.tasks.length;
  const kept = new Array<boolean>(n).fill(!filterActive(filter));
  if (!filterActive(filter)) return kept;
  const hasChild = new Array<boolean>(n).fill(false);
  for (const t of model.tasks) if (t.parent >= 0) hasChild[t.parent] = true;
  const top = topLevelOf(model);
  for (let i = 0; i < n; i++) {
    const t = model.tasks[i];
    if (hasChild[i]) continue; // groups are kept through their children
    if (filter.criticalOnly && !t.critical) continue;
    if (filter.resource !== null && !t.resources.includes(filter.resource)) continue;
    if (filter.phase !== null && model.tasks[top[i]].id !== filter.phase) continue;
    for (let j = i; j >= 0 && !kept[j]; j = model.tasks[j].parent) kept[j] = true;
  }
  return kept;
}

/** The rows on screen: filtered, then without the descendants of collapsed groups. */
export function visibleRows(model: TimelineModel, state: Pick<TimelineState, 'collapsed' | 'filter'>): Row[] {
  const kept = filteredTasks(model, state.filter);
  const collapsed = new Set(state.collapsed);
  const n = model.tasks.length;
  const hasChildren = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) { const p = model.tasks[i].parent; if (kept[i] && p >= 0) hasChildren[p] = true; }
  /** A task is hidden when an ancestor is collapsed (or hidden). */
  const hidden = new Array<boolean>(n).fill(false);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const t = model.tasks[i];
    if (!kept[i]) continue;
    if (t.parent >= 0 && (hidden[t.parent] || collapsed.has(model.tasks[t.parent].id))) { hidden[i] = true; continue; }
    rows.push({ index: i, task: t, hasChildren: hasChildren[i], collapsed: hasChildren[i] && collapsed.has(t.id) });
  }
  return rows;
}

/**
 * The row that stands for a task: its own row when visible, else the nearest visible ancestor
 * (a collapsed group); -1 when neither is shown (filtered out).
 */
export function rowFor(model: TimelineModel, rows: Row[], taskIndex: number): number {
  const at = new Map<number, number>();
  rows.forEach((r, k) => at.set(r.index, k));
  for (let i = taskIndex; i >= 0; i = model.tasks[i].parent) {
    const k = at.get(i);
    if (k !== undefined) return k;
  }
  return -1;
}

/** Ids of every group (tasks with children), for "collapse all". */
export function groupIds(model: TimelineModel, maxDepth = Infinity): string[] {
  const hasChild = new Set<number>();
  for (const t of model.tasks) if (t.parent >= 0) hasChild.add(t.parent);
  return model.tasks.filter((t, i) => hasChild.has(i) && t.depth <= maxDepth).map((t) => t.id);
}

/** The deepest nesting level (1 = only top-level tasks). */
export function outlineDepth(model: TimelineModel): number {
  let d = 0;
  for (const t of model.tasks) if (t.depth + 1 > d) d = t.depth + 1;
  return d;
}

/** Collapsed groups that show the plan down to `level` (1 = top-level tasks only). */
export function collapsedForLevel(model: TimelineModel, level: number): string[] {
  const hasChild = new Set<number>();
  for (const t of model.tasks) if (t.parent >= 0) hasChild.add(t.parent);
  return model.tasks.filter((t, i) => hasChild.has(i) && t.depth >= level - 1).map((t) => t.id);
}

/** Tasks without dates among the filtered tasks (collapse does not hide them: they are listed below the chart). */
export function unscheduledTasks(model: TimelineModel, filter: RowFilter): TimelineTask[] {
  const kept = filteredTasks(model, filter);
  return model.tasks.filter((t, i) => kept[i] && (t.start === null || t.end === null));
}
