/**
 * Settings: read per document with `workspace/configuration` (scopeUri = the document, section
 * `planAsCode`), cached, and read again after `workspace/didChangeConfiguration`. Clients without
 * `workspace/configuration` get the settings they push with didChangeConfiguration.
 */
import * as assert from 'node:assert/strict';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { clientCapabilities, DEMO_PLAN, docUri, ensureBuilt, sleep, startClient, type TestClient } from './lspClient';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('protocol: settings', () => {
  before(() => ensureBuilt());

  describe('workspace/configuration', () => {
    let client: TestClient;
    const slow = docUri('settings-slow.plan');
    const quiet = docUri('settings-quiet.plan');
    const plain = docUri('settings-plain.plan');
    let settings: Record<string, unknown> = {
      [slow]: { diagnostics: { delay: 700 } },
      [quiet]: { inlayHints: { enabled: false } },
    };
    before(async () => {
      client = await startClient({ settings: (scopeUri) => settings[scopeUri ?? ''] ?? {} });
    });
    after(async () => { await client?.shutdown().catch(() => {}); client?.kill(); });

    it('asks for the section planAsCode of each opened document', async () => {
      for (const uri of [slow, quiet, plain]) await client.open(uri, DEMO_PLAN);
      await client.waitFor('three configuration requests', () => (client.configurationRequests.length >= 3 ? true : undefined));
      const items = client.configurationRequests.flatMap((r) => r.items);
      assert.deepEqual(items.map((i) => i.section), ['planAsCode', 'planAsCode', 'planAsCode']);
      assert.deepEqual(new Set(items.map((i) => i.scopeUri)), new Set([slow, quiet, plain]));
      for (const uri of [slow, quiet, plain]) await client.diagnostics(uri, 1);
    });

    it('diagnostics.delay per document: a burst of edits is checked only after the document\'s delay', async () => {
      const before = client.publishesOf(plain).length;
      const t0 = performance.now();
      // The first edit after a pause is checked at once (leading edge); the ones right after it wait.
      await client.change(slow, DEMO_PLAN.replace('after design', 'after nothin'));
      const vSlow = await client.change(slow, DEMO_PLAN.replace('after design', 'after nothing'));
      const vPlain = await client.change(plain, DEMO_PLAN.replace('after design', 'after nothing'));
      await client.diagnostics(plain, vPlain);
      const plainTime = performance.now() - t0;
      await client.diagnostics(slow, vSlow, 5000);
      const slowTime = performance.now() - t0;
      assert.ok(plainTime < 600, `default delay (50 ms): published after ${plainTime.toFixed(0)} ms`);
      assert.ok(slowTime >= 650, `delay 700 ms: the burst's last edit published after ${slowTime.toFixed(0)} ms`);
      assert.equal(client.publishesOf(plain).length, before + 1);
    });

    it('diagnostics.delay: a single edit after a pause is checked at once, without waiting for the delay', async () => {
      await new Promise((r) => setTimeout(r, 800));
      const t0 = performance.now();
      const v = await client.change(slow, DEMO_PLAN);
      await client.diagnostics(slow, v, 5000);
      const took = performance.now() - t0;
      assert.ok(took < 650, `a lone edit on a document with a 700 ms delay was published after ${took.toFixed(0)} ms`);
    });

    it('inlayHints.enabled per document: false → no hints for that document only', async () => {
      const none = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: quiet }, range: WHOLE });
      assert.deepEqual(none, []);
      const some = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: plain }, range: WHOLE });
      assert.ok(some.length > 0, 'hints where the setting is on (the default)');
    });

    it('didChangeConfiguration: settings are read again, inlay hints refreshed, documents re-checked', async () => {
      const requests = client.configurationRequests.length;
      const refreshes = client.serverRequests.filter((m) => m === 'workspace/inlayHint/refresh').length;
      const publishes = client.publishesOf(plain).length;
      settings = { [quiet]: { inlayHints: { enabled: true } }, [plain]: { inlayHints: { enabled: false } } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor('inlay hint refresh', () =>
        (client.serverRequests.filter((m) => m === 'workspace/inlayHint/refresh').length > refreshes ? true : undefined));
      await client.waitFor('a re-check of the open plans', () => (client.publishesOf(plain).length > publishes ? true : undefined));
      const now = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: quiet }, range: WHOLE });
      assert.ok(now.length > 0);
      assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: plain }, range: WHOLE }), []);
      assert.ok(client.configurationRequests.length > requests, 'asked again');
    });

    it('invalid settings fall back to the defaults', async () => {
      settings = { [plain]: { diagnostics: { delay: 'soon' }, inlayHints: { enabled: 'yes' }, policies: 'x.policy' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await sleep(50);
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: plain }, range: WHOLE });
      assert.ok(hints.length > 0, 'inlay hints on (the default)');
      const t0 = performance.now();
      const version = await client.change(plain, DEMO_PLAN);
      await client.diagnostics(plain, version);
      assert.ok(performance.now() - t0 < 600, 'the default delay');
    });
  });

  describe('a client without workspace/configuration', () => {
    let client: TestClient;
    before(async () => { client = await startClient({ capabilities: clientCapabilities({ configuration: false }) }); });
    after(async () => { await client?.shutdown().catch(() => {}); client?.kill(); });

    it('uses the settings pushed with didChangeConfiguration, for every document', async () => {
      const uri = docUri('settings-push.plan');
      await client.open(uri, DEMO_PLAN);
      await client.diagnostics(uri, 1);
      assert.ok((await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE })).length > 0);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { planAsCode: { inlayHints: { enabled: false } } } });
      await sleep(50);
      assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE }), []);
      assert.deepEqual(client.configurationRequests, [], 'never asked');
    });
  });
});
