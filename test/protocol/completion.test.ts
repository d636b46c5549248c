/** textDocument/completion by context: ids of the kind the position needs, keywords, units, block snippets. */
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, positionOf, useServer } from './lspClient';

describe('protocol: completion', () => {
  const server = useServer();
  const complete = async (name: string, text: string, position: { line: number; character: number }) => {
    const client = server.client();
    const uri = docUri(name);
    await client.openAndWait(uri, text);
    const list = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(list) ? list : list.items;
  };

  it('after `assign`: the resources, nothing else', async () => {
    const text = DEMO_PLAN.replace('assign ben 50%', 'assign ');
    const items = await complete('assign.plan', text, positionOf(text, 'assign \n', 'assign '.length));
    assert.deepEqual(items.map((i) => [i.label, i.kind]), [['ana', 6], ['ben', 6]]);
  });

  it('after `after`: tasks and milestones (not resources), and `start of`', async () => {
    const text = DEMO_PLAN.replace('after design', 'after ');
    const items = await complete('after.plan', text, positionOf(text, 'after \n', 'after '.length));
    assert.deepEqual(items.map((i) => i.label), ['design', 'done', 'start of']);
  });

  it('after a number in a duration: the units', async () => {
    const text = DEMO_PLAN.replace('duration 5d', 'duration 5');
    const items = await complete('units.plan', text, positionOf(text, 'duration 5', 'duration 5'.length));
    assert.deepEqual(items.map((i) => i.label), ['d', 'h', 'w', 'mo']);
  });

  it('on an empty line in a task: the properties a task may have, and snippets for nested blocks', async () => {
    const text = DEMO_PLAN.replace('  effort 4d\n', '  effort 4d\n  \n');
    const items = await complete('keywords.plan', text, { line: 11, character: 2 });
    const labels = items.map((i) => i.label);
    for (const keyword of ['after', 'assign', 'owner', 'start', 'deadline', 'budget', 'cost', 'quality', 'progress', 'task', 'milestone']) {
      assert.ok(labels.includes(keyword), `${keyword} offered`);
    }
    for (const notHere of ['currency', 'rate', 'capacity', 'workdays', 'resource', 'effort']) {
      assert.ok(!labels.includes(notHere), `${notHere} not offered in a task that has an effort`);
    }
    assert.ok(items.some((i) => i.label === 'task' && i.insertTextFormat === 2), 'a snippet for a nested task');
  });

  it('at the top level: block snippets', async () => {
    const items = await complete('top.plan', DEMO_PLAN + '\n', { line: 22, character: 0 });
    assert.deepEqual([...new Set(items.map((i) => i.label))], ['resource', 'calendar', 'task', 'milestone']);
    assert.ok(items.every((i) => i.insertTextFormat === 2));
  });
});
