/** The built-in renderer's time scale (client/webview/gantt/scale.ts): span, day → x, axis ticks. */
import * as assert from 'node:assert/strict';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import { visibleRows } from '../../client/webview/gantt/rows';
import { axisTicks, chartSpan, dayOf, formatDay, makeScale, weekday } from '../../client/webview/gantt/scale';

const model = timelineModel(analyzePlan(`project p "P" {
  start 2027-01-06
  status 2027-01-20
  deadline 2027-03-03
}
task a "A" { duration 10d }
milestone m "M" { after a }
`), 'file:///p.plan', 1);
const rows = visibleRows(model, { collapsed: [], filter: { criticalOnly: false, resource: null, phase: null } });

describe('timeline webview time scale', () => {
  it('spans whole weeks from a spare week before the first date to a spare week after the last (deadline included)', () => {
    const { first, last } = chartSpan(model, rows);
    assert.equal(weekday(first), 0);
    assert.equal(weekday(last), 6);
    assert.equal(formatDay(first), '2026-12-28');
    assert.equal(formatDay(last), '2027-03-14');
  });

  it('maps days to pixels linearly: fitted to the width, or at the zoom given', () => {
    const span = chartSpan(model, rows);
    const days = span.last - span.first + 1;
    const fit = makeScale(span, days * 10);
    assert.equal(fit.pxPerDay, 10);
    assert.equal(fit.x(span.first), 0);
    assert.equal(fit.x(dayOf('2027-01-06')) - fit.x(dayOf('2027-01-04')), 20);
    assert.equal(fit.width, days * 10);
    // Fitting never goes below 3 or above 28 pixels per day.
    assert.equal(makeScale(span, 10).pxPerDay, 3);
    assert.equal(makeScale(span, 1e6).pxPerDay, 28);
    const zoomed = makeScale(span, 100, 8);
    assert.equal(zoomed.pxPerDay, 8);
    assert.equal(zoomed.x(span.first + 7), 56);
  });

  it('axis: month starts labelled, week ticks on Mondays, day ticks when zoomed in', () => {
    const span = chartSpan(model, rows);
    const weeks = axisTicks(makeScale(span, 0, 8));
    assert.deepEqual(weeks.major.map((t) => t.label), ['Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027']);
    assert.equal(formatDay(weeks.major[1].day), '2027-01-01');
    assert.ok(weeks.minor.length > 0 && weeks.minor.every((t) => weekday(t.day) === 0));
    const days = axisTicks(makeScale(span, 0, 28));
    assert.equal(days.minor.length, span.last - span.first + 1);
  });

  it('rejects what is not a date', () => {
    assert.throws(() => dayOf('2027-02-30'));
  });
});
