// Runs the VS Code tests in a real VS Code on machines that cannot download VS Code: the VS Code server
// bundled in the npm package `code-server` (pinned 4.100.3 = VS Code 1.100.3, the newest that installs on
// Node 20), driven by Debian's headless Chromium through playwright-core. See
// ../shared/notes/real-vscode-tests.md and the README ("Tests inside VS Code").
//
//   node --import tsx test/vscode/codeServer.ts [install] [--suite] [--vsix]    (default: --suite --vsix)
//
// 1. install (cached): code-server into .vscode-test/code-server/ (its own package.json + lock from
//    test/vscode/code-server/, never an extension dependency); skipped when that lock is already installed.
// 2. --suite: the extension from this folder (extensionDevelopmentPath) and the mocha suite
//    dist/test/vscode/suite/index.cjs (extensionTestsPath) run in the extension host; mocha's output is
//    printed; test-results/vscode-editor.png shows the editor with the plan and the Problems panel.
// 3. --vsix: plan-as-code-<version>.vsix (npm run package) installed with `code-server --install-extension`,
//    the plan opened from the Explorer like a user would; the page must show the language mode Plan, the
//    Problems panel with the fixture's error and warning (shot to test-results/vsix-problems.png) and a
//    mouse hover on a task with its computed dates (test-results/vsix-hover.png); the editor title's
//    "Open Timeline to the Side" opens the preview with the plan's bars (test-results/vsix-timeline.png).
// Every wait is bounded; code-server (its process group) and Chromium are always stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = path.join(ROOT, 'test/vscode/code-server');
const CODE_SERVER_VERSION = '4.100.3';
const INSTALL_DIR = path.resolve(process.env.PLAN_CODE_SERVER_DIR ?? path.join(ROOT, '.vscode-test/code-server'));
const ENTRY = path.join(INSTALL_DIR, 'node_modules/code-server/out/node/entry.js');
const SUITE = path.join(ROOT, 'dist/test/vscode/suite/index.cjs');
const FIXTURE = path.join(ROOT, 'test/vscode/workspace');
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.PLAN_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
// @vscode/ripgrep 1.15.11 (a dependency of VS Code 1.100) downloads rg from GitHub in its postinstall
// unless this tarball is in its cache; we build it from Debian's `ripgrep` package.
const RIPGREP_CACHE = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const TIMEOUT = {
  install: 10 * 60_000,
  serverReady: 60_000,
  suite: 6 * 60_000,
  installExtension: 2 * 60_000,
  ui: 90_000,
  total: 15 * 60_000,
};

