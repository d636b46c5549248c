/** textDocument/hover: computed facts of tasks and resources, the language reference for keywords. */
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, positionOf, rangeOf, useServer } from './lspClient';

describe('protocol: hover', () => {
  const server = useServer();
  const uri = docUri('hover.plan');
  before(async () => { await server.client().openAndWait(uri, DEMO_PLAN); });
  const hoverAt = (needle: string, delta = 0, nth = 0) =>
    server.client().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(DEMO_PLAN, needle, delta, nth) });
  const lines = (h: Hover | null) => (h!.contents as MarkupContent).value.split('\n');

  it('on a task: dates, length, slack, critical, effort, cost, assignees with allocation', async () => {
    const h = await hoverAt('task build', 'task b'.length);
    assert.equal((h!.contents as MarkupContent).kind, 'markdown');
    assert.deepEqual(h!.range, rangeOf(DEMO_PLAN, 'build'));
    assert.deepEqual(lines(h), [
      '```plan', 'task build "Build"', '```', '', '*Task*', '',
      '- **Start** 2027-01-08 · **End** 2027-01-14 · 5 working days',
      '- **Slack** 0 working days · **critical**: on the critical path',
      '- **Effort** 2.5 person-days',
      '- **Cost** 1000 EUR',
      '- **Assigned** `ben` 50% · 2.5 d',
      '- **After** `design`',
    ]);
  });

  it('on a resource reference: rate, capacity, load', async () => {
    const h = await hoverAt('assign ben', 'assign b'.length);
    assert.deepEqual(h!.range, rangeOf(DEMO_PLAN, 'ben', 1));
    const text = lines(h);
    assert.deepEqual(text.slice(0, 5), ['```plan', 'resource ben "Ben Ode"', '```', '', '*Resource*']);
    assert.ok(text.includes('- **Rate** 400 EUR/d (50 EUR/h at 8 h a day)'), text.join('\n'));
    assert.ok(text.includes('- **Capacity** 100%'));
    assert.ok(text.includes('- **Booked** 2.5 person-days on 1 task · 1000 EUR · 2027-01-08 → 2027-01-14'));
  });

  it('on the project: dates and cost against budget', async () => {
    const text = lines(await hoverAt('project demo', 'project d'.length));
    assert.ok(text.includes('- **Start** 2027-01-04 · **End** 2027-01-14 · 9 working days'), text.join('\n'));
    assert.ok(text.includes('- **Cost** 3000 EUR of a budget of 10000 EUR (30% used)'));
  });

  it('on a keyword: its meaning from the language reference', async () => {
    const h = await hoverAt('duration 5d', 2);
    assert.deepEqual(h!.range, rangeOf(DEMO_PLAN, 'duration'));
    assert.deepEqual(lines(h).slice(0, 3), ['```plan', 'duration DUR', '```']);
    assert.match((h!.contents as MarkupContent).value, /Working time the task takes, whoever works on it/);
  });

  it('on whitespace: null', async () => {
    assert.equal(await hoverAt('\n\nresource ana', 1), null);
  });
});
