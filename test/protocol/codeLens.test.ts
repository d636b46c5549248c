/** textDocument/codeLens: the project's end date and cost against budget, above the project. */
import * as assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, rangeOf, useServer } from './lspClient';

describe('protocol: code lens', () => {
  const server = useServer();

  it('one lens on the project: end date, cost of budget', async () => {
    const client = server.client();
    const uri = docUri('lens.plan');
    await client.openAndWait(uri, DEMO_PLAN);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // End 2027-01-14 (planc schedule); cost: design 4 d × 500 + build 5 d × 50% × 400 = 3,000.
    assert.deepEqual(lenses, [{ range: { start: { line: 0, character: 0 }, end: rangeOf(DEMO_PLAN, 'demo').end }, command: { title: 'ends 2027-01-14 · 3,000 of 10,000 EUR', command: '' } }]);
  });

  it('over budget and past the deadline: said so', async () => {
    const client = server.client();
    const uri = docUri('lens-over.plan');
    const text = DEMO_PLAN.replace('budget 10_000', 'budget 2_500\n  deadline 2027-01-12');
    await client.openAndWait(uri, text);
    const [lens] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lens.command?.title, 'ends 2027-01-14 · 3,000 of 2,500 EUR (over by 500) · misses the deadline by 2 working days');
  });

  it('a plan without a project: no lens', async () => {
    const client = server.client();
    const uri = docUri('lens-none.plan');
    await client.openAndWait(uri, 'task a { duration 1d }\n');
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
  });
});