const started = Date.now();
const log = (message: string) => console.log(`[vscode-tests ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const cleanups: (() => Promise<void> | void)[] = [];

class HarnessError extends Error {}

// ------------------------------------------------------------------------------------------ install

function lockHash(): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(TEMPLATE, file)));
  return hash.update(process.version.split('.')[0]!).digest('hex').slice(0, 16);
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export async function ensureCodeServer(): Promise<void> {
  const stamp = path.join(INSTALL_DIR, '.installed');
  const wanted = `${CODE_SERVER_VERSION} ${lockHash()}`;
  if (fs.existsSync(ENTRY) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === wanted) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(ROOT, INSTALL_DIR) || INSTALL_DIR}`);
    return;
  }
  if (process.versions.node.split('.')[0] !== '20') {
    throw new HarnessError(`code-server ${CODE_SERVER_VERSION} installs on Node 20 only (this is ${process.version}).`);
  }
  const missing = ['rg', 'make', 'g++', 'python3', 'pkg-config', 'krb5-config'].filter((c) => !which(c));
  if (missing.length > 0) {
    throw new HarnessError(`missing ${missing.join(', ')}: apt-get install ripgrep build-essential python3 pkg-config libkrb5-dev (.ci/run does)`);
  }
  const t0 = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (about a minute: native modules compile)`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(TEMPLATE, file), path.join(INSTALL_DIR, file));

  if (!fs.existsSync(RIPGREP_CACHE)) {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
    fs.copyFileSync(which('rg')!, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(path.dirname(RIPGREP_CACHE), { recursive: true });
    const tar = spawnSync('tar', ['-C', staging, '-czf', RIPGREP_CACHE, 'rg'], { stdio: 'inherit' });
    fs.rmSync(staging, { recursive: true, force: true });
    if (tar.status !== 0) throw new HarnessError('could not build the ripgrep cache tarball');
  }

  const logFile = path.join(RESULTS, 'code-server-install.log');
  fs.mkdirSync(RESULTS, { recursive: true });
  const npm = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: INSTALL_DIR,
    env: {
      ...process.env,
      npm_config_unsafe_perm: 'true', // code-server's postinstall insists on it when run as root
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_nodedir: '/usr', // node-gyp uses the system Node headers instead of downloading them
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out = fs.createWriteStream(logFile);
  npm.stdout!.pipe(out);
  npm.stderr!.pipe(out);
  const code = await waitForExit(npm, TIMEOUT.install, 'npm ci of code-server');
  out.end();
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new HarnessError(`installing code-server failed (exit ${code}); ${logFile}:\n${tail}`);
  }
  if (!fs.existsSync(ENTRY)) throw new HarnessError(`code-server installed but ${ENTRY} is missing`);
  fs.writeFileSync(stamp, wanted + '\n');
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// ------------------------------------------------------------------------------------------ processes

function waitForExit(child: ChildProcess, timeoutMs: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new HarnessError(`${what} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Signals the process group we created (spawned with detached: true); never anything else. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timer])) === 'timeout') killGroup(child, 'SIGKILL');
  // Children of the group (extension host, file watcher, pty host) get the same signals.
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* group empty */
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Sandbox {
  root: string;
  home: string;
  userData: string;
  extensions: string;
  workspace: string;
  signals: string;
  env: NodeJS.ProcessEnv;
}

/** Throwaway HOME, XDG dirs, user data, extensions and a copy of the fixture workspace. */
function makeSandbox(name: string): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `plan-vscode-${name}-`));
  const dirs = {
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    signals: path.join(root, 'signals'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(FIXTURE, dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.ignoreRecommendations': true,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.commandCenter.enabled': false,
        'editor.fontSize': 14,
      },
      null,
      2,
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    VSCODE_PROXY_URI: undefined,
    PLAN_VSCODE_TEST_SIGNAL_DIR: dirs.signals,
  };
  const sandbox = { root, ...dirs, env };
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  return sandbox;
}

function codeServerArgs(sandbox: Sandbox): string[] {
  return [
    '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions,
  ];
}

interface RunningServer {
  port: number;
  child: ChildProcess;
}

