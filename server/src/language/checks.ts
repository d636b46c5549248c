/** Date checks on the scheduled plan: deadlines (rule 10) and progress at the status date. */
import { DiagnosticSink } from './diagnostics';
import { formatDay } from './dates';
import type { PlanModel } from './model';
import type { Schedule } from './schedule';

function days(n: number): string { return `${n} working day${n === 1 ? '' : 's'}`; }

export function checkDates(model: PlanModel, schedule: Schedule, sink: DiagnosticSink): void {
  const tl = schedule.timeline;
  if (!tl) return;
  const dayText = (idx: number) => { const d = tl.dayOf(idx); return d === undefined ? '?' : formatDay(d); };
  for (const t of model.tasks) {
    if (!schedule.scheduled[t.index]) continue;
    const endIdx = schedule.endPt[t.index] >> 1;
    if (t.deadlineDay !== undefined && t.deadlineProperty) {
      const late = endIdx - tl.floorIndex(t.deadlineDay);
      if (late > 0) {
        const what = t.kind === 'milestone' ? 'falls on' : 'ends on';
        sink.report('deadline-missed', t.deadlineProperty, `${t.id} ${what} ${dayText(endIdx)} and misses its deadline ${formatDay(t.deadlineDay)} by ${days(late)}.`);
      }
    }
    const status = model.project.statusDay;
    if (t.kind === 'leaf' && status !== undefined) {
      const endDay = tl.dayOf(endIdx);
      const progress = t.progress ?? 0;
      if (endDay !== undefined && status > endDay && progress < 1) {
        sink.report('late', t.block.id ?? t.block.keyword,
          `${t.id} should have finished on ${formatDay(endDay)} but is ${Math.round(progress * 100)}% complete at the status date ${formatDay(status)}.`);
      }
    }
  }
  const p = model.project;
  if (p.deadlineDay !== undefined && p.deadlineProperty && schedule.projectEndPt >= 0) {
    const endIdx = schedule.projectEndPt >> 1;
    const late = endIdx - tl.floorIndex(p.deadlineDay);
    if (late > 0) sink.report('deadline-missed', p.deadlineProperty, `The project ends on ${dayText(endIdx)} and misses its deadline ${formatDay(p.deadlineDay)} by ${days(late)}.`);
  }
}
