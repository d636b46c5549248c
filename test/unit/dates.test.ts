// Calendar dates: ISO parsing (real dates only), day numbers, weekdays, formatting.
// Expected day numbers and weekdays were checked with `date -u -d DATE +%a/%s`.
import { strict as assert } from 'node:assert';
import { parseIsoDate, formatDay, weekday, daysInMonth, dayFromParts, WEEKDAY_NAMES } from '../../server/src/language/dates';
import { rng } from './helpers';

const day = (s: string) => {
  const d = parseIsoDate(s);
  assert.notEqual(d, undefined, `${s} should be a date`);
  return d!;
};

describe('dates', () => {
  describe('parseIsoDate', () => {
    it('counts days from 1970-01-01', () => {
      assert.equal(day('1970-01-01'), 0);
      assert.equal(day('2000-02-29'), 11016);
      assert.equal(day('2024-02-29'), 19782);
      assert.equal(day('2027-12-31'), 21183);
      assert.equal(day('2028-01-03'), 21186);
    });

    it('reaches both ends of the four-digit years', () => {
      assert.equal(day('0001-01-01'), -719162);
      assert.equal(day('9999-12-31'), 2932896);
    });

    it('rejects days that do not exist', () => {
      for (const s of ['2027-02-30', '2027-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-01-32', '2100-02-29', '0000-01-01']) {
        assert.equal(parseIsoDate(s), undefined, s);
      }
    });

    it('accepts 29 February in leap years, including 2000', () => {
      for (const s of ['2028-02-29', '2000-02-29', '2400-02-29']) assert.notEqual(parseIsoDate(s), undefined, s);
    });

    it('rejects other shapes than YYYY-MM-DD', () => {
      for (const s of ['2027-1-04', '2027-01-4', '27-01-04', '2027/01/04', '2027-01-04x', '', '20270104']) {
        assert.equal(parseIsoDate(s), undefined, s);
      }
    });
  });

  describe('weekday', () => {
    it('numbers Monday 0 to Sunday 6', () => {
      assert.equal(weekday(day('2027-01-04')), 0); // Monday
      assert.equal(weekday(day('2027-01-09')), 5); // Saturday
      assert.equal(weekday(day('2027-01-10')), 6); // Sunday
      assert.equal(weekday(day('1970-01-01')), 3); // Thursday
      assert.equal(weekday(day('2100-03-01')), 0); // Monday
      assert.equal(weekday(day('9999-12-31')), 4); // Friday
      assert.equal(weekday(day('0001-01-01')), 0); // Monday
      assert.deepEqual([...WEEKDAY_NAMES], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    });

    it('works for days before 1970', () => {
      assert.equal(weekday(day('1969-12-31')), 2); // Wednesday
      assert.equal(weekday(day('1900-01-01')), 0); // Monday
    });
  });

  describe('daysInMonth', () => {
    it('knows the month lengths and the leap-year rule', () => {
      assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2027, m)), [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
      assert.equal(daysInMonth(2028, 2), 29);
      assert.equal(daysInMonth(1900, 2), 28);
      assert.equal(daysInMonth(2000, 2), 29);
    });
  });

  describe('formatDay', () => {
    it('prints ISO dates with zero padding', () => {
      assert.equal(formatDay(0), '1970-01-01');
      assert.equal(formatDay(-719162), '0001-01-01');
      assert.equal(formatDay(2932896), '9999-12-31');
      assert.equal(formatDay(day('2027-03-05')), '2027-03-05');
    });

    it('round-trips with parseIsoDate across leap days and centuries', () => {
      for (const s of ['2028-02-29', '2028-03-01', '2100-02-28', '2100-03-01', '1999-12-31', '2000-01-01']) {
        assert.equal(formatDay(day(s)), s);
      }
    });

    it('agrees with the JavaScript UTC calendar on 2,000 random days', () => {
      const r = rng(7);
      for (let i = 0; i < 2000; i++) {
        const n = Math.floor(r() * 200_000) - 100_000; // 1696 .. 2243
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        assert.equal(formatDay(n), iso, `day ${n}`);
        assert.equal(parseIsoDate(iso), n, iso);
        assert.equal(weekday(n), (new Date(n * 86_400_000).getUTCDay() + 6) % 7, iso);
      }
    });
  });

  describe('dayFromParts', () => {
    it('agrees with parseIsoDate', () => {
      assert.equal(dayFromParts(2027, 1, 4), day('2027-01-04'));
      assert.equal(dayFromParts(2028, 2, 29), day('2028-02-29'));
    });

    it('consecutive days differ by one across month and year ends', () => {
      assert.equal(day('2028-03-01') - day('2028-02-29'), 1);
      assert.equal(day('2028-01-01') - day('2027-12-31'), 1);
      assert.equal(day('2028-01-01') - day('2027-01-01'), 365);
      assert.equal(day('2029-01-01') - day('2028-01-01'), 366);
    });
  });
});
