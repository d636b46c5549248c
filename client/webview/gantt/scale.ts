/**
 * The built-in renderer's time axis: day numbers (see server/src/language/dates.ts) to pixels, the span
 * the chart covers (whole weeks, one spare week after the end) and the ticks of the axis per zoom level.
 */
import { formatDay, parseIsoDate, weekday } from '../../../server/src/language/dates';
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import type { Row } from './rows';

export function dayOf(iso: string): number {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
}

export interface Scale {
  /** First day drawn (a Monday) and last day drawn (a Sunday). */
  first: number;
  last: number;
  pxPerDay: number;
  /** Width of the time axis in pixels. */
  width: number;
  /** Left edge of a day. */
  x(day: number): number;
}

/** Zoom presets of the toolbar (pixels per day). */
export const ZOOM_LEVELS: { label: string; pxPerDay: number }[] = [
  { label: 'Days', pxPerDay: 28 },
  { label: 'Weeks', pxPerDay: 8 },
  { label: 'Months', pxPerDay: 2.5 },
];

/** The days the chart spans: every visible row's dates, task deadlines, project start, end, deadline and status date. */
export function chartSpan(model: TimelineModel, rows: Row[]): { first: number; last: number } {
  let lo = Infinity, hi = -Infinity;
  const see = (iso: string | null) => { if (iso) { const d = dayOf(iso); if (d < lo) lo = d; if (d > hi) hi = d; } };
  for (const r of rows) { see(r.task.start); see(r.task.end); see(r.task.deadline); }
  see(model.project.start); see(model.project.end); see(model.project.deadline); see(model.project.status);
  if (lo > hi) { lo = dayOf('2000-01-03'); hi = lo + 27; }
  // A spare week on both sides: a milestone on the first day keeps its whole diamond.
  const first = lo - weekday(lo) - 7;
  const last = hi + (6 - weekday(hi)) + 7;
  return { first, last };
}

/** A scale over `span`: `pxPerDay` when given (zoom), else fitted to `available` pixels (3 to 28 per day). */
export function makeScale(span: { first: number; last: number }, available: number, pxPerDay?: number): Scale {
  const days = span.last - span.first + 1;
  const ppd = pxPerDay ?? Math.max(3, Math.min(28, available / days));
  return { first: span.first, last: span.last, pxPerDay: ppd, width: Math.ceil(days * ppd), x: (day) => (day - span.first) * ppd };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Tick { day: number; label: string; major: boolean }

/** Axis ticks: month starts (major, labelled "Mar 2027") and, as space allows, weeks or days (minor). */
export function axisTicks(scale: Scale): { major: Tick[]; minor: Tick[] } {
  const major: Tick[] = [], minor: Tick[] = [];
  const ppd = scale.pxPerDay;
  const weekEvery = ppd * 7 >= 46 ? 1 : ppd * 7 >= 23 ? 2 : ppd * 7 >= 12 ? 4 : 0;
  let week = 0;
  for (let d = scale.first; d <= scale.last + 1; d++) {
    const iso = formatDay(d);
    if (iso.endsWith('-01') || d === scale.first) {
      major.push({ day: d, label: `${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`, major: true });
    }
    if (d > scale.last) break;
    if (ppd >= 18) minor.push({ day: d, label: iso.slice(8), major: false });
    else if (weekday(d) === 0 && weekEvery > 0 && week++ % weekEvery === 0) minor.push({ day: d, label: `${iso.slice(8)} ${MONTHS[+iso.slice(5, 7) - 1]}`, major: false });
  }
  return { major, minor };
}

export { formatDay, weekday };
