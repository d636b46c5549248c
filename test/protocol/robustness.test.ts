/**
 * Robustness: garbage, binary, huge and deeply nested documents, requests for documents that are
 * not open, out-of-range positions, malformed parameters. Every request gets an answer (or an
 * error response) and the server keeps answering afterwards.
 */
import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, positionOf, useServer, WHOLE_DOCUMENT, type TestClient } from './lspClient';

/** Every document request the server offers, at one position. */
function allRequests(uri: string, position: { line: number; character: number }): [string, unknown][] {
  const textDocument = { uri };
  return [
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    ['textDocument/documentHighlight', { textDocument, position }],
    ['textDocument/prepareRename', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/selectionRange', { textDocument, positions: [position] }],
    ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
    ['textDocument/inlayHint', { textDocument, range: WHOLE_DOCUMENT }],
    ['textDocument/codeLens', { textDocument }],
  ];
}

async function answersEverything(client: TestClient, uri: string, position: { line: number; character: number }): Promise<void> {
  for (const [method, params] of allRequests(uri, position)) {
    try {
      await client.request(method, params);
    } catch (e) {
      assert.fail(`${method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The server is alive: a hover on a healthy plan is answered correctly. */
async function stillAlive(client: TestClient): Promise<void> {
  const uri = docUri('alive.plan');
  if (client.version(uri) === undefined) await client.openAndWait(uri, DEMO_PLAN);
  const hover = await client.request<{ range: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(DEMO_PLAN, 'task build', 6) });
  assert.ok(hover, 'hover answered');
}

function lcg(seed: number) {
  return (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
}

describe('protocol: robustness', () => {
  const server = useServer();

  it('binary garbage: a clear diagnostic, every feature answers', async () => {
    const client = server.client();
    const random = lcg(7);
    let text = '';
    for (let i = 0; i < 20_000; i++) text += String.fromCharCode(random(0x10000)); // NULs, lone surrogates, controls
    const uri = docUri('garbage.plan');
    const published = await client.openAndWait(uri, text);
    assert.ok(published.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'syntax'));
    await answersEverything(client, uri, { line: 3, character: 5 });
    await stillAlive(client);
  });

  it('plan-like garbage (random fragments of the language): every feature answers at many positions', async () => {
    const client = server.client();
    const random = lcg(11);
    const words = ['project', 'task', 'milestone', 'resource', 'calendar', '{', '}', '"x"', 'after', 'assign', 'effort', 'duration', '3d', '50%',
      '2027-02-30', '2027-01-04', 'start', 'on', 'budget', '1_000 EUR', 'rate', '/d', '..', ',', '+', '-', '\n', '//', '/*', '*/', 'a', 'b', 'ä', '😀'];
    const uri = docUri('fragments.plan');
    let text = '';
    for (let i = 0; i < 3000; i++) text += words[random(words.length)] + (random(3) ? ' ' : '\n');
    await client.openAndWait(uri, text);
    const lines = text.split('\n').length;
    for (let i = 0; i < 15; i++) await answersEverything(client, uri, { line: random(lines), character: random(30) });
    await stillAlive(client);
  });

  it('a 100,000-line plan: analysed, diagnostics published, then a small plan answers', async () => {
    const client = server.client();
    const parts = ['project big { start 2027-01-04 }\nresource r { rate 100/d }\n'];
    for (let i = 0; i < 33_333; i++) parts.push(`task t${i} {\n  duration 1d${i % 1000 === 999 ? '  after nowhere' : i % 10 ? ` after t${i - 1}` : ''}\n}\n`);
    const text = parts.join('');
    assert.ok(text.split('\n').length > 100_000);
    const uri = docUri('huge.plan');
    const published = await client.openAndWait(uri, text);
    const unknown = published.diagnostics.filter((d) => d.code === 'unknown-reference');
    assert.equal(unknown.length, 33);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 2 + 33_333);
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(tokens.data.length > 33_333 * 5);
    await stillAlive(client);
  });

  it('one 1 MB line and 2,000 levels of nesting', async () => {
    const client = server.client();
    const long = docUri('long-line.plan');
    await client.openAndWait(long, 'project p { start 2027-01-04 } ' + 'task x { duration 1d } '.repeat(45_000));
    await answersEverything(client, long, { line: 0, character: 500_000 });
    const deep = docUri('deep.plan');
    const depth = 2000;
    let text = 'project p { start 2027-01-04 }\n';
    for (let i = 0; i < depth; i++) text += `task n${i} {\n`;
    text += 'duration 1d\n' + '}\n'.repeat(depth);
    await client.openAndWait(deep, text);
    await answersEverything(client, deep, { line: depth, character: 4 });
    await stillAlive(client);
  });

  it('requests for documents that are not open: empty answers, no errors', async () => {
    const client = server.client();
    const uri = docUri('never-opened.plan');
    await answersEverything(client, uri, { line: 0, character: 0 });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });

  it('positions past the end of the document or of a line', async () => {
    const client = server.client();
    const uri = docUri('positions.plan');
    await client.openAndWait(uri, DEMO_PLAN);
    await answersEverything(client, uri, { line: 10_000, character: 0 });
    await answersEverything(client, uri, { line: 2, character: 10_000 });
  });

  it('malformed parameters: an error response, and the server keeps going', async () => {
    const client = server.client();
    await assert.rejects(client.request('textDocument/hover', {}), (e: unknown) => e instanceof ResponseError);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: docUri('alive.plan') } }), (e: unknown) => e instanceof ResponseError);
    await assert.rejects(client.request('planAsCode/noSuchRequest', {}), (e: unknown) => e instanceof ResponseError && e.code === -32601);
    // Notifications about documents that are not open are ignored.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: docUri('ghost.plan'), version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: docUri('ghost.plan') } });
    await stillAlive(client);
    assert.equal(client.child.exitCode, null, 'still running');
  });

  it('an internal failure is logged, not fatal', async () => {
    const client = server.client();
    await client.request('textDocument/hover', {}).catch(() => {});
    await client.waitFor('an error log line', () => client.logs.find((l) => l.type === 1 && /textDocument\/hover failed/.test(l.message)));
    await stillAlive(client);
  });
});
