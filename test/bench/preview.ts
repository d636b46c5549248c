/// <reference lib="dom" />
/**
 * Timeline preview update time (DESIGN: ≤ 300 ms at 1,000 tasks), along the path an edit takes in the
 * editor: a one-character `didChange` to the real bundled server (`dist/server.js --stdio`) → the
 * server's `planAsCode/status` for that version → `planAsCode/timeline` → the model posted into the real
 * webview page (client/src/timeline/html.ts with dist/media/*) in headless Chromium → its `rendered`
 * report for that version. The extension's throttle is not in the path: the first edit after a pause is
 * sent at once. Each size is measured with the renderer `auto` picks and, for comparison, with mermaid.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { makeNonce, timelinePage } from '../../client/src/timeline/html';
import type { HostMessage, PreviewSettings, RenderReport } from '../../client/src/timeline/messages';
import type { TimelineModel } from '../../server/src/language/timeline/types';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface PreviewSample {
  /** didChange → the server's status for that version (analysis, debounce included). */
  serverMs: number;
  /** planAsCode/timeline round trip. */
  modelMs: number;
  /** Posting the model into the page → its render report read back. */
  renderMs: number;
  /** What the page itself measured from receiving the model to the drawn DOM. */
  pageMs: number;
  totalMs: number;
}

export interface PreviewResult {
  tasks: number;
  renderer: 'mermaid' | 'builtin' | null;
  /** The renderer setting the run used. */
  setting: PreviewSettings['renderer'];
  bars: number;
  modelKB: number;
  samples: PreviewSample[];
  median: PreviewSample;
  errors: string[];
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return { line, character: offset - lineStart };
}

function medianOf(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; }

/** dist/media served on loopback, as a webview serves the extension's media folder. */
async function serveMedia(media: string): Promise<{ origin: string; setPage(html: string): void; close(): Promise<void> }> {
  let page = '';
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (name === '/index.html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page); return; }
    if (name === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const file = join(media, normalize(name));
    if (!file.startsWith(media + sep) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': extname(file) === '.css' ? 'text/css' : 'text/javascript' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setPage: (html) => { page = html; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function measurePreview(plans: { tasks: number; text: string; settings: PreviewSettings }[], edits = 7): Promise<PreviewResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed (Debian package chromium)`);
  const here = dirname(fileURLToPath(import.meta.url));
  const media = join(here, 'media');
  const { chromium } = await import('playwright-core');
  const served = await serveMedia(media);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const results: PreviewResult[] = [];
  try {
    for (const plan of plans) results.push(await measureOne(plan, edits, join(here, 'server.js'), served, browser));
  } finally {
    await browser.close();
    await served.close();
  }
  return results;
}

async function measureOne(
  plan: { tasks: number; text: string; settings: PreviewSettings }, edits: number, serverJs: string,
  served: Awaited<ReturnType<typeof serveMedia>>, browser: import('playwright-core').Browser,
): Promise<PreviewResult> {
  served.setPage(timelinePage({
    cspSource: served.origin, nonce: makeNonce(),
    script: `${served.origin}/timeline.js`, style: `${served.origin}/timeline.css`, mermaid: `${served.origin}/mermaid.min.js`,
  }));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__posted = [];
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => (w.__posted as unknown[]).push(m), getState: () => null, setState: (s: unknown) => s });
    document.addEventListener('DOMContentLoaded', () => document.body.classList.add('vscode-light'));
  });
  await page.goto(`${served.origin}/index.html`, { waitUntil: 'load' });
  // Messages cross as JSON text, as VS Code sends them to a webview: Playwright's own serialization of a
  // large object graph costs far more than the webview's path and would swamp the measurement.
  const post = (m: HostMessage) => page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(m));
  const rendered = async (version: number): Promise<RenderReport> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const report = await page.evaluate((v) => {
        const all = (window as unknown as { __posted: { type: string; report?: { version: number | null } }[] }).__posted;
        const hit = all.find((m) => m.type === 'rendered' && m.report?.version === v);
        return hit ? JSON.stringify(hit.report) : null;
      }, version);
      if (report) return JSON.parse(report) as RenderReport;
      if (Date.now() > deadline) throw new Error(`the page reported no render of version ${version} within 60 s (${errors.join('; ')})`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };

  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const statusWaiters = new Map<number, () => void>();
  connection.onNotification('planAsCode/status', (s: { version?: number }) => { if (s.version !== undefined) statusWaiters.get(s.version)?.(); });
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  const analysed = (version: number) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no planAsCode/status for version ${version} within 30 s`)), 30_000);
    statusWaiters.set(version, () => { clearTimeout(timer); statusWaiters.delete(version); resolve(); });
  });
  const uri = 'file:///bench/preview.plan';
  const samples: PreviewSample[] = [];
  let last: RenderReport | undefined;
  let modelBytes = 0;
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const update = async (version: number, t0: number): Promise<PreviewSample> => {
      await analysed(version);
      const t1 = performance.now();
      const model = await connection.sendRequest<TimelineModel | null>('planAsCode/timeline', { uri });
      if (!model) throw new Error('planAsCode/timeline answered null');
      if (model.version !== version) throw new Error(`planAsCode/timeline answered version ${model.version}, expected ${version}`);
      modelBytes = JSON.stringify(model).length;
      const t2 = performance.now();
      await post({ type: 'model', model, fileName: 'preview.plan', settings: plan.settings });
      last = await rendered(version);
      const t3 = performance.now();
      return { serverMs: t1 - t0, modelMs: t2 - t1, renderMs: t3 - t2, pageMs: last.ms, totalMs: t3 - t0 };
    };
    let current = plan.text;
    // Opening the preview: the first render loads mermaid and warms the page; it is not counted.
    const first = update(1, performance.now());
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plan', version: 1, text: current } });
    await first;
    for (let k = 0; k < edits; k++) {
      const at = current.indexOf('effort ', Math.floor(current.length * (0.2 + (0.6 * k) / edits))) + 'effort '.length;
      const position = positionAt(current, at);
      current = current.slice(0, at) + '1' + current.slice(at);
      const version = k + 2;
      const t0 = performance.now();
      const waiting = update(version, t0);
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: '1' }],
      });
      samples.push(await waiting);
      await new Promise((r) => setTimeout(r, 300)); // a pause between edits, as when typing and looking
    }
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
    await page.close();
  }
  const pick = (f: (s: PreviewSample) => number) => medianOf(samples.map(f));
  return {
    tasks: plan.tasks,
    renderer: last?.renderer ?? null,
    setting: plan.settings.renderer,
    bars: last?.bars.length ?? 0,
    modelKB: Math.round(modelBytes / 1024),
    samples,
    median: { serverMs: pick((s) => s.serverMs), modelMs: pick((s) => s.modelMs), renderMs: pick((s) => s.renderMs), pageMs: pick((s) => s.pageMs), totalMs: pick((s) => s.totalMs) },
    errors: [...errors, ...(last?.errors ?? [])],
  };
}
