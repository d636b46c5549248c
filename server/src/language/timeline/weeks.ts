/**
 * The weeks of the timeline (Monday to Sunday) and how they map onto the working-day indices the
 * scheduler counts in, so the resource and budget views can sum per week over plain arrays.
 */
import type { Timeline } from '../calendar';
import { weekday } from '../dates';

export interface WeekGrid {
  /** Day number of the first Monday; meaningless when `count` is 0. */
  firstMonday: number;
  count: number;
  /**
   * With a timeline: `indexStart[w]` is the first working-day index on or after the Monday of week w,
   * for w in 0..count (one entry past the last week), so week w holds the indices
   * [indexStart[w], indexStart[w + 1]). Empty without a timeline.
   */
  indexStart: Int32Array;
}

export function mondayOf(day: number): number {
  return day - weekday(day);
}

/**
 * At most a century of weeks: a plan reaching further is a typo (`duration 100000w`) whose model would
 * otherwise grow by megabytes with every keystroke.
 */
export const MAX_WEEKS = 5218;

/** The weeks from the Monday of the earliest day to the week of the latest, at most MAX_WEEKS (none when `days` is empty). */
export function weekGrid(days: readonly number[], timeline: Timeline | undefined): WeekGrid {
  if (days.length === 0) return { firstMonday: 0, count: 0, indexStart: new Int32Array(0) };
  let min = days[0], max = days[0];
  for (const d of days) { if (d < min) min = d; if (d > max) max = d; }
  const firstMonday = mondayOf(min);
  const count = Math.min(MAX_WEEKS, Math.floor((max - firstMonday) / 7) + 1);
  const indexStart = new Int32Array(timeline ? count + 1 : 0);
  if (timeline) for (let w = 0; w <= count; w++) indexStart[w] = timeline.ceilIndex(firstMonday + 7 * w);
  return { firstMonday, count, indexStart };
}

/** The week holding a day (may be outside 0..count-1). */
export function weekOfDay(grid: WeekGrid, day: number): number {
  return Math.floor((day - grid.firstMonday) / 7);
}

/** The week holding a working-day index (clamped to the grid); needs a grid built with a timeline. */
export function weekOfIndex(grid: WeekGrid, index: number): number {
  const starts = grid.indexStart;
  // Last w with starts[w] <= index, among 0..count-1.
  let lo = 0, hi = grid.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid; else hi = mid - 1;
  }
  return lo;
}