async function startCodeServer(sandbox: Sandbox, name: string): Promise<RunningServer> {
  const port = await freePort();
  const logFile = fs.createWriteStream(path.join(RESULTS, `code-server-${name}.log`));
  const child = spawn(process.execPath, [ENTRY, '--bind-addr', `127.0.0.1:${port}`, ...codeServerArgs(sandbox)], {
    cwd: sandbox.home,
    env: sandbox.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  cleanups.push(() => stopGroup(child));
  const deadline = Date.now() + TIMEOUT.serverReady;
  for (;;) {
    if (child.exitCode !== null) throw new HarnessError(`code-server exited with ${child.exitCode}; see test-results/code-server-${name}.log`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new HarnessError(`code-server was not ready within ${TIMEOUT.serverReady / 1000} s`);
    await sleep(200);
  }
  log(`code-server ${CODE_SERVER_VERSION} (${name}) listening on 127.0.0.1:${port}`);
  return { port, child };
}

async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new HarnessError(`${CHROMIUM} not found: apt-get install chromium (.ci/run does)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  cleanups.push(() => browser.close().catch(() => undefined));
  return browser;
}

async function newPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const pageLog = fs.createWriteStream(path.join(RESULTS, `browser-${name}.log`));
  cleanups.push(() => new Promise<void>((resolve) => pageLog.end(() => resolve())));
  page.on('console', (message) => pageLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => pageLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
  page.on('crash', () => log(`the ${name} page crashed`));
  return page;
}

// ------------------------------------------------------------------------------------------ the suite

/** Must match MOCHA_LINE_MARK in suite/index.ts. */
const MOCHA_LINE_MARK = '[[mocha]] ';

async function runSuite(browser: Browser): Promise<number> {
  if (!fs.existsSync(SUITE)) throw new HarnessError(`${SUITE} missing: run node scripts/build-vscode-tests.mjs`);
  const sandbox = makeSandbox('suite');
  const server = await startCodeServer(sandbox, 'suite');
  const page = await newPage(browser, 'suite');
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(SUITE)],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
  ];
  const fullLog = fs.createWriteStream(path.join(RESULTS, 'vscode-suite.log'));
  cleanups.push(() => new Promise<void>((resolve) => fullLog.end(() => resolve())));
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
    // The workbench passes console arguments (printf-style) as an array.
    const text = Array.isArray(message) ? format(...(message as unknown[])) : String(message);
    fullLog.write(`[${level}] ${text}\n`);
    if (text.startsWith(MOCHA_LINE_MARK)) process.stdout.write(`${text.slice(MOCHA_LINE_MARK.length)}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => {
    const dir = path.join(RESULTS, 'vscode-suite-logs');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const entry of logs ?? []) {
      const file = path.join(dir, entry.relativePath);
      if (!file.startsWith(dir)) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, entry.contents);
    }
    exit(code);
  });
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const t0 = Date.now();
  log('running the mocha suite inside the extension host');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const deadline = Date.now() + TIMEOUT.suite;
  let code: number | undefined;
  exited.then((c) => (code = c));
  while (code === undefined) {
    if (Date.now() > deadline) {
      await page.screenshot({ path: path.join(RESULTS, 'vscode-timeout.png') }).catch(() => undefined);
      throw new HarnessError(`the suite did not finish within ${TIMEOUT.suite / 1000} s (screenshot test-results/vscode-timeout.png, log test-results/vscode-suite.log)`);
    }
    await serveScreenshotRequest(page, sandbox.signals);
    await serveWebviewRequest(page, sandbox.signals);
    await Promise.race([exited, sleep(200)]);
  }
  log(`suite finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) log('the whole workbench log: test-results/vscode-suite.log (extension host logs in test-results/vscode-suite-logs/)');
  await page.context().close().catch(() => undefined);
  await stopGroup(server.child);
  return code;
}

/** The suite's last test asks (through a file) for a shot of the editor while its diagnostics are live. */
async function serveScreenshotRequest(page: Page, signals: string): Promise<void> {
  const request = path.join(signals, 'screenshot-request.json');
  if (!fs.existsSync(request)) return;
  const { name } = JSON.parse(fs.readFileSync(request, 'utf8')) as { name: string };
  fs.rmSync(request);
  let answer = 'ok';
  try {
    await expectProblems(page);
    const file = path.join(RESULTS, path.basename(name));
    await page.screenshot({ path: file, animations: 'disabled' });
    log(`screenshot ${path.relative(ROOT, file)}`);
  } catch (error) {
    answer = `error: ${error instanceof Error ? error.message : String(error)}`;
    await page.screenshot({ path: path.join(RESULTS, 'vscode-editor-failed.png') }).catch(() => undefined);
  }
  fs.writeFileSync(path.join(signals, 'screenshot-done'), answer);
}

/**
 * What the timeline tests ask of the page (suite/helpers.ts `askWebview`): in the webview that holds
 * `selector` (code-server nests it: iframe.webview → #active-frame), wait for it, click it with the mouse
 * as a user would, or take a screenshot of the whole window once it shows; or wait for `selector` in the
 * workbench (`page-wait`). The answer goes to
 * `webview-done.json`: { ok, error?, count?, text? }.
 */
interface WebviewRequest {
  /** `page-wait`: wait for `selector` in the workbench itself (a quick pick, a dialog), not in a webview. */
  action: 'wait' | 'click' | 'screenshot' | 'page-wait';
  selector: string;
  name?: string;
  timeoutMs?: number;
}

async function serveWebviewRequest(page: Page, signals: string): Promise<void> {
  const request = path.join(signals, 'webview-request.json');
  if (!fs.existsSync(request)) return;
  const asked = JSON.parse(fs.readFileSync(request, 'utf8')) as WebviewRequest;
  fs.rmSync(request);
  let answer: { ok: boolean; error?: string; count?: number; text?: string };
  try {
    if (asked.action === 'page-wait') {
      const found = page.locator(asked.selector).first();
      await found.waitFor({ state: 'visible', timeout: asked.timeoutMs ?? 30_000 });
      answer = { ok: true, count: await page.locator(asked.selector).count(), text: ((await found.textContent()) ?? '').trim().slice(0, 200) };
      fs.writeFileSync(path.join(signals, 'webview-done.json'), JSON.stringify(answer));
      return;
    }
    const frame = await webviewFrameWith(page, asked.selector, asked.timeoutMs ?? 30_000);
    const target = frame.locator(asked.selector).first();
    const count = await frame.locator(asked.selector).count();
    const text = ((await target.textContent().catch(() => '')) ?? '').trim().slice(0, 200);
    if (asked.action === 'click') {
      // The mouse at the element's centre, as a user clicks: whatever is drawn on top (a bar's label)
      // gets the click, as it would for the user.
      await target.scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined);
      const box = await target.boundingBox();
      if (!box) throw new HarnessError(`${asked.selector} has no box on the page`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      log(`clicked ${asked.selector} in the webview at ${Math.round(box.x + box.width / 2)},${Math.round(box.y + box.height / 2)}`);
    } else if (asked.action === 'screenshot') {
      // Let the chart settle (mermaid draws, fonts load) before the shot.
      await page.waitForTimeout(300);
      const file = path.join(RESULTS, path.basename(asked.name ?? 'vscode-webview.png'));
      await page.screenshot({ path: file, animations: 'disabled' });
      log(`screenshot ${path.relative(ROOT, file)}`);
    }
    answer = { ok: true, count, text };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    await page.screenshot({ path: path.join(RESULTS, 'vscode-webview-failed.png') }).catch(() => undefined);
  }
  fs.writeFileSync(path.join(signals, 'webview-done.json'), JSON.stringify(answer));
}

/** The (nested) frame of the page that has an element matching `selector`, waiting for it to appear. */
async function webviewFrameWith(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const count = await frame.locator(selector).count().catch(() => 0);
      if (count > 0) return frame;
    }
    if (Date.now() > deadline) {
      const urls = page.frames().map((f) => f.url().replace(/\?.*$/, '')).join(', ');
      throw new HarnessError(`no webview frame shows ${selector} within ${timeoutMs / 1000} s (frames: ${urls})`);
    }
    await sleep(200);
  }
}

/** What a user sees: the Problems panel lists the fixture's error and warning, the editor squiggles them. */
async function expectProblems(page: Page, timeoutMs = 30_000): Promise<string> {
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await panel.innerText().catch(() => '');
    if (text.includes("Unknown task or milestone 'desing'") && text.includes('review has no duration or effort')) {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: timeoutMs });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: timeoutMs });
      return text;
    }
    if (Date.now() > deadline) throw new HarnessError(`the Problems panel does not list the fixture's diagnostics; it shows:\n${text}`);
    await sleep(250);
  }
}

