/** textDocument/prepareRename and rename: every declaration and reference; invalid or clashing ids refused with a message. */
import * as assert from 'node:assert/strict';
import { ResponseError, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, DEMO_PLAN, docUri, positionOf, rangeOf, useServer } from './lspClient';

describe('protocol: rename', () => {
  const server = useServer();
  const uri = docUri('rename.plan');
  before(async () => { await server.client().openAndWait(uri, DEMO_PLAN); });
  const at = (needle: string, delta: number) => ({ textDocument: { uri }, position: positionOf(DEMO_PLAN, needle, delta) });

  it('prepareRename on a reference: its range and the current name', async () => {
    assert.deepEqual(await server.client().request('textDocument/prepareRename', at('after design', 'after d'.length)),
      { range: rangeOf(DEMO_PLAN, 'design', 1), placeholder: 'design' });
  });

  it('prepareRename on a keyword: null (nothing to rename)', async () => {
    assert.equal(await server.client().request('textDocument/prepareRename', at('duration 5d', 1)), null);
  });

  it('rename a task: declaration and references change, the plan stays clean', async () => {
    const client = server.client();
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('after design', 'after d'.length), newName: 'ux' });
    assert.deepEqual(Object.keys(edit.changes!), [uri]);
    const renamed = applyEdits(DEMO_PLAN, edit.changes![uri]);
    assert.equal(renamed, DEMO_PLAN.replace('task design', 'task ux').replace('after design', 'after ux'));
    const version = await client.change(uri, renamed);
    assert.deepEqual((await client.diagnostics(uri, version)).diagnostics, []);
    await client.change(uri, DEMO_PLAN);
  });

  it('rename a resource: every assignment follows', async () => {
    const client = server.client();
    const version = client.version(uri)!;
    await client.diagnostics(uri, version);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('resource ana', 'resource a'.length), newName: 'anna' });
    assert.equal(applyEdits(DEMO_PLAN, edit.changes![uri]), DEMO_PLAN.replace('resource ana', 'resource anna').replace('assign ana', 'assign anna'));
  });

  for (const [newName, message] of [
    ['build', "'build' is already the id of a task (line 15); ids must be unique in a plan."],
    ['9x', "'9x' is not a valid id: an id starts with a letter or '_' and continues with letters, digits, '_' or '-'."],
  ]) {
    it(`rename to '${newName}': refused with an error the editor shows`, async () => {
      await assert.rejects(
        server.client().request('textDocument/rename', { ...at('after design', 'after d'.length), newName }),
        (e: unknown) => {
          assert.ok(e instanceof ResponseError);
          assert.equal(e.code, -32803); // RequestFailed
          assert.equal(e.message, message);
          return true;
        },
      );
    });
  }

  it('the server still answers after a refused rename', async () => {
    assert.ok(await server.client().request('textDocument/prepareRename', at('after design', 'after d'.length)));
  });
});
