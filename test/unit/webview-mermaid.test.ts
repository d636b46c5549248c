/**
 * The mermaid text of the timeline preview (client/webview/gantt/mermaidText.ts): explicit dates, safe
 * bar ids mapped to rows, sections for top-level groups, collapsed groups as single bars, escaped names.
 */
import * as assert from 'node:assert/strict';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import { visibleRows } from '../../client/webview/gantt/rows';
import { mermaidTimeline, tickInterval } from '../../client/webview/gantt/mermaidText';

const model = timelineModel(analyzePlan(`project p "P: #1" {
  start 2027-01-04
  deadline 2027-01-29
  status 2027-01-11
}
milestone go "Go" { on 2027-01-04 }
task ph "Phase; one" {
  task a "a: b; #c \\"d\\" <e>&" { duration 3d  progress 100% }
  task g "Sub" {
    task b "B" { after a  duration 2d  progress 50% }
  }
}
task z "Z" { duration 1d  after w }
task w "W" { duration 1d  after z }
`), 'file:///p.plan', 1);
const none = { criticalOnly: false, resource: null, phase: null };

describe('timeline webview mermaid text', () => {
  it('explicit start and exclusive end for every bar, safe ids mapped to rows, sections for top-level groups', () => {
    const rows = visibleRows(model, { collapsed: [], filter: none });
    const chart = mermaidTimeline(model, rows);
    const lines = chart.text.split('\n');
    assert.equal(lines[0], 'gantt');
    assert.ok(lines.includes('  dateFormat YYYY-MM-DD'));
    assert.ok(!/\bafter\b|excludes/.test(chart.text), 'no date arithmetic left to mermaid');
    // The plan's own section for the top-level milestone, then the group's.
    assert.deepEqual(lines.filter((l) => l.startsWith('  section ')), ['  section P#58; #35;1', '  section Phase#59; one', '  section Dates']);
    assert.ok(lines.includes('    Go:milestone, t1, 2027-01-04, 2027-01-04'));
    assert.ok(lines.includes('    a#58; b#59; #35;c #34;d#34; #60;e#62;#38;:done, t3, 2027-01-04, 2027-01-07'), chart.text);
    assert.ok(lines.includes('    #9662; Sub:t4, 2027-01-07, 2027-01-09'), chart.text);
    assert.ok(lines.some((l) => /^    B:active, t5, 2027-01-07, 2027-01-09$/.test(l)), chart.text);
    assert.deepEqual([...chart.bars].map(([id, k]) => [id, rows[k].task.id]), [['t1', 'go'], ['t3', 'a'], ['t4', 'g'], ['t5', 'b']]);
    assert.deepEqual(chart.sections.map((k) => (k < 0 ? null : rows[k].task.id)), [null, 'ph']);
    // Status date and deadline as milestones; unscheduled tasks are not bars.
    assert.ok(lines.some((l) => l.endsWith(':milestone, status, 2027-01-11, 2027-01-11')));
    assert.ok(lines.some((l) => l.endsWith(':milestone, deadline, 2027-01-29, 2027-01-29')));
    assert.ok(!/\bt(6|7)\b/.test(chart.text) && !lines.some((l) => l.startsWith('    Z')));
  });

  it('a collapsed top-level group is its section with one bar; a collapsed subgroup is one bar', () => {
    const rows = visibleRows(model, { collapsed: ['ph'], filter: none });
    const chart = mermaidTimeline(model, rows);
    assert.deepEqual([...chart.bars].map(([, k]) => rows[k].task.id), ['go', 'ph']);
    assert.ok(chart.text.includes('section Phase#59; one\n    #9656; Phase#59; one:'), chart.text);
    const rows2 = visibleRows(model, { collapsed: ['g'], filter: none });
    const chart2 = mermaidTimeline(model, rows2);
    assert.deepEqual([...chart2.bars].map(([, k]) => rows2[k].task.id), ['go', 'a', 'g']);
    assert.ok(chart2.text.includes('#9656; Sub:'), chart2.text);
  });

  it('ticks spaced for the width: the finest interval whose labels stay apart, weeks from Monday', () => {
    assert.equal(tickInterval(10, 1000), '1day');
    assert.equal(tickInterval(26, 355), '1week');
    assert.equal(tickInterval(26, 2000), '1day');
    assert.equal(tickInterval(26, 1000), '2day');
    assert.equal(tickInterval(365, 1000), '1month');
    assert.equal(tickInterval(3 * 365, 600), '6month');
    assert.equal(tickInterval(30 * 365, 600), '12month');
    assert.equal(tickInterval(0, 600), null);
    const rows = visibleRows(model, { collapsed: [], filter: none });
    const lines = mermaidTimeline(model, rows, 355).text.split('\n');
    assert.ok(lines.includes('  tickInterval 1week') && lines.includes('  weekday monday'), lines.join('\n'));
    assert.ok(!mermaidTimeline(model, rows).text.includes('tickInterval'), 'without a width, mermaid chooses');
  });
});