async function pollUntil(page: Page, probe: () => Promise<boolean>, timeoutMs: number, failure: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) {
      const message = await failure().catch((e) => String(e));
      await page.screenshot({ path: path.join(RESULTS, 'vsix-failed.png') }).catch(() => undefined);
      throw new HarnessError(`${message} (screenshot test-results/vsix-failed.png)`);
    }
    await sleep(250);
  }
}

// ------------------------------------------------------------------------------------------ the .vsix

function vsixPath(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

async function runCli(sandbox: Sandbox, args: string[], what: string): Promise<string> {
  const child = spawn(process.execPath, [ENTRY, ...codeServerArgs(sandbox), ...args], {
    cwd: sandbox.home,
    env: sandbox.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const code = await waitForExit(child, TIMEOUT.installExtension, what);
  if (code !== 0) throw new HarnessError(`${what} failed (exit ${code}):\n${output}`);
  return output;
}

async function checkVsix(browser: Browser): Promise<void> {
  const vsix = vsixPath();
  if (!fs.existsSync(vsix)) throw new HarnessError(`${path.basename(vsix)} missing: run npm run package`);
  log(`installing ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) into code-server`);
  const sandbox = makeSandbox('vsix');
  await runCli(sandbox, ['--install-extension', vsix, '--force'], 'code-server --install-extension');
  const listed = await runCli(sandbox, ['--list-extensions', '--show-versions'], 'code-server --list-extensions');
  if (!listed.includes('plan-as-code.plan-as-code@')) throw new HarnessError(`the extension is not listed after installing:\n${listed}`);
  log(`installed: ${listed.trim().split('\n').filter((l) => l.includes('plan-as-code')).join(', ')}`);

  const server = await startCodeServer(sandbox, 'vsix');
  const page = await newPage(browser, 'vsix');
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(sandbox.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT.ui });

  // Open the plan from the Explorer, as a new user would.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'website.plan' });
  await row.waitFor({ timeout: TIMEOUT.ui });
  await row.dblclick();
  await page.locator('.tabs-container .tab', { hasText: 'website.plan' }).waitFor({ timeout: TIMEOUT.ui });
  await page.locator('.monaco-editor .view-lines', { hasText: 'project web' }).waitFor({ timeout: TIMEOUT.ui });
  // The language mode in the status bar turns to Plan once the extension's contributions are registered.
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.waitFor({ timeout: TIMEOUT.ui });
  await pollUntil(page, async () => (await mode.innerText()).trim() === 'Plan', TIMEOUT.ui,
    async () => `the status bar shows language "${(await mode.innerText()).trim()}", not Plan`);

  // The Problems panel (Ctrl+Shift+M) lists what the language server found.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M');
  let problems: string;
  try {
    problems = await expectProblems(page, TIMEOUT.ui);
  } catch (error) {
    await page.screenshot({ path: path.join(RESULTS, 'vsix-problems-failed.png') }).catch(() => undefined);
    throw error;
  }
  const statusBar = (await page.locator('.part.statusbar').innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  log(`Problems panel: ${problems.replace(/\s+/g, ' ').trim()}`);
  log(`status bar: ${statusBar}`);

  // Hovering a task with the mouse shows its computed dates (build: 2027-01-04 to 2027-01-15).
  const token = page.locator('.view-line', { hasText: 'task build' }).locator('span > span', { hasText: /^build$/ });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '2027-01-15' });
  await pollUntil(page, async () => {
    await token.first().hover({ timeout: 5_000 });
    return hover.first().isVisible();
  }, TIMEOUT.ui, async () => 'hovering task build shows no hover with its end date 2027-01-15');
  log(`hover: ${(await hover.first().innerText()).replace(/\s+/g, ' ').trim()}`);
  await page.screenshot({ path: path.join(RESULTS, 'vsix-hover.png'), animations: 'disabled' });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator('.view-line', { hasText: 'after desing' }).locator('span > span', { hasText: /^desing$/ }).first().click();

  const file = path.join(RESULTS, 'vsix-problems.png');
  await page.screenshot({ path: file, animations: 'disabled' });
  log(`screenshot ${path.relative(ROOT, file)}`);

  // The timeline preview from the packaged media (script, styles, mermaid): the editor title's
  // "Open Timeline to the Side" button, as a user finds it; the chart must show the plan's bars.
  const button = page.locator('.editor-actions .action-label[aria-label^="Open Timeline to the Side"]');
  await button.first().waitFor({ timeout: TIMEOUT.ui });
  await button.first().click();
  await page.locator('.tabs-container .tab', { hasText: 'Timeline: website.plan' }).waitFor({ timeout: TIMEOUT.ui });
  let chart: Frame;
  try {
    chart = await webviewFrameWith(page, 'svg rect[data-id="build"]', TIMEOUT.ui);
  } catch (error) {
    await page.screenshot({ path: path.join(RESULTS, 'vsix-timeline-failed.png') }).catch(() => undefined);
    throw error;
  }
  const chartErrors = await chart.locator('.message.error').count();
  if (chartErrors > 0) throw new HarnessError(`the preview shows an error: ${await chart.locator('.message.error').first().innerText()}`);
  await page.waitForTimeout(300); // mermaid's fonts and layout settle
  // The tab carries the packaged gantt icon (VS Code draws a webview's icon as its label's ::before).
  const tabLabel = page.locator('.tabs-container .tab', { hasText: 'Timeline: website.plan' }).locator('.monaco-icon-label').first();
  const tabIcon = await tabLabel.evaluate((e) => getComputedStyle(e, '::before').backgroundImage);
  const iconFile = /media(?:\/|%2F)(timeline-(?:light|dark)\.svg)/.exec(tabIcon)?.[1];
  if (!iconFile) throw new HarnessError(`the preview's tab shows no gantt icon (background ${tabIcon})`);
  const iconResponse = await page.request.get(/url\("([^"]+)"\)/.exec(tabIcon)![1]);
  if (!iconResponse.ok() || !(await iconResponse.text()).includes('<svg')) throw new HarnessError(`the preview's tab icon ${iconFile} does not load (HTTP ${iconResponse.status()})`);
  log(`preview tab icon: media/${iconFile}, served from the installed extension`);
  const timelineShot = path.join(RESULTS, 'vsix-timeline.png');
  await page.screenshot({ path: timelineShot, animations: 'disabled' });
  log(`screenshot ${path.relative(ROOT, timelineShot)}; the installed .vsix works`);
  await page.context().close().catch(() => undefined);
  await stopGroup(server.child);
}

// ------------------------------------------------------------------------------------------ main

async function cleanup(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      /* best effort */
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const installOnly = argv.includes('install');
  const wantSuite = argv.includes('--suite') || (!argv.includes('--vsix') && !installOnly);
  const wantVsix = argv.includes('--vsix') || (!argv.includes('--suite') && !installOnly);
  fs.mkdirSync(RESULTS, { recursive: true });
  await ensureCodeServer();
  if (installOnly) return 0;
  const browser = await launchBrowser();
  let code = 0;
  if (wantSuite) {
    try {
      if ((await runSuite(browser)) !== 0) code = 1;
    } catch (error) {
      console.error(`[vscode-tests] suite FAILED: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
  }
  if (wantVsix) {
    try {
      await checkVsix(browser);
    } catch (error) {
      console.error(`[vscode-tests] .vsix check FAILED: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
  }
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const watchdog = setTimeout(async () => {
    console.error(`[vscode-tests] gave up after ${TIMEOUT.total / 60_000} min`);
    await cleanup();
    process.exit(1);
  }, TIMEOUT.total);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await cleanup();
      process.exit(130);
    });
  }
  let code = 1;
  try {
    code = await main(process.argv.slice(2));
  } catch (error) {
    console.error(`[vscode-tests] ${error instanceof HarnessError ? error.message : error instanceof Error ? error.stack : String(error)}`);
    code = 1;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
  log(code === 0 ? 'VS Code tests passed' : 'VS Code tests FAILED');
  process.exit(code);
}
