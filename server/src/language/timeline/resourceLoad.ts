/**
 * Resource load per week, from the bookings the resource check computed (resources.ts). Each resource's
 * bookings go into a difference array over its working-day span, so the work is linear in bookings plus
 * days plus weeks, however long the tasks are. Shares are summed as integers (billionths of a day), so
 * "over capacity" is exact and agrees with the `resource-overallocated` diagnostic.
 */
import type { PlanAnalysis } from '../analyze';
import type { ResourceNode } from '../model';
import { formatDay } from '../dates';
import type { ResourceWeek, TimelineResource } from './types';
import { weekOfDay, weekOfIndex, type WeekGrid } from './weeks';

const UNIT = 1e9;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

interface WeekAcc { booked: number; peak: number; tasks: number[] }

export function resourceLoad(analysis: PlanAnalysis, grid: WeekGrid): TimelineResource[] {
  const { model, schedule, load, lines } = analysis;
  const tl = schedule.timeline;
  return model.resources.map((r, ri) => {
    const bookings = load.bookings[ri] ?? [];
    const capacity = Math.round(r.capacity * UNIT);
    const weeks = new Map<number, WeekAcc>();
    let total = 0;
    if (tl && bookings.length > 0 && grid.count > 0) {
      // Only the days within the weeks of the model count (bookings past them only in absurd plans).
      const gridFirst = grid.indexStart[0], gridLast = grid.indexStart[grid.count] - 1;
      let lo = Infinity, hi = -Infinity;
      for (const b of bookings) { if (b.start < lo) lo = b.start; if (b.end > hi) hi = b.end; }
      lo = Math.max(lo, gridFirst);
      hi = Math.min(hi, gridLast);
      const diff = new Float64Array(Math.max(0, hi - lo + 2));
      for (const b of bookings) {
        const first = Math.max(b.start, lo), last = Math.min(b.end, hi);
        if (first > last) continue;
        const units = Math.round(b.share * UNIT);
        diff[first - lo] += units;
        diff[last + 1 - lo] -= units;
      }
      // Walk the days once, week by week.
      let w = weekOfIndex(grid, lo);
      let nextWeekAt = w + 1 <= grid.count ? grid.indexStart[w + 1] : Infinity;
      let acc: WeekAcc | undefined;
      let running = 0;
      for (let d = lo; d <= hi; d++) {
        running += diff[d - lo];
        while (d >= nextWeekAt && w < grid.count - 1) { w++; nextWeekAt = grid.indexStart[w + 1]; acc = undefined; }
        if (running === 0) continue;
        if (!acc) { acc = weeks.get(w); if (!acc) weeks.set(w, (acc = { booked: 0, peak: 0, tasks: [] })); }
        acc.booked += running;
        if (running > acc.peak) acc.peak = running;
        total += running;
      }
      // The tasks of each week, in task order (bookings are in task order already).
      for (const b of bookings) {
        if (b.end < gridFirst || b.start > gridLast) continue;
        const last = weekOfIndex(grid, b.end);
        for (let k = weekOfIndex(grid, b.start); k <= last; k++) {
          let a = weeks.get(k);
          if (!a) weeks.set(k, (a = { booked: 0, peak: 0, tasks: [] }));
          if (a.tasks[a.tasks.length - 1] !== b.task) a.tasks.push(b.task);
        }
      }
    }
    // Weeks with leave show the reduced availability even without bookings.
    for (const l of r.leave) {
      const from = Math.max(0, weekOfDay(grid, l.from)), to = Math.min(grid.count - 1, weekOfDay(grid, l.to));
      for (let k = from; k <= to; k++) if (!weeks.has(k)) weeks.set(k, { booked: 0, peak: 0, tasks: [] });
    }
    const out: ResourceWeek[] = [...weeks.keys()].sort((a, b) => a - b).map((k) => {
      const a = weeks.get(k)!;
      const monday = grid.firstMonday + 7 * k;
      return {
        week: formatDay(monday),
        booked: round4(a.booked / UNIT),
        available: round4(r.capacity * workingDays(analysis, r, monday)),
        peak: round4(a.peak / capacity),
        over: a.peak > capacity,
        tasks: a.tasks,
      };
    });
    const at = lines.position(r.block.id?.start ?? r.block.start);
    return {
      id: r.id,
      name: r.name,
      capacity: r.capacity,
      line: at.line,
      character: at.character,
      weeks: out,
      overallocated: out.some((wk) => wk.over),
      booked: round4(total / UNIT),
    };
  });
}

/** Days of the week starting on `monday` that the resource works: project working days, not on leave, in its own calendar. */
function workingDays(analysis: PlanAnalysis, r: ResourceNode, monday: number): number {
  const project = analysis.model.project.calendar;
  let n = 0;
  for (let d = monday; d < monday + 7; d++) {
    if (!project.isWorkday(d)) continue;
    if (r.calendar && !r.calendar.isWorkday(d)) continue;
    if (r.leave.some((l) => d >= l.from && d <= l.to)) continue;
    n++;
  }
  return n;
}
