/**
 * Lifecycle over the three ways an editor starts the server: `node dist/server.js --stdio`,
 * `node dist/planc.js lsp --stdio` and node IPC (what VS Code's language client uses). Each one
 * initializes, answers a request on an opened plan and exits cleanly after shutdown/exit.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEMO_PLAN, docUri, ensureBuilt, PLANC_JS, positionOf, ROOT, startClient, type Launch } from './lspClient';

describe('protocol: lifecycle', () => {
  before(() => ensureBuilt());

  for (const launch of ['server-stdio', 'planc-stdio', 'server-ipc'] as Launch[]) {
    it(`${launch}: initialize → capabilities, a request, shutdown/exit → exit code 0`, async () => {
      const client = await startClient({ launch });
      try {
        const { capabilities, serverInfo } = client.initializeResult;
        assert.equal(serverInfo?.name, 'Plan as Code');
        assert.match(serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
        assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
        for (const provider of [
          'documentSymbolProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider',
          'renameProvider', 'completionProvider', 'semanticTokensProvider', 'foldingRangeProvider', 'selectionRangeProvider',
          'documentFormattingProvider', 'codeActionProvider', 'inlayHintProvider', 'codeLensProvider',
        ] as const) {
          assert.ok(capabilities[provider], `${provider} is offered`);
        }
        assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
        assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: false });
        // The test client does not declare pull diagnostics: none offered, diagnostics are pushed.
        assert.equal(capabilities.diagnosticProvider, undefined);

        const uri = docUri(`lifecycle-${launch}.plan`);
        await client.open(uri, DEMO_PLAN);
        const published = await client.diagnostics(uri, 1);
        assert.deepEqual(published.diagnostics, []);
        const definition = await client.request<{ uri: string }[]>('textDocument/definition', {
          textDocument: { uri }, position: positionOf(DEMO_PLAN, 'after design', 'after '.length),
        });
        assert.deepEqual(definition.map((l) => l.uri), [uri]);

        assert.equal(await client.shutdown(), 0);
      } finally {
        client.kill();
      }
    });
  }

  it('the server registers for configuration changes when the client allows dynamic registration', async () => {
    const client = await startClient();
    try {
      await client.waitFor('client/registerCapability', () => (client.serverRequests.includes('client/registerCapability') ? true : undefined));
      await client.shutdown();
    } finally {
      client.kill();
    }
  });

  it('exit without shutdown → exit code 1 (LSP: the client did not ask for a shutdown)', async () => {
    const client = await startClient();
    try {
      await client.connection.sendNotification('exit');
      assert.equal(await client.exitPromise, 1);
    } finally {
      client.kill();
    }
  });

  it('the server exits when its input closes (the editor went away)', async () => {
    const client = await startClient();
    try {
      client.child.stdin!.end();
      assert.equal(await client.exitPromise, 1);
    } finally {
      client.kill();
    }
  });

  it('planc lsp: bad usage → exit 2 with a message; --help describes it', () => {
    const bad = spawnSync(process.execPath, [PLANC_JS, 'lsp', '--frobnicate'], { cwd: ROOT, encoding: 'utf8', input: '' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "planc: unknown option '--frobnicate' (see 'planc lsp --help')\n");
    const extra = spawnSync(process.execPath, [PLANC_JS, 'lsp', 'a.plan'], { cwd: ROOT, encoding: 'utf8', input: '' });
    assert.equal(extra.status, 2);
    assert.equal(extra.stderr, "planc: unexpected argument 'a.plan' (see 'planc lsp --help')\n");
    const help = spawnSync(process.execPath, [PLANC_JS, 'lsp', '--help'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: planc lsp \[--stdio/);
    const general = spawnSync(process.execPath, [PLANC_JS, '--help'], { cwd: ROOT, encoding: 'utf8' });
    assert.doesNotMatch(general.stdout, /lsp.*not available/);
  });
});
