/** The resource view's pure logic: how loaded a week is, the month bands of the week axis, the summary. */
import type { ResourceWeek, TimelineResource } from '../../../server/src/language/timeline/types';

/** off: no availability (leave, holidays); over: some day beyond capacity. */
export type LoadLevel = 'empty' | 'light' | 'normal' | 'full' | 'over' | 'off';

export const LEVELS: { level: LoadLevel; label: string }[] = [
  { level: 'empty', label: 'free' },
  { level: 'light', label: 'under 50%' },
  { level: 'normal', label: '50–89%' },
  { level: 'full', label: '90–100%' },
  { level: 'over', label: 'over capacity' },
  { level: 'off', label: 'not available' },
];

/** Booked ÷ available; null when nothing is available. */
export function loadRatio(week: ResourceWeek): number | null {
  return week.available > 0 ? week.booked / week.available : null;
}

/** The colour class of a resource's week (undefined: a week without bookings or leave). */
export function loadLevel(week: ResourceWeek | undefined): LoadLevel {
  if (!week) return 'empty';
  if (week.over) return 'over';
  const ratio = loadRatio(week);
  // Booked without availability is not over capacity by the plan's rules (the diagnostic agrees): show it full.
  if (ratio === null) return week.booked > 0 ? 'full' : 'off';
  if (week.booked <= 0) return 'empty';
  if (ratio < 0.5) return 'light';
  if (ratio < 0.9) return 'normal';
  return 'full';
}

/** The text in a cell: the load in percent, "off" without availability, nothing when free. */
export function cellText(week: ResourceWeek | undefined): string {
  if (!week) return '';
  const ratio = loadRatio(week);
  if (ratio === null) return week.booked > 0 ? '!' : 'off';
  if (week.booked <= 0) return '';
  return `${Math.round(ratio * 100)}%`;
}

/** A resource's usual availability in a week: the most it has in any listed week (capacity × 5 when none is listed). */
export function usualAvailability(resource: TimelineResource): number {
  let most = 0;
  for (const w of resource.weeks) if (w.available > most) most = w.available;
  return most > 0 ? most : resource.capacity * 5;
}

/** Some but not all of the usual availability (part-week leave, a holiday). */
export function isReduced(week: ResourceWeek | undefined, usual: number): boolean {
  return !!week && week.available > 0 && week.available < usual - 1e-9;
}

export interface MonthBand {
  /** YYYY-MM of the month. */
  month: string;
  /** Index of its first week (the first Monday in that month) and how many weeks it spans. */
  first: number;
  count: number;
}

/** Consecutive weeks grouped by the month of their Monday. */
export function monthBands(weeks: string[]): MonthBand[] {
  const bands: MonthBand[] = [];
  weeks.forEach((w, i) => {
    const month = w.slice(0, 7);
    const last = bands[bands.length - 1];
    if (last && last.month === month) last.count++;
    else bands.push({ month, first: i, count: 1 });
  });
  return bands;
}

export interface OverSummary {
  resources: number;
  /** Ids of the over-allocated resources, in plan order. */
  ids: string[];
  /** Distinct weeks in which someone is over-allocated. */
  weeks: number;
  /** `resource@week` of every over-allocated cell. */
  cells: string[];
}

export function overSummary(resources: TimelineResource[]): OverSummary {
  const weeks = new Set<string>();
  const cells: string[] = [];
  const ids: string[] = [];
  for (const r of resources) {
    let any = false;
    for (const w of r.weeks) {
      if (loadLevel(w) !== 'over') continue;
      any = true;
      weeks.add(w.week);
      cells.push(`${r.id}@${w.week}`);
    }
    if (any) ids.push(r.id);
  }
  return { resources: ids.length, ids, weeks: weeks.size, cells };
}

/** "2 of 10 resources are over-allocated, in 3 weeks (4 over-allocated cells): Ann, Bob." or "No resource is over-allocated". */
export function overSummaryText(summary: OverSummary, total: number, names: string[] = []): string {
  if (summary.resources === 0) return `No resource is over-allocated (${total} ${total === 1 ? 'resource' : 'resources'}).`;
  const who = `${summary.resources} of ${total} ${total === 1 ? 'resource' : 'resources'} ${summary.resources === 1 ? 'is' : 'are'} over-allocated`;
  const where = `in ${summary.weeks} ${summary.weeks === 1 ? 'week' : 'weeks'} (${summary.cells.length} over-allocated ${summary.cells.length === 1 ? 'cell' : 'cells'})`;
  const list = names.length === 0 ? '' : `: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
  return `${who}, ${where}${list}.`;
}
