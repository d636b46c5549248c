/** textDocument/codeAction: quick fixes for the diagnostics the client sends back. */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, DEMO_PLAN, docUri, useServer } from './lspClient';

const BROKEN = DEMO_PLAN.replace('after design', 'after desing').replace('  assign ana\n', '').replace('assign ben 50%', 'assign bne');

describe('protocol: code actions', () => {
  const server = useServer();
  const uri = docUri('actions.plan');
  let diagnostics: Diagnostic[];
  before(async () => { diagnostics = (await server.client().openAndWait(uri, BROKEN)).diagnostics; });
  const actionsFor = (code: string, nth = 0, strip = false) => {
    const d = diagnostics.filter((x) => x.code === code)[nth];
    const sent = strip ? { ...d, data: undefined } : d;
    return server.client().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [sent], only: ['quickfix'] } });
  };
  const fixed = (action: CodeAction) => applyEdits(BROKEN, action.edit!.changes![uri]);

  it('the plan has the three problems the fixes are for', () => {
    assert.deepEqual(diagnostics.map((d) => d.code), ['effort-without-assignee', 'unknown-reference', 'unknown-reference']);
  });

  it('unknown task: did-you-mean (preferred) and create the task', async () => {
    const actions = await actionsFor('unknown-reference', 0);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [["Change to 'design'", 'quickfix', true], ["Create task 'desing'", 'quickfix', false]]);
    assert.equal(fixed(actions[0]), BROKEN.replace('after desing', 'after design'));
    assert.match(fixed(actions[1]), /\ntask desing \{ duration 1d \}\n$/);
    assert.deepEqual(actions[0].diagnostics?.map((d) => d.code), ['unknown-reference']);
  });

  it('unknown resource: create it', async () => {
    const actions = await actionsFor('unknown-reference', 1);
    assert.deepEqual(actions.map((a) => a.title), ["Create resource 'bne'"]);
    assert.equal(fixed(actions[0]), BROKEN.replace('resource ben "Ben Ode" { rate 400/d }\n', 'resource ben "Ben Ode" { rate 400/d }\nresource bne { }\n'));
  });

  it('effort without assignee: add `assign` (each resource), or make it a duration', async () => {
    const actions = await actionsFor('effort-without-assignee');
    assert.deepEqual(actions.map((a) => a.title), ['Assign ana (Ana Lima)', 'Assign ben (Ben Ode)', "Change 'effort' to 'duration'"]);
    assert.equal(fixed(actions[0]), BROKEN.replace('  effort 4d\n', '  effort 4d\n  assign ana\n'));
  });

  it('a client that drops the diagnostics\' data still gets the fixes', async () => {
    const actions = await actionsFor('unknown-reference', 0, true);
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'design'", "Create task 'desing'"]);
  });

  it('applying a fix clears its diagnostic', async () => {
    const client = server.client();
    const [didYouMean] = await actionsFor('unknown-reference', 0);
    const version = await client.change(uri, fixed(didYouMean));
    const after = await client.diagnostics(uri, version);
    assert.deepEqual(after.diagnostics.map((d) => d.message), [
      "design has an effort but nobody is assigned; it is scheduled as a duration of the same length. Add 'assign'.",
      "Unknown resource 'bne' in the assignments of build.",
    ]);
  });
});
