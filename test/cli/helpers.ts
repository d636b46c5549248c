/**
 * Helpers for the CLI tests: they run the REAL bundled CLI (`node dist/planc.js …`) as a child
 * process, building it first when dist/planc.js is missing or older than the sources.
 */
import { spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PLANC = path.join(ROOT, 'dist', 'planc.js');

function newestMtime(entry: string): number {
  let stats: fs.Stats;
  try { stats = fs.statSync(entry); } catch { return 0; }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function sourcesMtime(): number {
  return Math.max(...['server/src', 'client', 'package.json', 'build.mjs'].map((p) => newestMtime(path.join(ROOT, p))));
}

function builtMtime(): number {
  try { return fs.statSync(PLANC).mtimeMs; } catch { return -1; }
}

let built = false;

/** Builds the bundle once per test run, only when it is missing or stale. */
export function ensureBuilt(): void {
  if (built) return;
  if (builtMtime() < sourcesMtime()) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    // The build may fail on another entry point (e.g. the benchmark) while the CLI bundle is fine.
    if (builtMtime() < sourcesMtime()) {
      throw new Error(`npm run build did not produce a fresh dist/planc.js (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
  }
  built = true;
}

export interface RunResult { status: number | null; stdout: string; stderr: string }

/** Runs `node dist/planc.js ARGS` with colour variables cleared unless `env` sets them. */
export function planc(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.PLANC_DEBUG;
  Object.assign(env, options.env ?? {});
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [PLANC, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDirs: string[] = [];

/** A fresh temporary directory holding `files` (paths relative to it; strings or bytes). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'planc-cli-')));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Exit 2, nothing on stdout, exactly one `planc: …` line on stderr, no stack trace. */
export function assertUsageFailure(r: RunResult, pattern?: RegExp): void {
  assert.equal(r.status, 2, `expected exit 2, got ${r.status}; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assertOneLineError(r.stderr, pattern);
}

export function assertOneLineError(stderr: string, pattern?: RegExp): void {
  assert.match(stderr, /^planc: [^\n]+\n$/, `stderr should be one 'planc: …' line, got: ${JSON.stringify(stderr)}`);
  assert.doesNotMatch(stderr, /^\s+at /m);
  assert.doesNotMatch(stderr, /internal error/);
  if (pattern) assert.match(stderr, pattern);
}

export function assertNoCrash(r: RunResult): void {
  assert.doesNotMatch(r.stderr, /^\s+at /m, `stack trace on stderr: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error/, `internal error: ${r.stderr}`);
}

export interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  source: string;
  message: string;
}

/** Parses `--format json` output and checks every item's exact shape. */
export function parseJsonDiagnostics(stdout: string): JsonDiagnostic[] {
  const items: unknown = JSON.parse(stdout);
  assert.ok(Array.isArray(items), 'json output is an array');
  for (const item of items as JsonDiagnostic[]) {
    assert.deepEqual(Object.keys(item), ['file', 'range', 'severity', 'code', 'source', 'message']);
    assert.deepEqual(Object.keys(item.range), ['start', 'end']);
    for (const p of [item.range.start, item.range.end]) {
      assert.deepEqual(Object.keys(p), ['line', 'character']);
      assert.ok(Number.isInteger(p.line) && p.line >= 0, 'line is a 0-based integer');
      assert.ok(Number.isInteger(p.character) && p.character >= 0, 'character is a 0-based integer');
    }
    assert.ok(['error', 'warning', 'info', 'hint'].includes(item.severity), `severity ${item.severity}`);
    assert.equal(typeof item.file, 'string');
    assert.equal(typeof item.code, 'string');
    assert.ok(item.code.length > 0);
    assert.ok(['plan', 'plan-policy'].includes(item.source), `source ${item.source}`);
    assert.equal(typeof item.message, 'string');
    assert.ok(item.message.length > 0);
  }
  return items as JsonDiagnostic[];
}

/** Sorted by file, then position. */
export function assertSorted(items: JsonDiagnostic[]): void {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1], b = items[i];
    const key = (d: JsonDiagnostic) => [d.range.start.line, d.range.start.character] as const;
    const order = a.file < b.file ? -1 : a.file > b.file ? 1 : key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1];
    assert.ok(order <= 0, `diagnostics out of order: ${JSON.stringify(a)} before ${JSON.stringify(b)}`);
  }
}

/** Deterministic bytes that are not text: NULs, invalid UTF-8, control characters, braces. */
export function garbageBytes(length = 4096, seed = 12345): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  bytes.set([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x7b, 0x7d, 0x22], 0);
  return bytes;
}
