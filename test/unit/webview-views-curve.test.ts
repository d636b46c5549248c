/** The budget view's cumulative cost curve and its choice of bars, on models from the real pipeline. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import { GROUP_LIMIT, largestGroups } from '../../client/webview/views/budgetGroups';
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

describe('webview views: budget groups with a bar of their own', () => {
  const g = (task: number, cost: number, budget: number | null = null) => ({ task, cost, budget });

  it('all of them when few, in plan order', () => {
    const groups = [g(0, 5), g(1, 1), g(2, 9)];
    assert.deepEqual(largestGroups(groups, 3), groups);
  });

  it('beyond the limit: overruns first, then the costliest, still in plan order', () => {
    const groups = [g(0, 5), g(1, 1, 0.5), g(2, 9), g(3, 7), g(4, 2)];
    assert.deepEqual(largestGroups(groups, 3).map((x) => x.task), [1, 2, 3]);
  });

  it('a flat plan from the pipeline: every top-level task with a cost is a group', () => {
    const model = modelOf(`project p "P" { start 2027-01-04 }
resource r { rate 100/d }
${Array.from({ length: 40 }, (_, i) => `task t${i} { duration ${i + 1}d  assign r }`).join('\n')}
`);
    assert.equal(model.budget.groups.length, 40);
    const kept = largestGroups(model.budget.groups, GROUP_LIMIT);
    assert.equal(kept.length, GROUP_LIMIT);
    assert.deepEqual(kept.map((x) => model.tasks[x.task].id), Array.from({ length: 30 }, (_, i) => `t${i + 10}`));
  });
});
