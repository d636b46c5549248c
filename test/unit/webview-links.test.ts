/**
 * Dependency arrows of the timeline (client/webview/gantt/links.ts): which rows are linked after collapse
 * and filters, on models built by the real pipeline (analyzePlan → timelineModel), and the arrows' paths.
 */
import * as assert from 'node:assert/strict';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import { linkPath, rowLinks } from '../../client/webview/gantt/links';
import { visibleRows } from '../../client/webview/gantt/rows';

const PLAN = `project demo "Demo" { start 2027-01-04 }
task phase1 "Phase one" {
  task a "A" { duration 3d }
  task b "B" { after a  duration 4d }
  milestone m1 "Done" { after b, a }
}
task phase2 "Phase two" {
  after phase1
  task c "C" { after start of a  duration 2d }
  task d "D" { duration 9d }
}
task x "X" { duration 2d  after y }
task y "Y" { duration 1d  after x }
task z "Z" { after x  duration 1d }
`;
const model = timelineModel(analyzePlan(PLAN), 'file:///p.plan', 1);
const none = { criticalOnly: false, resource: null, phase: null };
const named = (rows: ReturnType<typeof visibleRows>, links: ReturnType<typeof rowLinks>) =>
  links.map((l) => `${rows[l.from].task.id}→${rows[l.to].task.id}${l.startOf ? ' (start)' : ''}${l.critical ? ' !' : ''}`);

describe('timeline dependency arrows', () => {
  it('the model lists what each task waits for, by index, with `after start of x` marked', () => {
    const at = (id: string) => model.tasks.findIndex((t) => t.id === id);
    assert.deepEqual(model.tasks[at('m1')].after, [{ task: at('b'), startOf: false }, { task: at('a'), startOf: false }]);
    assert.deepEqual(model.tasks[at('c')].after, [{ task: at('a'), startOf: true }]);
    assert.deepEqual(model.tasks[at('d')].after, []);
  });

  it('one link per dependency between rows with dates; critical when both ends are', () => {
    const rows = visibleRows(model, { collapsed: [], filter: none });
    assert.deepEqual(named(rows, rowLinks(model, rows)), ['a→b !', 'b→m1 !', 'a→m1 !', 'phase1→phase2 !', 'a→c (start)']);
  });

  it('a task hidden in a collapsed group is linked from its group; links inside one row vanish', () => {
    const rows = visibleRows(model, { collapsed: ['phase1'], filter: none });
    assert.deepEqual(named(rows, rowLinks(model, rows)), ['phase1→phase2 !', 'phase1→c (start)']);
    const both = visibleRows(model, { collapsed: ['phase1', 'phase2'], filter: none });
    assert.deepEqual(named(both, rowLinks(model, both)), ['phase1→phase2 !']);
  });

  it('filtered out: no link to or from a task not shown', () => {
    const rows = visibleRows(model, { collapsed: [], filter: { ...none, phase: 'phase2' } });
    assert.deepEqual(named(rows, rowLinks(model, rows)), []);
  });

  it('paths: out to the right, down, into the bar; back round between the rows when the bar starts earlier', () => {
    assert.equal(linkPath(100, 12, 140, 36, 24), 'M100,12 H106 V36 H140');
    assert.equal(linkPath(100, 36, 140, 12, 24), 'M100,36 H106 V12 H140', 'upwards too');
    assert.equal(linkPath(100, 12, 90, 60, 24), 'M100,12 H106 V48 H82 V60 H90');
    assert.equal(linkPath(100, 60, 90, 12, 24), 'M100,60 H106 V24 H82 V12 H90');
  });
});
