// CodeLens (server/src/service/codeLens.ts): the project's end, cost against budget and deadline slack.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeLenses } from '../../server/src/service/codeLens';
import { ctxOf } from './helpersB';

function titles(text: string): string[] {
  return codeLenses(ctxOf(text)).map((l) => l.command!.title);
}

describe('code lens', () => {
  it('the example: end date, cost of budget, working days before the deadline, on the project line', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'website-relaunch.plan'), 'utf8');
    const lenses = codeLenses(ctxOf(text));
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0].command, { title: 'ends 2027-05-19 · 249,340 of 290,000 EUR · 29 working days before the deadline', command: '' });
    const line = text.split('\n').findIndex((l) => l.startsWith('project relaunch'));
    assert.deepEqual(lenses[0].range, { start: { line, character: 0 }, end: { line, character: 16 } });
  });

  it('over budget, missing the deadline, on the deadline', () => {
    const plan = (props: string) => `project p { start 2027-01-04  ${props} }\nresource bob { rate 1_000.5/d }\ntask a { effort 10d  assign bob }\n`;
    assert.deepEqual(titles(plan('budget 8_000  deadline 2027-01-13')), ['ends 2027-01-15 · 10,005 of 8,000 (over by 2,005) · misses the deadline by 2 working days']);
    assert.deepEqual(titles(plan('deadline 2027-01-15  currency USD')), ['ends 2027-01-15 · cost 10,005 USD · ends on the deadline']);
    assert.deepEqual(titles(plan('deadline 2027-01-18')), ['ends 2027-01-15 · cost 10,005 · 1 working day before the deadline']);
  });

  it('a plan without tasks or without a start; none without a project', () => {
    assert.deepEqual(titles('project p { start 2027-01-04 }\n'), ['not scheduled · cost 0']);
    assert.deepEqual(titles('project p { budget 100 }\ntask a { duration 1d }\n'), ['not scheduled · 0 of 100']);
    assert.deepEqual(codeLenses(ctxOf('task a { duration 1d }\n')), []);
  });
});
