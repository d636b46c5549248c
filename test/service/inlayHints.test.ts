// Inlay hints (server/src/service/inlayHints.ts): each task's computed dates after its name.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InlayHint, MarkupContent, Range } from 'vscode-languageserver-types';
import { inlayHints } from '../../server/src/service/inlayHints';
import { ctxOf } from './helpersB';

const PLAN = `project p { start 2027-01-04  deadline 2027-01-29  currency EUR  budget 10_000 }
resource bob { rate 500/d }
milestone kickoff { on 2027-01-04 }
task design "Design" {
  after kickoff
  task a { effort 4d  assign bob }
  task b { after a  duration 2d }
}
task c { after d  duration 1d }
task d { after c  duration 1d }
milestone done { after design }
`;

const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

function summary(hints: InlayHint[]): string[] {
  return hints.map((h) => `${h.position.line}:${h.position.character} ${h.label as string}`);
}

describe('inlay hints', () => {
  it('every task and milestone: its dates after its name (or id); cycles are unscheduled', () => {
    assert.deepEqual(summary(inlayHints(ctxOf(PLAN), ALL)), [
      '2:17 2027-01-04',
      '3:20 2027-01-04 → 2027-01-11',
      '5:8 2027-01-04 → 2027-01-07',
      '6:8 2027-01-08 → 2027-01-11',
      '8:6 unscheduled (cycle)',
      '9:6 unscheduled (cycle)',
      '10:14 2027-01-11',
    ]);
  });

  it('are padded, with the length, slack and criticality in the tooltip', () => {
    const hints = inlayHints(ctxOf(PLAN), ALL);
    for (const h of hints) assert.equal(h.paddingLeft, true);
    assert.deepEqual(hints[1].tooltip, { kind: 'markdown', value: '**Design** (group): 2027-01-04 → 2027-01-11\n\n6 working days · slack 14 working days' });
    assert.equal((hints[0].tooltip as MarkupContent).value, '**kickoff** (milestone): 2027-01-04\n\nslack 14 working days');
    assert.equal((hints[4].tooltip as MarkupContent).value, '**c** is in a dependency cycle and has no dates.');
    const critical = inlayHints(ctxOf('project p { start 2027-01-04 }\ntask a { duration 1d }\n'), ALL);
    assert.equal((critical[0].tooltip as MarkupContent).value, '**a** (task): 2027-01-04 → 2027-01-04\n\n1 working day · slack 0 working days · critical');
  });

  it('only in the requested range', () => {
    const range: Range = { start: { line: 5, character: 0 }, end: { line: 8, character: 0 } };
    assert.deepEqual(summary(inlayHints(ctxOf(PLAN), range)), ['5:8 2027-01-04 → 2027-01-07', '6:8 2027-01-08 → 2027-01-11']);
    assert.deepEqual(inlayHints(ctxOf(PLAN), { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } }), []);
  });

  it('none without a schedule (no project start)', () => {
    assert.deepEqual(inlayHints(ctxOf('task a { duration 1d }\n'), ALL), []);
  });

  it('the example plan: one hint per task and milestone, the project end among them', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'website-relaunch.plan'), 'utf8');
    const ctx = ctxOf(text);
    const hints = inlayHints(ctx, ALL);
    assert.equal(hints.length, ctx.analysis.model.tasks.length);
    const lines = text.split('\n');
    const closed = hints.find((h) => lines[h.position.line].includes('milestone closed'))!;
    assert.equal(closed.label, '2027-05-19');
    const cutover = hints.find((h) => lines[h.position.line].includes('task cutover'))!;
    assert.equal(cutover.label, '2027-04-27 → 2027-04-27');
    assert.equal(lines[cutover.position.line].slice(0, cutover.position.character), '  task cutover "DNS cutover and go-live"');
  });
});
