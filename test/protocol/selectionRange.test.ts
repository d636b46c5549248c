/** textDocument/selectionRange: from an id outwards to the whole document. */
import * as assert from 'node:assert/strict';
import type { SelectionRange } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, positionOf, textAt, useServer } from './lspClient';

describe('protocol: selection ranges', () => {
  const server = useServer();

  it('id → property → block body → block → document, each containing the last', async () => {
    const client = server.client();
    const uri = docUri('selection.plan');
    await client.openAndWait(uri, DEMO_PLAN);
    const positions = [positionOf(DEMO_PLAN, 'after design', 'after de'.length), positionOf(DEMO_PLAN, 'rate 500', 1)];
    const result = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
    assert.equal(result.length, 2);
    const chain = (s: SelectionRange | undefined): string[] => (s ? [textAt(DEMO_PLAN, s.range), ...chain(s.parent)] : []);
    assert.deepEqual(chain(result[0]), [
      'design',
      'after design',
      'after design\n  duration 5d\n  assign ben 50%',
      'task build "Build" {\n  after design\n  duration 5d\n  assign ben 50%\n}',
      DEMO_PLAN,
    ]);
    const second = chain(result[1]);
    assert.equal(second[0].includes('rate'), true);
    assert.equal(second.at(-1), DEMO_PLAN);
  });
});
