/** textDocument/definition, references and documentHighlight. */
import * as assert from 'node:assert/strict';
import type { DocumentHighlight, Location } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, positionOf, rangeOf, useServer } from './lspClient';

describe('protocol: navigation', () => {
  const server = useServer();
  const uri = docUri('navigation.plan');
  before(async () => { await server.client().openAndWait(uri, DEMO_PLAN); });
  const at = (needle: string, delta: number) => ({ textDocument: { uri }, position: positionOf(DEMO_PLAN, needle, delta) });
  const decl = rangeOf(DEMO_PLAN, 'design');          // task design "Design"
  const use = rangeOf(DEMO_PLAN, 'design', 1);        // after design

  it('definition: from a reference to the declaration', async () => {
    assert.deepEqual(await server.client().request<Location[]>('textDocument/definition', at('after design', 'after de'.length)), [{ uri, range: decl }]);
  });

  it('definition of a resource from an assignment', async () => {
    assert.deepEqual(await server.client().request<Location[]>('textDocument/definition', at('assign ana', 'assign a'.length)),
      [{ uri, range: rangeOf(DEMO_PLAN, 'ana') }]);
  });

  it('definition on a keyword: nothing', async () => {
    assert.deepEqual(await server.client().request<Location[]>('textDocument/definition', at('duration 5d', 1)), []);
  });

  it('references: with and without the declaration', async () => {
    const client = server.client();
    assert.deepEqual(await client.request<Location[]>('textDocument/references', { ...at('task design', 'task d'.length), context: { includeDeclaration: true } }),
      [{ uri, range: decl }, { uri, range: use }]);
    assert.deepEqual(await client.request<Location[]>('textDocument/references', { ...at('task design', 'task d'.length), context: { includeDeclaration: false } }),
      [{ uri, range: use }]);
  });

  it('document highlights: the declaration (write) and the references (read)', async () => {
    assert.deepEqual(await server.client().request<DocumentHighlight[]>('textDocument/documentHighlight', at('after design', 'after d'.length)),
      [{ range: decl, kind: 3 }, { range: use, kind: 2 }]);
  });
});
