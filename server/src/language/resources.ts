/** Resource load (rule 8): over-allocation against capacity, and work on leave or outside a resource's calendar. */
import { DiagnosticSink } from './diagnostics';
import { formatDay } from './dates';
import { quoteList } from './names';
import type { PlanModel } from './model';
import type { Schedule } from './schedule';

interface Booking { task: number; assignment: number; start: number; end: number; share: number }

export interface ResourceLoad {
  /** Bookings of each resource: task index, first and last working-day index, share. */
  bookings: Booking[][];
}

const MAX_CALENDAR_SCAN = 2000;

export function checkResources(model: PlanModel, schedule: Schedule, sink: DiagnosticSink): ResourceLoad {
  const bookings: Booking[][] = model.resources.map(() => []);
  const tl = schedule.timeline;
  if (!tl) return { bookings };
  for (const t of model.tasks) {
    if (t.kind !== 'leaf' || !schedule.scheduled[t.index]) continue;
    const start = schedule.startPt[t.index] >> 1, end = schedule.endPt[t.index] >> 1;
    t.assignments.forEach((a, k) => bookings[a.resource].push({ task: t.index, assignment: k, start, end, share: a.share }));
  }
  const dayText = (idx: number) => { const d = tl.dayOf(idx); return d === undefined ? '?' : formatDay(d); };
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

  model.resources.forEach((r, ri) => {
    const list = bookings[ri];
    if (list.length === 0) return;
    // Leave and the resource's own calendar.
    const leave = r.leave.map((l) => ({ from: tl.ceilIndex(l.from), to: tl.floorIndex(l.to) }));
    for (const b of list) {
      let first = Infinity;
      for (const l of leave) { const s = Math.max(b.start, l.from); if (s <= Math.min(b.end, l.to) && s < first) first = s; }
      if (r.calendar) {
        const last = Math.min(b.end, b.start + MAX_CALENDAR_SCAN, first - 1);
        for (let d = b.start; d <= last; d++) { const day = tl.dayOf(d); if (day !== undefined && !r.calendar.isWorkday(day)) { first = d; break; } }
      }
      if (first !== Infinity) {
        const t = model.tasks[b.task];
        const reason = leave.some((l) => first >= l.from && first <= l.to) ? 'is on leave' : `does not work on that day (calendar ${r.calendarName})`;
        sink.report('resource-on-leave', t.assignments[b.assignment].ref,
          `${r.id} ${reason} on ${dayText(first)} but is assigned to ${t.id} (${dayText(b.start)} to ${dayText(b.end)}).`);
      }
    }
    // Over-allocation: sweep over start/end events, flagging each booking once, at the first overloaded day.
    const events: number[] = [];
    list.forEach((b, k) => { events.push(b.start * 2 + 1, k, (b.end + 1) * 2, k); });
    const order = Array.from({ length: events.length / 2 }, (_, k) => k).sort((x, y) => events[2 * x] - events[2 * y]);
    const active = new Set<number>();
    const flagged = new Uint8Array(list.length);
    let load = 0;
    const limit = r.capacity + 1e-9;
    for (let k = 0; k < order.length; ) {
      const key = events[2 * order[k]];
      const day = key >> 1;
      // Ends (even keys) sort before starts (odd keys) of the same day.
      while (k < order.length && events[2 * order[k]] === key) {
        const b = events[2 * order[k] + 1];
        if (key & 1) { active.add(b); load += list[b].share; } else { active.delete(b); load -= list[b].share; }
        k++;
      }
      if (k < order.length && events[2 * order[k]] >> 1 === day) continue;
      if (load <= limit) continue;
      for (const b of active) {
        if (flagged[b]) continue;
        flagged[b] = 1;
        const t = model.tasks[list[b].task];
        const others: string[] = [];
        for (const o of active) { if (others.length >= 6) break; if (o !== b) others.push(model.tasks[list[o].task].id); }
        const otherCount = active.size - 1;
        const withText = otherCount > 0 ? ` together with ${quoteList(others.slice(0, Math.min(5, otherCount)))}${otherCount > 5 ? ` and ${otherCount - 5} more` : ''}` : '';
        sink.report('resource-overallocated', t.assignments[list[b].assignment].ref,
          `${r.id} is over-allocated from ${dayText(day)}: ${pct(load)} booked against a capacity of ${pct(r.capacity)}, on ${t.id}${withText}.`,
          { data: { resource: r.id, day: dayText(day), others } });
      }
    }
  });
  return { bookings };
}
