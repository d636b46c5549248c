/** textDocument/formatting: one canonical layout, comments kept, idempotent. */
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, DEMO_PLAN, docUri, useServer } from './lspClient';

const MESSY = `project demo "Demo" {
start 2027-01-04
   budget 10_000   // money
}
task   a{duration 2d}
`;

describe('protocol: formatting', () => {
  const server = useServer();
  const format = async (name: string, text: string) => {
    const client = server.client();
    const uri = docUri(name);
    await client.openAndWait(uri, text);
    const edits = await client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    return { uri, edits: edits ?? [], formatted: applyEdits(text, edits ?? []) };
  };

  it('a messy plan gets the canonical layout, its comment kept', async () => {
    const { formatted } = await format('messy.plan', MESSY);
    assert.equal(formatted, 'project demo "Demo" {\n  start 2027-01-04\n  budget 10_000  // money\n}\n\ntask a { duration 2d }\n');
  });

  it('formatting is idempotent: a formatted plan needs no edit', async () => {
    const { formatted } = await format('messy-2.plan', MESSY);
    const again = await format('formatted.plan', formatted);
    assert.deepEqual(again.edits, []);
    const demo = await format('demo.plan', DEMO_PLAN);
    assert.deepEqual((await format('demo-formatted.plan', demo.formatted)).edits, [], 'a fixpoint after one pass');
  });

  it('a policy document is not formatted', async () => {
    const client = server.client();
    const uri = docUri('format.policy');
    await client.openAndWait(uri, 'policy p {\n}\n', 'plan-policy');
    assert.equal(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), null);
  });
});
