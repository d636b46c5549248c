/**
 * The timeline webview's row model (client/webview/gantt/rows.ts): which tasks the chart shows after the
 * filters (critical path only, one resource, one phase) and collapsed groups, on models built by the real
 * pipeline (analyzePlan → timelineModel).
 */
import * as assert from 'node:assert/strict';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import { collapsedForLevel, groupIds, outlineDepth, rowFor, unscheduledTasks, visibleRows } from '../../client/webview/gantt/rows';
import type { TimelineState } from '../../client/src/timeline/messages';

const PLAN = `project demo "Demo" {
  start 2027-01-04
  deadline 2027-01-19
}
resource ann "Ann" { rate 500/d }
resource bob "Bob" { rate 400/d }
task phase1 "Phase one" {
  task a "A" { duration 3d  assign ann }
  task b "B" { after a  duration 4d  assign bob }
  task inner "Inner" {
    task b2 "B2" { after a  duration 1d  assign bob }
  }
  milestone m1 "Phase one done" { after b }
}
task phase2 "Phase two" {
  after phase1
  task c "C" { duration 5d  assign ann }
  task d "D" { duration 2d  assign bob }
}
task x "X" { duration 2d  after y }
task y "Y" { duration 1d  after x }
`;

const model = timelineModel(analyzePlan(PLAN), 'file:///demo.plan', 1);
const none: TimelineState['filter'] = { criticalOnly: false, resource: null, phase: null };
const ids = (collapsed: string[], filter = none) => visibleRows(model, { collapsed, filter }).map((r) => r.task.id);

describe('timeline webview rows', () => {
  it('shows every task in plan order without filters or collapsed groups', () => {
    assert.deepEqual(ids([]), model.tasks.map((t) => t.id));
    const rows = visibleRows(model, { collapsed: [], filter: none });
    assert.deepEqual(rows.filter((r) => r.hasChildren).map((r) => r.task.id), ['phase1', 'inner', 'phase2']);
  });

  it('a collapsed group hides all its descendants and stays as one row', () => {
    assert.deepEqual(ids(['phase1']), ['phase1', 'phase2', 'c', 'd', 'x', 'y']);
    assert.deepEqual(ids(['inner']), ['phase1', 'a', 'b', 'inner', 'm1', 'phase2', 'c', 'd', 'x', 'y']);
    const row = visibleRows(model, { collapsed: ['phase1'], filter: none })[0];
    assert.equal(row.collapsed, true);
    // Collapsing a leaf id changes nothing.
    assert.deepEqual(ids(['a']), model.tasks.map((t) => t.id));
  });

  it('critical path only keeps critical tasks and their groups', () => {
    const critical = model.tasks.filter((t) => t.critical && t.kind !== 'group').map((t) => t.id);
    assert.ok(critical.includes('a') && !critical.includes('d'), `critical: ${critical}`);
    const shown = ids([], { ...none, criticalOnly: true });
    for (const id of critical) assert.ok(shown.includes(id), id);
    assert.ok(!shown.includes('d'));
    assert.ok(!shown.includes('x'), 'unscheduled tasks are not critical');
    for (const id of shown) {
      const t = model.tasks.find((u) => u.id === id)!;
      assert.ok(t.critical || t.kind === 'group', `${id} is critical or a group`);
    }
  });

  it('one resource keeps its tasks with their ancestor groups', () => {
    assert.deepEqual(ids([], { ...none, resource: 'bob' }), ['phase1', 'b', 'inner', 'b2', 'phase2', 'd']);
    assert.deepEqual(ids([], { ...none, resource: 'ann' }), ['phase1', 'a', 'phase2', 'c']);
  });

  it('one phase keeps that top-level group and everything in it; filters combine', () => {
    assert.deepEqual(ids([], { ...none, phase: 'phase2' }), ['phase2', 'c', 'd']);
    assert.deepEqual(ids([], { ...none, phase: 'phase2', resource: 'bob' }), ['phase2', 'd']);
    assert.deepEqual(ids(['phase2'], { ...none, phase: 'phase2' }), ['phase2']);
    assert.deepEqual(ids([], { ...none, phase: 'nope' }), []);
  });

  it('a task hidden in a collapsed group is represented by that group', () => {
    const rows = visibleRows(model, { collapsed: ['inner'], filter: none });
    const b2 = model.tasks.findIndex((t) => t.id === 'b2');
    assert.equal(rows[rowFor(model, rows, b2)].task.id, 'inner');
    const rows2 = visibleRows(model, { collapsed: ['phase1'], filter: none });
    assert.equal(rows2[rowFor(model, rows2, b2)].task.id, 'phase1');
    const filtered = visibleRows(model, { collapsed: [], filter: { ...none, phase: 'phase2' } });
    assert.equal(rowFor(model, filtered, b2), -1);
  });

  it('outline levels and collapse all', () => {
    assert.equal(outlineDepth(model), 3);
    assert.deepEqual(groupIds(model), ['phase1', 'inner', 'phase2']);
    assert.deepEqual(ids(collapsedForLevel(model, 1)), ['phase1', 'phase2', 'x', 'y']);
    assert.deepEqual(ids(collapsedForLevel(model, 2)), ['phase1', 'a', 'b', 'inner', 'm1', 'phase2', 'c', 'd', 'x', 'y']);
    assert.deepEqual(collapsedForLevel(model, 3), []);
  });

  it('lists the unscheduled tasks that pass the filters, with their reason', () => {
    assert.deepEqual(unscheduledTasks(model, none).map((t) => [t.id, t.unscheduledReason]), [
      ['x', 'in a dependency cycle: x → y → x'], ['y', 'in a dependency cycle: x → y → x'],
    ]);
    assert.deepEqual(unscheduledTasks(model, { ...none, phase: 'phase1' }), []);
  });
});
