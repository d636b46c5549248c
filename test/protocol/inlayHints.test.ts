/** textDocument/inlayHint: each task's computed dates after its name, only inside the requested range. */
import * as assert from 'node:assert/strict';
import type { InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, positionOf, useServer, WHOLE_DOCUMENT } from './lspClient';

describe('protocol: inlay hints', () => {
  const server = useServer();
  const uri = docUri('hints.plan');
  before(async () => { await server.client().openAndWait(uri, DEMO_PLAN); });

  it('dates of every task and milestone (as planc schedule computes them), right after the name', async () => {
    const hints = await server.client().request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE_DOCUMENT });
    assert.deepEqual(hints.map((h) => [h.position, h.label, h.paddingLeft]), [
      [positionOf(DEMO_PLAN, '"Design"', '"Design"'.length), '2027-01-04 → 2027-01-07', true],
      [positionOf(DEMO_PLAN, '"Build"', '"Build"'.length), '2027-01-08 → 2027-01-14', true],
      [positionOf(DEMO_PLAN, '"Done"', '"Done"'.length), '2027-01-14', true],
    ]);
    assert.equal((hints[1].tooltip as MarkupContent).value, '**Build** (task): 2027-01-08 → 2027-01-14\n\n5 working days · slack 0 working days · critical');
  });

  it('only the hints inside the requested range', async () => {
    const range = { start: { line: 13, character: 0 }, end: { line: 19, character: 0 } };
    const hints = await server.client().request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.deepEqual(hints.map((h) => h.label), ['2027-01-08 → 2027-01-14']);
  });

  it('the hints follow an edit', async () => {
    const client = server.client();
    const version = await client.change(uri, DEMO_PLAN.replace('duration 5d', 'duration 2d'));
    await client.diagnostics(uri, version);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE_DOCUMENT });
    assert.deepEqual(hints.map((h) => h.label), ['2027-01-04 → 2027-01-07', '2027-01-08 → 2027-01-11', '2027-01-11']);
  });
});
