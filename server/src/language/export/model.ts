/** What every export needs of an analysed plan: the schedule report plus progress, deadlines, depth and reasons. */
import type { PlanAnalysis } from '../analyze';
import { formatDay, parseIsoDate } from '../dates';
import { scheduleReport, type ProjectReport, type TaskReport } from '../report';

export interface ExportTask extends TaskReport {
  /** Nesting depth: 0 for top-level tasks. */
  depth: number;
  /** 0..1, or null when the plan says nothing. */
  progress: number | null;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  /** Why it has no dates (null when scheduled). */
  unscheduledReason: string | null;
}

export interface ExportModel {
  project: ProjectReport & { deadline: string | null; status: string | null };
  tasks: ExportTask[];
  errors: number;
}

export function exportModel(analysis: PlanAnalysis): ExportModel {
  const report = scheduleReport(analysis);
  const { model, schedule } = analysis;
  const reasons = new Map<number, string>();
  for (const c of schedule.cycles) {
    const ids = c.path.map((i) => model.tasks[i].id);
    const text = `in a dependency cycle: ${ids.join(' → ')}`;
    for (const m of c.members) if (!reasons.has(m)) reasons.set(m, text);
  }
  const depth: number[] = [];
  const tasks = report.tasks.map((t, i): ExportTask => {
    const node = model.tasks[i];
    depth[i] = node.parent >= 0 ? depth[node.parent] + 1 : 0;
    // Fields listed, not spread: V8 builds spread copies slowly (tens of ms at 5,000 tasks).
    return {
      id: t.id, name: t.name, kind: t.kind, parent: t.parent, start: t.start, end: t.end, duration: t.duration,
      effort: t.effort, cost: t.cost, budget: t.budget, slack: t.slack, critical: t.critical,
      depth: depth[i],
      progress: node.progress ?? null,
      deadline: node.deadlineDay !== undefined ? formatDay(node.deadlineDay) : null,
      unscheduledReason: t.start === null ? reasons.get(i) ?? 'cannot be scheduled (see the plan\'s errors)' : null,
    };
  });
  const p = model.project;
  return {
    project: {
      ...report.project,
      deadline: p.deadlineDay !== undefined ? formatDay(p.deadlineDay) : null,
      status: p.statusDay !== undefined ? formatDay(p.statusDay) : null,
    },
    tasks,
    errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

/** Day number of a YYYY-MM-DD string from the report. */
export function dayOf(iso: string): number {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
}

/** The day after (exclusive ends for mermaid and iCalendar). */
export function nextDay(iso: string): string {
  return formatDay(dayOf(iso) + 1);
}

export function money(amount: number, currency: string | null): string {
  const s = amount.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return currency ? `${s} ${currency}` : s;
}
