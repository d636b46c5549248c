/** The schedule as `planc schedule` prints it (DESIGN.md's CLI contract), in JSON and CSV. */
import type { PlanAnalysis } from './analyze';

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

export function scheduleReport(analysis: PlanAnalysis): ScheduleReport {
  void analysis;
  throw new Error('not implemented yet');
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
