/** The budget view's cumulative cost curve, on models from the real pipeline. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import { budgetCrossing, costAt, curvePoints, nearestPoint } from '../../client/webview/views/curve';
import { dayOf, isoOf } from '../../client/webview/views/scale';

// a: 5 days × 500 = 2,500 in the first week; b: 10 days × 400 = 4,000 over the next two weeks.
const plan = (budget: string) => `project p "P" {
  start 2027-01-04
  currency EUR
  ${budget}
}
resource bob { rate 500/d }
resource ann { rate 400/d }
task a { duration 5d  assign bob }
task b { after a  duration 10d  assign ann }
`;

const modelOf = (text: string) => timelineModel(analyzePlan(text), 'file:///p.plan', 1);

describe('webview views: cumulative cost curve', () => {
  it('starts at 0 on the project start and ends at the project cost', () => {
    const model = modelOf(plan('budget 6_000'));
    const points = curvePoints(model);
    assert.deepEqual(points[0], { day: dayOf('2027-01-04'), cost: 0 });
    assert.equal(points[1].day, dayOf('2027-01-10'));
    assert.equal(points[1].cost, 2_500);
    assert.equal(points[points.length - 1].cost, model.project.cost);
    assert.equal(model.project.cost, 6_500);
    for (let i = 1; i < points.length; i++) assert.ok(points[i].day > points[i - 1].day && points[i].cost >= points[i - 1].cost);
  });

  it('cost at a day interpolates between weeks and is the total after the end', () => {
    const points = curvePoints(modelOf(plan('')));
    assert.equal(costAt(points, dayOf('2027-01-01')), 0);
    assert.equal(costAt(points, dayOf('2027-01-10')), 2_500);
    assert.equal(costAt(points, dayOf('2027-01-17')), 4_500);
    assert.equal(costAt(points, dayOf('2027-01-13')), 2_500 + (2_000 * 3) / 7);
    assert.equal(costAt(points, dayOf('2030-01-01')), 6_500);
  });

  it('the budget crossing lies in the week the cumulative cost passes the budget', () => {
    const points = curvePoints(modelOf(plan('budget 6_000')));
    const crossing = budgetCrossing(points, 6_000)!;
    // 4,500 at 17 Jan, 6,500 at 24 Jan: 6,000 is three quarters of the way.
    assert.equal(crossing, dayOf('2027-01-17') + 5.25);
    assert.equal(isoOf(Math.floor(crossing)), '2027-01-22');
    assert.equal(budgetCrossing(points, 10_000), null);
    assert.equal(budgetCrossing(points, null), null);
  });

  it('an unscheduled plan has no curve', () => {
    const model = modelOf(`project p "P" { start 2027-01-04 }
resource bob { rate 500/d }
task x { duration 2d  after y  assign bob }
task y { duration 1d  after x  assign bob }
`);
    assert.deepEqual(curvePoints(model), []);
  });

  it('the nearest point to a day', () => {
    const points = curvePoints(modelOf(plan('')));
    assert.equal(nearestPoint(points, dayOf('2027-01-09')), 1);
    assert.equal(nearestPoint(points, dayOf('2027-03-01')), points.length - 1);
  });
});
