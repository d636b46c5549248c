/** The resource view's cell colouring, month bands and over-allocation summary, on models from the real pipeline. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import type { ResourceWeek } from '../../server/src/language/timeline/types';
import { cellText, isReduced, loadLevel, monthBands, overSummary, overSummaryText, usualAvailability } from '../../client/webview/views/load';

const week = (booked: number, available: number, over = false): ResourceWeek => ({ week: '2027-01-04', booked, available, peak: 0, over, tasks: [] });

// bob: a1 (Mon–Fri) and a2 (Thu–Fri) at 100% each: over-allocated on Thursday and Friday of the first week.
// ann: leave in the week of 1 Feb; cara: half-booked in the first week.
const PLAN = `project p "P" {
  start 2027-01-04
  currency EUR
}
resource bob { rate 500/d }
resource ann { rate 400/d  leave 2027-02-01..2027-02-05 }
resource cara { rate 300/d }
task a1 "Spec" { duration 5d  assign bob }
task a2 "Review" { duration 2d  assign bob  not before 2027-01-07 }
task b1 "Build" { after a1  duration 10d  assign ann }
task c1 "Half" { duration 5d  assign cara 50% }
task c2 "Later" { after b1  not before 2027-02-08  duration 2d  assign ann }
`;

describe('webview views: resource load cells', () => {
  it('levels by booked ÷ available; the over flag wins; no availability is off', () => {
    assert.equal(loadLevel(undefined), 'empty');
    assert.equal(loadLevel(week(0, 5)), 'empty');
    assert.equal(loadLevel(week(2, 5)), 'light');
    assert.equal(loadLevel(week(2.5, 5)), 'normal');
    assert.equal(loadLevel(week(4.5, 5)), 'full');
    assert.equal(loadLevel(week(5, 5)), 'full');
    // One day at 200% in an otherwise light week is still over-allocated.
    assert.equal(loadLevel(week(2, 5, true)), 'over');
    assert.equal(loadLevel(week(0, 0)), 'off');
  });

  it('cell text: percent of availability, "off" without it, nothing when free', () => {
    assert.equal(cellText(week(7, 5, true)), '140%');
    assert.equal(cellText(week(1, 3)), '33%');
    assert.equal(cellText(week(0, 0)), 'off');
    assert.equal(cellText(week(0, 5)), '');
    assert.equal(cellText(undefined), '');
  });

  it('month bands group weeks by the month of their Monday', () => {
    assert.deepEqual(monthBands(['2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08', '2027-03-01']), [
      { month: '2027-01', first: 0, count: 2 },
      { month: '2027-02', first: 2, count: 2 },
      { month: '2027-03', first: 4, count: 1 },
    ]);
    assert.deepEqual(monthBands([]), []);
  });

  it('over-allocated cells are exactly the weeks of the over-allocated diagnostics', () => {
    const analysis = analyzePlan(PLAN);
    const model = timelineModel(analysis, 'file:///p.plan', 1);
    const summary = overSummary(model.resources);
    assert.deepEqual(summary.cells, ['bob@2027-01-04']);
    const diagnostics = analysis.diagnostics.filter((d) => d.code === 'resource-overallocated');
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      const m = /^(\S+) is over-allocated from (\d{4}-\d{2}-\d{2})/.exec(d.message);
      assert.ok(m, d.message);
      const [, resource, day] = m;
      const monday = model.weeks.filter((w) => w <= day).pop();
      assert.ok(summary.cells.includes(`${resource}@${monday}`), `${d.message} → ${resource}@${monday}`);
    }
    assert.equal(summary.resources, 1);
    assert.deepEqual(summary.ids, ['bob']);
    assert.equal(overSummaryText(summary, 3), '1 of 3 resources is over-allocated, in 1 week (1 over-allocated cell).');
    assert.equal(overSummaryText(summary, 3, ['Bob']), '1 of 3 resources is over-allocated, in 1 week (1 over-allocated cell): Bob.');
    const many = { resources: 7, ids: [], weeks: 2, cells: ['a', 'b'] };
    assert.equal(overSummaryText(many, 9, ['A', 'B', 'C', 'D', 'E', 'F', 'G']), '7 of 9 resources are over-allocated, in 2 weeks (2 over-allocated cells): A, B, C, D, E and 2 more.');
  });

  it('the leave week is off, a half-time booking is normal', () => {
    const model = timelineModel(analyzePlan(PLAN), 'file:///p.plan', 1);
    const ann = model.resources.find((r) => r.id === 'ann')!;
    assert.equal(loadLevel(ann.weeks.find((w) => w.week === '2027-02-01')), 'off');
    const cara = model.resources.find((r) => r.id === 'cara')!;
    assert.equal(cara.weeks.length, 1);
    assert.equal(loadLevel(cara.weeks[0]), 'normal');
    assert.equal(cellText(cara.weeks[0]), '50%');
  });

  it('a plan without over-allocation says so', () => {
    const model = timelineModel(analyzePlan(PLAN.replace('not before 2027-01-07', 'after a1')), 'file:///p.plan', 1);
    const summary = overSummary(model.resources);
    assert.deepEqual(summary.cells, []);
    assert.equal(overSummaryText(summary, 3), 'No resource is over-allocated (3 resources).');
  });
});

describe('webview views: reduced availability', () => {
  it('a week with part-week leave or a holiday has less than the usual availability', () => {
    // Two days of leave in the first week, a holiday in the second, a full third week.
    const model = timelineModel(analyzePlan(`project p "P" {
  start 2027-01-04
  calendar c
}
calendar c {
  workdays mon-fri
  holiday 2027-01-13 "A holiday"
}
resource r { rate 1/d  leave 2027-01-04..2027-01-05 }
task a { duration 15d  assign r }
`), 'file:///p.plan', 1);
    const r = model.resources[0];
    assert.equal(usualAvailability(r), 5);
    const byWeek = new Map(r.weeks.map((w) => [w.week, w]));
    assert.equal(isReduced(byWeek.get('2027-01-04'), 5), true);
    assert.equal(isReduced(byWeek.get('2027-01-11'), 5), true);
    assert.equal(isReduced(byWeek.get('2027-01-18'), 5), false);
    assert.equal(isReduced(undefined, 5), false);
    assert.equal(isReduced({ week: 'x', booked: 0, available: 0, peak: 0, over: false, tasks: [] }, 5), false);
  });

  it('without listed weeks the usual week is capacity × 5 days', () => {
    assert.equal(usualAvailability({ id: 'r', name: 'r', capacity: 0.5, line: 0, character: 0, weeks: [], overallocated: false, booked: 0 }), 2.5);
  });
});
