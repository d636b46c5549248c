// Working time: which days are worked, counting them, and the timeline of working-day indices.
import { strict as assert } from 'node:assert';
import { WorkCalendar, Timeline, defaultCalendar, DEFAULT_WORKDAYS, type DayRange } from '../../server/src/language/calendar';
import { parseIsoDate, formatDay, weekday } from '../../server/src/language/dates';
import { datesOf, plan, rng } from './helpers';

const d = (s: string) => {
  const x = parseIsoDate(s);
  if (x === undefined) throw new Error(`test bug: ${s}`);
  return x;
};
const range = (from: string, to = from): DayRange => ({ from: d(from), to: d(to) });
const cal = (holidays: DayRange[] = [], workdays: readonly boolean[] = DEFAULT_WORKDAYS, hours = 8) => new WorkCalendar(workdays, hours, holidays);
/** Working days in [from, to) by the calendar's own counter. */
const between = (c: WorkCalendar, from: string, to: string) => c.workdaysBefore(d(to)) - c.workdaysBefore(d(from));
const dayOf = (t: Timeline, i: number) => { const x = t.dayOf(i); return x === undefined ? undefined : formatDay(x); };

describe('calendar', () => {
  describe('WorkCalendar', () => {
    it('the default calendar works Monday to Friday, 8 hours', () => {
      const c = defaultCalendar();
      assert.equal(c.hours, 8);
      const week = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-09', '2027-01-10'];
      assert.deepEqual(week.map((s) => c.isWorkday(d(s))), [true, true, true, true, true, false, false]);
    });

    it('counts 20 working days in four weeks', () => {
      assert.equal(between(defaultCalendar(), '2027-01-04', '2027-02-01'), 20);
    });

    it('a holiday on a weekday removes one working day', () => {
      const c = cal([range('2027-04-05')]);
      assert.equal(c.isWorkday(d('2027-04-05')), false);
      assert.equal(c.isHoliday(d('2027-04-05')), true);
      assert.equal(between(c, '2027-04-05', '2027-04-12'), 4);
    });

    it('a holiday on a Saturday removes nothing', () => {
      const c = cal([range('2027-05-01')]);
      assert.equal(between(c, '2027-04-26', '2027-05-03'), 5);
    });

    it('a holiday range counts each working day it covers once', () => {
      const c = cal([range('2027-12-24', '2027-12-31')]); // Fri 24 .. Fri 31: 6 weekdays
      assert.equal(between(c, '2027-12-20', '2028-01-03'), 4);
    });

    it('overlapping and adjacent holiday ranges are merged, not counted twice', () => {
      const c = cal([range('2027-12-22', '2027-12-31'), range('2027-12-20', '2027-12-24'), range('2028-01-01', '2028-01-03')]);
      assert.equal(between(c, '2027-12-20', '2028-01-04'), 0);
      assert.equal(between(c, '2027-12-20', '2028-01-05'), 1);
      assert.equal(c.isWorkday(d('2028-01-03')), false);
    });

    it('a six-day week works Saturdays', () => {
      const c = cal([], [true, true, true, true, true, true, false]);
      assert.equal(c.isWorkday(d('2027-01-09')), true);
      assert.equal(between(c, '2027-01-04', '2027-01-18'), 12);
    });

    it('agrees with a day-by-day count over three years with random holidays', () => {
      const r = rng(11);
      const start = d('2026-11-01');
      for (let round = 0; round < 20; round++) {
        const holidays: DayRange[] = [];
        for (let k = 0; k < 15; k++) {
          const from = start + Math.floor(r() * 1100);
          holidays.push({ from, to: from + Math.floor(r() * 10) });
        }
        const workdays = [0, 1, 2, 3, 4, 5, 6].map(() => r() < 0.7);
        const c = new WorkCalendar(workdays, 8, holidays);
        const naive = (x: number) => workdays[weekday(x)] && !holidays.some((h) => x >= h.from && x <= h.to);
        let count = 0;
        for (let x = start; x < start + 1200; x++) {
          assert.equal(c.isWorkday(x), naive(x), `round ${round}, ${formatDay(x)}`);
          assert.equal(c.workdaysBefore(x) - c.workdaysBefore(start), count, `round ${round}, before ${formatDay(x)}`);
          if (naive(x)) count++;
        }
      }
    });

    it('counts correctly before 1970 as well', () => {
      const c = cal([range('1969-12-31')]);
      assert.equal(between(c, '1969-12-29', '1970-01-05'), 4); // Mon..Fri minus the Wednesday holiday
    });
  });

  describe('Timeline', () => {
    it('index 0 is the origin when it is a working day', () => {
      const t = new Timeline(defaultCalendar(), d('2027-01-04'));
      assert.equal(formatDay(t.originDay), '2027-01-04');
      assert.equal(dayOf(t, 0), '2027-01-04');
      assert.equal(t.ceilIndex(d('2027-01-04')), 0);
    });

    it('an origin on a Saturday moves to the Monday', () => {
      const t = new Timeline(defaultCalendar(), d('2027-01-09'));
      assert.equal(formatDay(t.originDay), '2027-01-11');
    });

    it('an origin on a holiday moves to the next working day', () => {
      const t = new Timeline(cal([range('2027-04-05')]), d('2027-04-03'));
      assert.equal(formatDay(t.originDay), '2027-04-06');
    });

    it('dayOf skips weekends', () => {
      const t = new Timeline(defaultCalendar(), d('2027-01-04'));
      assert.equal(dayOf(t, 4), '2027-01-08');
      assert.equal(dayOf(t, 5), '2027-01-11');
      assert.equal(dayOf(t, 19), '2027-01-29');
      assert.equal(dayOf(t, 20), '2027-02-01');
    });

    it('dayOf walks back before the origin', () => {
      const t = new Timeline(defaultCalendar(), d('2027-01-04'));
      assert.equal(dayOf(t, -1), '2027-01-01');
      assert.equal(dayOf(t, -5), '2026-12-28');
      assert.equal(dayOf(t, -6), '2026-12-25');
    });

    it('ceilIndex of a weekend day is the next Monday, floorIndex the Friday before', () => {
      const t = new Timeline(defaultCalendar(), d('2027-01-04'));
      assert.equal(t.ceilIndex(d('2027-01-09')), 5);
      assert.equal(t.ceilIndex(d('2027-01-10')), 5);
      assert.equal(t.floorIndex(d('2027-01-09')), 4);
      assert.equal(t.floorIndex(d('2027-01-10')), 4);
      assert.equal(t.floorIndex(d('2027-01-11')), 5);
    });

    it('ceilIndex and floorIndex of a day before the origin are negative', () => {
      const t = new Timeline(defaultCalendar(), d('2027-01-04'));
      assert.equal(t.floorIndex(d('2027-01-03')), -1);
      assert.equal(t.ceilIndex(d('2027-01-01')), -1);
      assert.equal(t.ceilIndex(d('2027-01-02')), 0);
    });

    it('ceil and floor of every working day give its index back, over two years', () => {
      const c = cal([range('2027-04-05'), range('2027-12-24', '2027-12-31'), range('2028-02-29')]);
      const t = new Timeline(c, d('2027-01-04'));
      for (let i = 0; i < 520; i++) {
        const day = t.dayOf(i)!;
        assert.equal(c.isWorkday(day), true, formatDay(day));
        assert.equal(t.ceilIndex(day), i);
        assert.equal(t.floorIndex(day), i);
        if (i > 0) assert.equal(t.ceilIndex(t.dayOf(i - 1)! + 1), i, `day after ${formatDay(t.dayOf(i - 1)!)}`);
      }
    });

    it('crosses the year end over a holiday range', () => {
      const t = new Timeline(cal([range('2027-12-24', '2027-12-31')]), d('2027-12-20'));
      assert.equal(dayOf(t, 3), '2027-12-23');
      assert.equal(dayOf(t, 4), '2028-01-03');
      assert.equal(t.ceilIndex(d('2027-12-25')), 4);
      assert.equal(t.floorIndex(d('2028-01-02')), 3);
    });

    it('counts 29 February in a leap year and not in others', () => {
      const leap = new Timeline(defaultCalendar(), d('2028-02-28'));
      assert.equal(dayOf(leap, 1), '2028-02-29');
      assert.equal(dayOf(leap, 2), '2028-03-01');
      const plain = new Timeline(defaultCalendar(), d('2027-02-26')); // Friday
      assert.equal(dayOf(plain, 1), '2027-03-01');
    });

    it('holidays at an index boundary are skipped', () => {
      const t = new Timeline(cal([range('2027-01-05')]), d('2027-01-04'));
      assert.deepEqual([0, 1, 2].map((i) => dayOf(t, i)), ['2027-01-04', '2027-01-06', '2027-01-07']);
    });
  });

  describe('in a plan', () => {
    it('holidays of the project calendar disappear from the timeline (Good Friday, Easter Monday)', () => {
      // LANGUAGE reference example: a 3-day task from Thursday 2027-03-25 ends on Wednesday 2027-03-31.
      const text = `project p { start 2027-03-01  calendar cologne }
calendar cologne { holiday 2027-03-26 "Karfreitag"  holiday 2027-03-29 "Ostermontag" }
task print { not before 2027-03-25  duration 3d }
`;
      assert.equal(datesOf(text).print, '2027-03-25..2027-03-31');
    });

    it('a task over the year end skips the Christmas closure', () => {
      const text = `project p { start 2027-12-20  calendar c }
calendar c { holiday 2027-12-24..2027-12-31 }
task t { duration 6d }
`;
      assert.equal(datesOf(text).t, '2027-12-20..2028-01-04');
    });

    it('a calendar with Saturdays schedules on Saturdays', () => {
      const text = `project p { start 2027-01-07  calendar six }
calendar six { workdays mon-sat }
task t { duration 3d }
`;
      assert.equal(datesOf(text).t, '2027-01-07..2027-01-09');
    });

    it('a task over 29 February 2028 counts it as a working day', () => {
      assert.equal(datesOf(`project p { start 2028-02-28 } task t { duration 3d }`).t, '2028-02-28..2028-03-01');
    });

    it('a calendar given by workdays names in a list works those days only', () => {
      const text = plan`
        project q { start 2027-01-04  calendar c }
        calendar c { workdays mon, wed fri }
        task t { duration 4d }
      `;
      assert.equal(datesOf(text).t, '2027-01-04..2027-01-11');
    });
  });
});
