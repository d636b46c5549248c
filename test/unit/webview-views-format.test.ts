/** Text and scales of the resource and budget views: locale-independent dates, money, ticks. */
import { strict as assert } from 'node:assert';
import { compactMoney, dayLabel, money, monthLabel, percent, personDays, rangeLabel, shortDayLabel, weekEnd } from '../../client/webview/views/format';
import { dayOf, isoOf, linearScale, monthStarts, niceTicks } from '../../client/webview/views/scale';

describe('webview views: formatting', () => {
  it('dates read as day, month name and year', () => {
    assert.equal(dayLabel('2027-01-04'), '4 Jan 2027');
    assert.equal(shortDayLabel('2027-12-31'), '31 Dec');
    assert.equal(monthLabel('2027-05-01'), 'May 2027');
  });

  it('ranges drop the first year only within one year, and collapse a single day', () => {
    assert.equal(rangeLabel('2027-01-04', '2027-01-15'), '4 Jan – 15 Jan 2027');
    assert.equal(rangeLabel('2026-12-28', '2027-01-08'), '28 Dec 2026 – 8 Jan 2027');
    assert.equal(rangeLabel('2027-03-01', '2027-03-01'), '1 Mar 2027');
  });

  it('a week ends on the Sunday after its Monday, across months and years', () => {
    assert.equal(weekEnd('2027-01-04'), '2027-01-10');
    assert.equal(weekEnd('2027-12-27'), '2028-01-02');
    assert.equal(weekEnd('2028-02-28'), '2028-03-05');
  });

  it('percentages round; person-days keep one decimal', () => {
    assert.equal(percent(0.456), '46%');
    assert.equal(percent(2), '200%');
    assert.equal(personDays(4.5), '4.5 d');
    assert.equal(personDays(1 / 3), '0.3 d');
    assert.equal(personDays(7), '7 d');
  });

  it('money uses the export format with the currency after the amount', () => {
    assert.equal(money(249_340, 'EUR'), '249,340 EUR');
    assert.equal(money(12.5, null), '12.5');
  });

  it('axis money is compact', () => {
    assert.equal(compactMoney(0), '0');
    assert.equal(compactMoney(50_000), '50k');
    assert.equal(compactMoney(1_250_000, 'EUR'), '1.3M EUR');
    assert.equal(compactMoney(750), '750');
  });
});

describe('webview views: scales', () => {
  it('linear scales map the domain onto the range, reversed ranges too', () => {
    const y = linearScale(0, 100, 200, 0);
    assert.equal(y(0), 200);
    assert.equal(y(50), 100);
    assert.equal(y(100), 0);
    assert.equal(linearScale(5, 5, 10, 20)(5), 10);
  });

  it('ticks are round steps from 0 up to the maximum, never beyond it', () => {
    assert.deepEqual(niceTicks(313_200, 5), [0, 50_000, 100_000, 150_000, 200_000, 250_000, 300_000]);
    assert.deepEqual(niceTicks(8_100, 5), [0, 2_000, 4_000, 6_000, 8_000]);
    assert.deepEqual(niceTicks(1, 4), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(niceTicks(0), [0]);
    for (const max of [7, 99, 1234, 98_765, 3_000_001]) {
      const ticks = niceTicks(max);
      assert.ok(ticks[ticks.length - 1] <= max && ticks.length >= 3 && ticks.length <= 9, `${max}: ${ticks}`);
    }
  });

  it('month starts within a span, across a year end', () => {
    const starts = monthStarts(dayOf('2026-11-15'), dayOf('2027-02-01')).map(isoOf);
    assert.deepEqual(starts, ['2026-12-01', '2027-01-01', '2027-02-01']);
  });

  it('day numbers and ISO dates convert both ways', () => {
    for (const iso of ['1970-01-01', '2027-01-04', '2028-02-29', '2099-12-31']) assert.equal(isoOf(dayOf(iso)), iso);
    assert.ok(Number.isNaN(dayOf('2027-02-30')));
  });
});
