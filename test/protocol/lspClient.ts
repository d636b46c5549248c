/**
 * A small LSP client for the protocol tests. It starts the REAL bundled server as a child process
 * (`node dist/server.js --stdio`, `node dist/planc.js lsp --stdio`, or over node IPC) and speaks LSP to
 * it as an editor would: initialize with client capabilities, open and change documents, answer the
 * server's `workspace/configuration` requests, collect pushed diagnostics and status notifications.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Position,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { PlanStatus } from '../../server/src/protocol';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
export const PLANC_JS = path.join(ROOT, 'dist', 'planc.js');

// ------------------------------------------------------------------ build

function newestMtime(entry: string): number {
  let stats: fs.Stats;
  try { stats = fs.statSync(entry); } catch { return 0; }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

let built = false;

/** Builds the bundles (`npm run build`) once per run when dist/server.js or dist/planc.js is missing or stale. */
export function ensureBuilt(): void {
  if (built) return;
  const sources = Math.max(...['server/src', 'client/src', 'package.json', 'build.mjs'].map((p) => newestMtime(path.join(ROOT, p))));
  const bundles = () => Math.min(...[SERVER_JS, PLANC_JS].map((f) => { try { return fs.statSync(f).mtimeMs; } catch { return -1; } }));
  if (bundles() < sources) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (bundles() < sources) throw new Error(`npm run build did not produce fresh bundles (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  built = true;
}

// ------------------------------------------------------------------ client capabilities

/** Roughly what VS Code declares, without pull diagnostics unless asked for. */
export function clientCapabilities(options: { pull?: boolean; configuration?: boolean } = {}): ClientCapabilities {
  const caps: ClientCapabilities = {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
      configuration: options.configuration !== false,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      inlayHint: { refreshSupport: true },
      semanticTokens: { refreshSupport: true },
      codeLens: { refreshSupport: true },
      diagnostics: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true }, contextSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      definition: { linkSupport: false },
      references: {},
      documentHighlight: {},
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } }, isPreferredSupport: true, dataSupport: true },
      formatting: {},
      foldingRange: { lineFoldingOnly: true },
      selectionRange: {},
      semanticTokens: {
        requests: { full: true },
        tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator'],
        tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
        formats: ['relative'],
      },
      inlayHint: {},
      codeLens: {},
    },
    window: { workDoneProgress: false },
  };
  if (options.pull) caps.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  return caps;
}

// ------------------------------------------------------------------ the client

/** Requests a server may send that the test client answers with null (and records). */
const SERVER_REQUESTS = [
  'client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest',
  'workspace/inlayHint/refresh', 'workspace/diagnostic/refresh', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh',
  'workspace/foldingRange/refresh',
];

function last<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

export type Launch = 'server-stdio' | 'planc-stdio' | 'server-ipc';

export interface StartOptions {
  launch?: Launch;
  capabilities?: ClientCapabilities;
  /** Settings (section planAsCode) per document, answered to `workspace/configuration`. */
  settings?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
}

export interface LogMessage { type: number; message: string }

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: PlanStatus[] = [];
  readonly logs: LogMessage[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly serverRequests: string[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  settings: (scopeUri: string | undefined) => unknown;
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private exited: Promise<number | null>;

  constructor(readonly connection: ProtocolConnection, readonly child: ChildProcess, settings: StartOptions['settings']) {
    this.settings = settings ?? (() => ({}));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => { this.stderr += chunk; });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { this.published.push(p); this.notify(); });
    connection.onNotification('planAsCode/status', (p: PlanStatus) => { this.statuses.push(p); this.notify(); });
    connection.onNotification('window/logMessage', (p: LogMessage) => { this.logs.push(p); this.notify(); });
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      this.serverRequests.push('workspace/configuration');
      this.configurationRequests.push(p);
      this.notify();
      return p.items.map((item) => (item.section === 'planAsCode' ? this.settings(item.scopeUri) : null));
    });
    for (const method of SERVER_REQUESTS) {
      connection.onRequest(method, () => { this.serverRequests.push(method); this.notify(); return null; });
    }
    connection.listen();
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Waits until `check` returns a value other than undefined (re-checked on every message from the server). */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiter = () => {
        let value: T | undefined;
        try { value = check(); } catch (e) { cleanup(); reject(e as Error); return; }
        if (value !== undefined) { cleanup(); resolve(value); }
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver stderr:\n${this.stderr}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.waiters.delete(waiter); };
      this.waiters.add(waiter);
    });
  }

  /** The next (or an already received) publish for `uri` with this version (or any, when omitted). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics of ${uri}${version === undefined ? '' : ` version ${version}`}`, () =>
      last(this.published, (p) => p.uri === uri && (version === undefined || p.version === version)), timeoutMs);
  }

  status(uri: string, version?: number): Promise<PlanStatus> {
    return this.waitFor(`status of ${uri}`, () => last(this.statuses, (s) => s.uri === uri && (version === undefined || s.version === version)));
  }

  publishesOf(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  async initialize(capabilities: ClientCapabilities, initializationOptions?: unknown): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'plan-as-code protocol tests', version: '1' },
      rootUri: pathToFileURL(ROOT).href,
      workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'main' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  async open(uri: string, text: string, languageId = 'plan', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (or applies the given changes); returns the new version. */
  async change(uri: string, change: string | TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Opens a document and waits for its first diagnostics (the server has analysed it). */
  async openAndWait(uri: string, text: string, languageId = 'plan'): Promise<PublishDiagnosticsParams> {
    await this.open(uri, text, languageId);
    return this.diagnostics(uri, 1);
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** `shutdown` then `exit`; resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') { this.kill(); throw new Error('the server did not exit after shutdown/exit'); }
    this.connection.dispose();
    return code;
  }

  get exitPromise(): Promise<number | null> { return this.exited; }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/** Starts the bundled server, initializes it and returns the client. */
export async function startClient(options: StartOptions = {}): Promise<TestClient> {
  ensureBuilt();
  const launch = options.launch ?? 'server-stdio';
  let child: ChildProcess;
  let connection: ProtocolConnection;
  if (launch === 'server-ipc') {
    child = spawn(process.execPath, [SERVER_JS, '--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  } else {
    const args = launch === 'planc-stdio' ? [PLANC_JS, 'lsp', '--stdio'] : [SERVER_JS, '--stdio'];
    child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  }
  const client = new TestClient(connection, child, options.settings);
  await client.initialize(options.capabilities ?? clientCapabilities(), options.initializationOptions);
  return client;
}

// ------------------------------------------------------------------ plans and positions

/** A file URI for a test document (the file need not exist: the text travels with didOpen). */
export function docUri(name: string): string {
  return pathToFileURL(path.join(ROOT, 'test', 'protocol', 'virtual', name)).href;
}

/** The position of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) not in the text`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the `nth` occurrence of `needle`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = positionOf(text, needle, 0, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** The text at a range of `text` (single- or multi-line). */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** Applies LSP text edits to a text (edits must not overlap). */
export { applyEdits } from '../support/edits';

/** A whole-document range (past the end is fine: servers clamp). */
export const WHOLE_DOCUMENT: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** A server and a document for the feature tests of one file. */
export function useServer(options: StartOptions = {}): { client: () => TestClient } {
  let client: TestClient | undefined;
  before(async () => { ensureBuilt(); client = await startClient(options); });
  after(async () => { await client?.shutdown().catch(() => {}); client?.kill(); });
  return { client: () => client! };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The plan most feature tests use: a project with a budget, two resources, an effort task, a
 * duration task after it and a milestone.
 */
export const DEMO_PLAN = `project demo "Demo" {
  start 2027-01-04
  currency EUR
  budget 10_000
}

resource ana "Ana Lima" { rate 500/d }
resource ben "Ben Ode" { rate 400/d }

task design "Design" {
  effort 4d
  assign ana
}

task build "Build" {
  after design
  duration 5d
  assign ben 50%
}

milestone done "Done" { after build }
`;
