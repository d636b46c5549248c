/** The schedule as `planc schedule` prints it (DESIGN.md's CLI contract), in JSON and CSV. */
import type { PlanAnalysis } from './analyze';
import { formatDay } from './dates';
import { roundMoney } from './money';

export type TaskKind = 'leaf' | 'group' | 'milestone';

export interface TaskReport {
  id: string;
  name: string;
  kind: TaskKind;
  parent: string | null;
  /** YYYY-MM-DD; null when the task could not be scheduled (it is in a dependency cycle). */
  start: string | null;
  /** Last working day, inclusive. */
  end: string | null;
  /** Scheduled length in working days (milestones 0). */
  duration: number | null;
  /** Person-days of work booked (groups: the sum of their children). */
  effort: number;
  cost: number;
  budget: number | null;
  /** Working days. */
  slack: number | null;
  critical: boolean;
}

export interface ProjectReport {
  id: string;
  name: string;
  start: string | null;
  end: string | null;
  cost: number;
  budget: number | null;
  currency: string | null;
}

export interface ScheduleReport { project: ProjectReport; tasks: TaskReport[] }

function round(x: number, digits = 4): number { const f = 10 ** digits; return Math.round(x * f) / f; }

export function scheduleReport(analysis: PlanAnalysis): ScheduleReport {
  const { model, schedule, costs } = analysis;
  const tl = schedule.timeline;
  const date = (idx: number): string | null => { const d = tl?.dayOf(idx); return d === undefined ? null : formatDay(d); };
  const tasks: TaskReport[] = model.tasks.map((t) => {
    const i = t.index;
    const on = schedule.scheduled[i] === 1;
    return {
      id: t.id,
      name: t.name,
      kind: t.kind,
      parent: t.parent >= 0 ? model.tasks[t.parent].id : null,
      start: on ? date(schedule.startPt[i] >> 1) : null,
      end: on ? date(schedule.endPt[i] >> 1) : null,
      duration: on ? schedule.length[i] : null,
      effort: round(costs.effort[i]),
      cost: roundMoney(costs.cost[i]),
      budget: t.budget ?? null,
      slack: on && !Number.isNaN(schedule.slack[i]) ? schedule.slack[i] : null,
      critical: schedule.critical[i] === 1,
    };
  });
  const p = model.project;
  return {
    project: {
      id: p.id,
      name: p.name,
      start: schedule.projectStartDay !== undefined ? formatDay(schedule.projectStartDay) : null,
      end: schedule.projectEndPt >= 0 ? date(schedule.projectEndPt >> 1) : null,
      cost: roundMoney(costs.projectCost),
      budget: p.budget ?? null,
      currency: p.currency ?? null,
    },
    tasks,
  };
}

const CSV_COLUMNS: (keyof TaskReport)[] = ['id', 'name', 'kind', 'parent', 'start', 'end', 'duration', 'effort', 'cost', 'budget', 'slack', 'critical'];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV, one row per task in plan order. */
export function scheduleCsv(report: ScheduleReport): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const t of report.tasks) rows.push(CSV_COLUMNS.map((c) => csvCell(t[c])).join(','));
  return rows.join('\r\n') + '\r\n';
}
