/**
 * Dependency arrows between the rows on screen (pure): each row's `after` list, with a dependency on a
 * task hidden in a collapsed group drawn from that group's row. Rows without dates get none.
 */
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import type { Row } from './rows';

export interface RowLink {
  /** Row of the task waited for, and of the waiting task. */
  from: number;
  to: number;
  /** The waiting task follows the other's start (`after start of x`), not its end. */
  startOf: boolean;
  /** Both ends are on the critical path. */
  critical: boolean;
}

export function rowLinks(model: TimelineModel, rows: readonly Row[]): RowLink[] {
  const rowOfTask = new Int32Array(model.tasks.length).fill(-1);
  rows.forEach((r, k) => { rowOfTask[r.index] = k; });
  const shownAs = (index: number): number => {
    for (let i = index; i >= 0; i = model.tasks[i].parent) if (rowOfTask[i] >= 0) return rowOfTask[i];
    return -1;
  };
  const links: RowLink[] = [];
  const seen = new Set<number>();
  rows.forEach((row, to) => {
    if (row.task.start === null) return;
    for (const a of row.task.after) {
      const from = shownAs(a.task);
      if (from < 0 || from === to || rows[from].task.start === null) continue;
      const key = from * rows.length + to;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ from, to, startOf: a.startOf, critical: row.task.critical && rows[from].task.critical });
    }
  });
  return links;
}

/**
 * The arrow's path from (x1, y1) — the end (or start) of the task waited for — to (x2, y2), the start of
 * the waiting one: out to the right, down (or up) to the waiting row, right into its bar. When the waiting
 * bar starts left of that (a lead, or `after start of x`), the path turns back between the two rows.
 */
export function linkPath(x1: number, y1: number, x2: number, y2: number, rowHeight: number): string {
  const out = x1 + 6;
  const r = (v: number) => Math.round(v * 10) / 10;
  if (x2 - 6 >= out) return `M${r(x1)},${r(y1)} H${r(out)} V${r(y2)} H${r(x2)}`;
  const between = y2 > y1 ? y2 - rowHeight / 2 : y2 + rowHeight / 2;
  return `M${r(x1)},${r(y1)} H${r(out)} V${r(between)} H${r(x2 - 8)} V${r(y2)} H${r(x2)}`;
}
