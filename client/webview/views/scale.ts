/** Linear scales and round axis ticks for the budget chart; dates as day numbers. */
import { parseIsoDate } from '../../../server/src/language/dates';

export type Scale = (x: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0;
  return span === 0 ? () => r0 : (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** Day number of a YYYY-MM-DD date (NaN when it is not one). */
export function dayOf(iso: string): number {
  return parseIsoDate(iso) ?? NaN;
}

/** Ticks 0, step, 2·step, … up to `max`, with about `count` steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = magnitude;
  for (const f of [1, 2, 2.5, 5, 10]) if (Math.abs(f * magnitude - raw) < Math.abs(step - raw)) step = f * magnitude;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const value = Math.round(i * step * 1e6) / 1e6;
    if (value > max * (1 + 1e-9)) break;
    ticks.push(value);
  }
  return ticks;
}

/** First days of the months in [from, to] (day numbers), for the date axis. */
export function monthStarts(from: number, to: number): number[] {
  const out: number[] = [];
  const d = new Date(from * 86_400_000);
  let y = d.getUTCFullYear(), m = d.getUTCMonth();
  for (;;) {
    const day = Date.UTC(y, m, 1) / 86_400_000;
    if (day > to) break;
    if (day >= from) out.push(day);
    m++;
    if (m === 12) { m = 0; y++; }
  }
  return out;
}

/** YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
