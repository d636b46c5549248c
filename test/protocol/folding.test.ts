/** textDocument/foldingRange: multi-line blocks (and comments). */
import * as assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, useServer } from './lspClient';

describe('protocol: folding ranges', () => {
  const server = useServer();

  it('each multi-line block folds up to the line before its closing brace', async () => {
    const client = server.client();
    const uri = docUri('folding.plan');
    await client.openAndWait(uri, DEMO_PLAN);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges.map(({ startLine, endLine }) => [startLine, endLine]), [[0, 3], [9, 11], [14, 17]]);
  });

  it('nested blocks and block comments', async () => {
    const client = server.client();
    const uri = docUri('folding-nested.plan');
    const text = '/*\n * About\n */\nproject p { start 2027-01-04 }\ntask g {\n  task a {\n    duration 2d\n  }\n}\n';
    await client.openAndWait(uri, text);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = ranges.map(({ startLine, endLine }) => [startLine, endLine]).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(lines, [[0, 2], [4, 7], [5, 6]]);
    assert.equal(ranges.find((r) => r.startLine === 0)?.kind, 'comment');
  });
});
