/** textDocument/documentSymbol: the outline of a plan (project, resources, tasks, milestones) and of a policy. */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, useServer } from './lspClient';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('protocol: document symbols', () => {
  const server = useServer();

  it('a plan: project, resources, tasks with their computed dates, milestones — with ranges', async () => {
    const client = server.client();
    const uri = docUri('symbols.plan');
    await client.openAndWait(uri, DEMO_PLAN);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map(({ name, detail, kind, range, selectionRange, children }) => ({ name, detail, kind, range, selectionRange, children })), [
      // Dates as `planc schedule` computes them: design 01-04..01-07, build 01-08..01-14, done 01-14.
      { name: 'demo', detail: 'Demo · 2027-01-04 → 2027-01-14 · EUR · budget 10000 EUR', kind: 2, range: r(0, 0, 4, 1), selectionRange: r(0, 8, 0, 12), children: undefined },
      { name: 'ana', detail: 'Ana Lima · 500 EUR/d', kind: 5, range: r(6, 0, 6, 38), selectionRange: r(6, 9, 6, 12), children: undefined },
      { name: 'ben', detail: 'Ben Ode · 400 EUR/d', kind: 5, range: r(7, 0, 7, 37), selectionRange: r(7, 9, 7, 12), children: undefined },
      { name: 'design', detail: '2027-01-04 → 2027-01-07', kind: 12, range: r(9, 0, 12, 1), selectionRange: r(9, 5, 9, 11), children: undefined },
      { name: 'build', detail: '2027-01-08 → 2027-01-14', kind: 12, range: r(14, 0, 18, 1), selectionRange: r(14, 5, 14, 10), children: undefined },
      { name: 'done', detail: '2027-01-14', kind: 24, range: r(20, 0, 20, 37), selectionRange: r(20, 10, 20, 14), children: undefined },
    ]);
  });

  it('nested tasks appear as children of their group', async () => {
    const client = server.client();
    const uri = docUri('symbols-nested.plan');
    const text = 'project p { start 2027-01-04 }\ntask phase {\n  task a { duration 2d }\n  task b { after a  duration 1d }\n  milestone m { after b }\n}\n';
    await client.openAndWait(uri, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const tree = (list: DocumentSymbol[] | undefined): unknown => list?.map((s) => (s.children?.length ? [s.name, tree(s.children)] : s.name));
    assert.deepEqual(tree(symbols), ['p', ['phase', ['a', 'b', 'm']]]);
  });

  it('a policy: the policy and its rules', async () => {
    const client = server.client();
    const uri = docUri('symbols.policy');
    const text = 'policy standard "ACME" {\n  rule owner-required error "Every task needs an owner" {\n    each task require has owner\n  }\n}\n';
    await client.openAndWait(uri, text, 'plan-policy');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, [{
      name: 'standard', detail: 'ACME', kind: 3, range: r(0, 0, 4, 1), selectionRange: r(0, 7, 0, 15),
      children: [{ name: 'owner-required', detail: 'error — Every task needs an owner', kind: 12, range: r(1, 2, 3, 3), selectionRange: r(1, 7, 1, 21) }],
    }]);
  });

  it('a document that is not open: no symbols', async () => {
    assert.deepEqual(await server.client().request('textDocument/documentSymbol', { textDocument: { uri: docUri('not-open.plan') } }), []);
  });
});
