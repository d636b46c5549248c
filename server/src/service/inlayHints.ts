/**
 * Inlay hints: each task's and milestone's computed dates, right after its name (or its id when
 * it has no name) — `2027-01-04 → 2027-01-15` for tasks and groups, one date for a milestone,
 * `unscheduled (cycle)` for a task caught in a dependency cycle. The tooltip adds the length,
 * the slack and whether the task is critical. Only hints inside the requested range are returned;
 * a plan without a schedule (no project start) has none.
 */
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { formatDay } from '../language/dates';
import type { PlanContext } from './context';

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

export function inlayHints(ctx: PlanContext, range: Range): InlayHint[] {
  const { model, schedule, lines } = ctx.analysis;
  const tl = schedule.timeline;
  if (!tl) return [];
  const from = lines.offset(range.start), to = lines.offset(range.end);
  const inCycle = new Set<number>();
  for (const c of schedule.cycles) for (const m of c.members) inCycle.add(m);
  const hints: InlayHint[] = [];
  for (const t of model.tasks) {
    const anchor = t.block.name ?? t.block.id;
    if (!anchor) continue;
    const at = anchor.end;
    if (at < from) continue;
    if (at > to) break; // tasks are in document order
    const i = t.index;
    let label: string;
    let tooltip: string;
    if (schedule.scheduled[i] !== 1) {
      if (!inCycle.has(i)) continue;
      label = 'unscheduled (cycle)';
      tooltip = `**${t.name}** is in a dependency cycle and has no dates.`;
    } else {
      const start = tl.dayOf(schedule.startPt[i] >> 1), end = tl.dayOf(schedule.endPt[i] >> 1);
      if (start === undefined || end === undefined) continue;
      label = t.kind === 'milestone' ? formatDay(start) : `${formatDay(start)} → ${formatDay(end)}`;
      const facts: string[] = [];
      if (t.kind !== 'milestone') facts.push(days(schedule.length[i]));
      const slack = schedule.slack[i];
      if (!Number.isNaN(slack)) facts.push(`slack ${days(slack)}`);
      if (schedule.critical[i] === 1) facts.push('critical');
      tooltip = `**${t.name}** (${t.kind === 'leaf' ? 'task' : t.kind}): ${label}${facts.length ? `\n\n${facts.join(' · ')}` : ''}`;
    }
    hints.push({ position: lines.position(at), label, paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value: tooltip } });
  }
  return hints;
}
