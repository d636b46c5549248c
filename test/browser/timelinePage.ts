/**
 * Opens the timeline webview's real page (client/src/timeline/html.ts with dist/media/*) in headless
 * Chromium, served from loopback the way a webview serves its resources, under the same CSP. VS Code's
 * side of the webview is what a webview script sees of it: `acquireVsCodeApi()` (postMessage, getState,
 * setState) and `message` events on window. Tests send host messages and read what the page posted.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { timelinePage, makeNonce } from '../../client/src/timeline/html';
import type { HostMessage, RenderReport, WebviewMessage } from '../../client/src/timeline/messages';
import { ensureBuilt, ROOT } from '../cli/helpers';

export const CHROMIUM = '/usr/bin/chromium';

/** The browser tests need Debian's Chromium: without it they fail with this message instead of passing unseen. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash scripts/system-deps.sh)`);
}
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const MEDIA = path.join(ROOT, 'dist', 'media');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

export interface TimelinePage {
  page: Page;
  /** Console errors, page errors and failed or outside requests seen so far. */
  problems: string[];
  send(message: HostMessage): Promise<void>;
  /** Everything the page posted to the extension so far. */
  posted(): Promise<WebviewMessage[]>;
  /** Waits for a `rendered` report matching `accept` (posted after `since` messages). */
  rendered(accept?: (r: RenderReport) => boolean, since?: number, timeoutMs?: number): Promise<RenderReport>;
  /** What `setState` last stored. */
  state(): Promise<unknown>;
  close(): Promise<void>;
}

/** A TimelineBrowser for a mocha suite: started before its tests, stopped after them; `resultsDir` made for screenshots. */
export function suiteBrowser(resultsDir: string): TimelineBrowser {
  const browser = new TimelineBrowser();
  before(async () => {
    requireChromium();
    await browser.start();
    fs.mkdirSync(resultsDir, { recursive: true });
  });
  after(() => browser.stop());
  return browser;
}

export class TimelineBrowser {
  private browser: Browser | undefined;
  private server: http.Server | undefined;
  private origin = '';


  async start(): Promise<void> {
    ensureBuilt();
    if (!fs.existsSync(path.join(MEDIA, 'timeline.js'))) throw new Error('dist/media/timeline.js is missing: run npm run build');
    this.server = http.createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').split('?')[0]);
      if (name === '/index.html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(this.html); return; }
      // Chromium asks for a favicon; a webview never does.
      if (name === '/favicon.ico') { res.writeHead(204); res.end(); return; }
      const file = path.join(MEDIA, path.normalize(name));
      if (!file.startsWith(MEDIA + path.sep) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }

  private html = '';

  /**
   * A page like the extension's panel; `theme` sets the body class VS Code sets (vscode-light, …).
   * `state` is what the webview saved (getState; also in the page, as after a reload); `stateAttribute`
   * only the serializer's state in the page, with nothing saved.
   */
  async open(options: { state?: unknown; stateAttribute?: unknown; theme?: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast'; width?: number; height?: number } = {}): Promise<TimelinePage> {
    const nonce = makeNonce();
    this.html = timelinePage({
      cspSource: this.origin, nonce, state: options.stateAttribute ?? options.state,
      script: `${this.origin}/timeline.js`, style: `${this.origin}/timeline.css`, mermaid: `${this.origin}/mermaid.min.js`,
    });
    const page = await this.browser!.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 } });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('request', (r) => { if (!r.url().startsWith(this.origin)) problems.push(`outside request: ${r.url()}`); });
    const theme = options.theme ?? 'vscode-light';
    // A script string, not a function: the test runner's transpiler would add helpers the page lacks.
    await page.addInitScript(`(() => {
      const w = window;
      w.__posted = [];
      w.__state = ${JSON.stringify(options.state ?? null)};
      w.acquireVsCodeApi = () => ({
        postMessage: (m) => w.__posted.push(m),
        getState: () => w.__state,
        setState: (s) => { w.__state = s; return s; },
      });
      document.addEventListener('DOMContentLoaded', () => document.body.classList.add(${JSON.stringify(theme)}));
    })();`);
    await page.goto(`${this.origin}/index.html`, { waitUntil: 'load' });
    // Posted messages are fetched incrementally: copying every earlier report (5,000 bars each) on every
    // poll would slow the page being measured.
    const seen: WebviewMessage[] = [];
    const posted = async () => {
      const fresh = await page.evaluate((from) => JSON.stringify((window as unknown as { __posted: WebviewMessage[] }).__posted.slice(from)), seen.length);
      seen.push(...(JSON.parse(fresh) as WebviewMessage[]));
      return seen.slice();
    };
    return {
      page,
      problems,
      // As JSON text, the way VS Code delivers messages; Playwright's serializer is slow on 5,000-task models.
      send: (message) => page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message)),
      posted,
      async rendered(accept = () => true, since = 0, timeoutMs = 30_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const all = await posted();
          const hit = all.slice(since).find((m): m is Extract<WebviewMessage, { type: 'rendered' }> => m.type === 'rendered' && accept(m.report));
          if (hit) return hit.report;
          if (Date.now() > deadline) throw new Error(`no matching render report within ${timeoutMs} ms; posted: ${JSON.stringify(all.map((m) => m.type))}; problems: ${problems.join('; ')}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      },
      state: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
      close: () => page.close(),
    };
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
