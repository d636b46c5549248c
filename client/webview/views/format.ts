/** Text for the resource and budget views: dates, money, percentages and person-days, independent of the locale. */
import { parseIsoDate } from '../../../server/src/language/dates';
import { money } from '../../../server/src/language/export/model';

export { money };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

/** "4 Jan 2027". */
export function dayLabel(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "4 Jan". */
export function shortDayLabel(iso: string): string {
  const { m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]}`;
}

/** "Jan 2027". */
export function monthLabel(iso: string): string {
  const { y, m } = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "4 Jan – 15 Jan 2027", "30 Dec 2026 – 8 Jan 2027", or one day when start = end. */
export function rangeLabel(start: string, end: string): string {
  if (start === end) return dayLabel(start);
  return parts(start).y === parts(end).y ? `${shortDayLabel(start)} – ${dayLabel(end)}` : `${dayLabel(start)} – ${dayLabel(end)}`;
}

/** The Sunday closing the week that starts on `monday`. */
export function weekEnd(monday: string): string {
  const day = parseIsoDate(monday);
  if (day === undefined) return monday;
  const d = new Date((day + 6) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** 0.456 → "46%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Person-days with at most one decimal: "4.5 d", "1 d". */
export function personDays(days: number): string {
  return `${Math.round(days * 10) / 10} d`;
}

/** Money for axis ticks: "0", "50k", "1.2M", with the currency only when asked. */
export function compactMoney(amount: number, currency: string | null = null): string {
  const abs = Math.abs(amount);
  let s: string;
  if (abs >= 1e6) s = `${trim(amount / 1e6)}M`;
  else if (abs >= 1e3) s = `${trim(amount / 1e3)}k`;
  else s = trim(amount);
  return currency ? `${s} ${currency}` : s;
}

function trim(x: number): string {
  return String(Math.round(x * 10) / 10);
}
