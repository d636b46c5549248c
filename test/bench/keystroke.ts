/**
 * Keystroke latency of the running language server (DESIGN: ≤ 150 ms at 10,000 tasks): the real
 * bundled server (`dist/server.js --stdio`) is started, the plan opened, and each measured keystroke is
 * an incremental `didChange` of one character; the time runs until the server publishes diagnostics
 * for that version — its debounce delay (the default setting) included, as a user experiences it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface KeystrokeResult { tasks: number; openMs: number; keystrokeMs: number[]; medianMs: number; delayMs: number }

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return { line, character: offset - lineStart };
}

export async function measureKeystrokes(text: string, tasks: number, keystrokes = 9): Promise<KeystrokeResult> {
  const serverJs = join(dirname(fileURLToPath(import.meta.url)), 'server.js');
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.version !== undefined) waiting.get(p.version)?.(p);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  const published = (version: number) => new Promise<PublishDiagnosticsParams>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 30 s`)), 30_000);
    waiting.set(version, (p) => { clearTimeout(timer); waiting.delete(version); resolve(p); });
  });
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///bench/plan.plan';
    let t0 = performance.now();
    const opened = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plan', version: 1, text } });
    await opened;
    const openMs = performance.now() - t0;
    const times: number[] = [];
    let current = text;
    for (let k = 0; k < keystrokes; k++) {
      // Type a digit into an effort somewhere in the middle of the plan.
      const at = current.indexOf('effort ', Math.floor(current.length * (0.25 + k / (2 * keystrokes)))) + 'effort '.length;
      const position = positionAt(current, at);
      current = current.slice(0, at) + '1' + current.slice(at);
      const version = k + 2;
      const done = published(version);
      t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: '1' }],
      });
      await done;
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 150)); // a pause between keystrokes, as when typing
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { tasks, openMs, keystrokeMs: times, medianMs: sorted[sorted.length >> 1], delayMs: 50 };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}
