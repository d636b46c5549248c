/**
 * Working time. A `WorkCalendar` knows which days are worked; a `Timeline` numbers the working
 * days of the project calendar from the project start (index 0), which is the unit the scheduler
 * computes in. Counting is arithmetic (weeks × workdays − holidays), so any date maps in O(log h).
 */
import { weekday } from './dates';

const MAX_DAY = 2932896; // 9999-12-31
const MIN_DAY = -719162; // 0001-01-01

export interface DayRange { from: number; to: number }

export class WorkCalendar {
  /** Workdays among the 7 days that start on day 0 (a Thursday): prefix[r] = workdays in the first r of them. */
  private readonly prefix = new Int32Array(8);
  private readonly perWeek: number;
  /** Holidays merged into sorted, disjoint ranges, with the count of weekday-workdays before each. */
  private readonly holidayFrom: number[] = [];
  private readonly holidayTo: number[] = [];
  private readonly holidayWorkdaysBefore: number[] = [];

  constructor(readonly workdays: readonly boolean[], readonly hours: number, holidays: DayRange[]) {
    for (let r = 0; r < 7; r++) this.prefix[r + 1] = this.prefix[r] + (workdays[(r + 3) % 7] ? 1 : 0);
    this.perWeek = this.prefix[7];
    const sorted = holidays.filter((h) => h.to >= h.from).sort((a, b) => a.from - b.from);
    for (const h of sorted) {
      const last = this.holidayFrom.length - 1;
      if (last >= 0 && h.from <= this.holidayTo[last] + 1) this.holidayTo[last] = Math.max(this.holidayTo[last], h.to);
      else { this.holidayFrom.push(h.from); this.holidayTo.push(h.to); }
    }
    let acc = 0;
    for (let i = 0; i < this.holidayFrom.length; i++) {
      this.holidayWorkdaysBefore.push(acc);
      acc += this.weekdaysBefore(this.holidayTo[i] + 1) - this.weekdaysBefore(this.holidayFrom[i]);
    }
    this.holidayWorkdaysBefore.push(acc);
  }

  get worksAnyDay(): boolean { return this.perWeek > 0; }

  /** Weekday-workdays in [day 0, day) — negative for days before 1970. */
  private weekdaysBefore(day: number): number {
    const weeks = Math.floor(day / 7);
    return weeks * this.perWeek + this.prefix[day - weeks * 7];
  }

  /** Index of the last holiday range starting at or before `day`, or -1. */
  private holidayIndex(day: number): number {
    let lo = 0, hi = this.holidayFrom.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.holidayFrom[mid] <= day) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  isHoliday(day: number): boolean {
    const i = this.holidayIndex(day);
    return i >= 0 && day <= this.holidayTo[i];
  }

  isWorkday(day: number): boolean {
    return this.workdays[weekday(day)] && !this.isHoliday(day);
  }

  /** Working days in [day 0, day): monotonic, so differences count working days between dates. */
  workdaysBefore(day: number): number {
    const i = this.holidayIndex(day - 1);
    let holidays = 0;
    if (i >= 0) {
      holidays = this.holidayWorkdaysBefore[i] + this.weekdaysBefore(Math.min(this.holidayTo[i] + 1, day)) - this.weekdaysBefore(this.holidayFrom[i]);
    }
    return this.weekdaysBefore(day) - holidays;
  }
}

export const DEFAULT_WORKDAYS: readonly boolean[] = [true, true, true, true, true, false, false];

export function defaultCalendar(): WorkCalendar { return new WorkCalendar(DEFAULT_WORKDAYS, 8, []); }

/** Working days of one calendar numbered from an origin (the first working day on or after it). */
export class Timeline {
  readonly originDay: number;
  private readonly originCount: number;
  private readonly forward: number[] = [];

  constructor(readonly calendar: WorkCalendar, origin: number) {
    let d = origin;
    if (calendar.worksAnyDay) while (!calendar.isWorkday(d) && d < MAX_DAY) d++;
    this.originDay = d;
    this.originCount = calendar.workdaysBefore(d);
    this.forward.push(d);
  }

  /** Index of the first working day on or after `day`. */
  ceilIndex(day: number): number { return this.calendar.workdaysBefore(day) - this.originCount; }

  /** Index of the last working day on or before `day`. */
  floorIndex(day: number): number { return this.calendar.workdaysBefore(day + 1) - this.originCount - 1; }

  /** The date of working day `index` (undefined past year 9999). */
  dayOf(index: number): number | undefined {
    if (index >= 0) {
      const fwd = this.forward;
      if (index > 50_000_000) return undefined;
      while (fwd.length <= index) {
        let d = fwd[fwd.length - 1] + 1;
        while (!this.calendar.isWorkday(d)) { if (++d > MAX_DAY) return undefined; }
        fwd.push(d);
      }
      return fwd[index];
    }
    // Before the origin (deadlines before the start): walk back, rarely far.
    let d = this.originDay;
    for (let i = 0; i > index; ) {
      d--;
      if (d < MIN_DAY) return undefined;
      if (this.calendar.isWorkday(d)) i--;
    }
    return d;
  }
}
