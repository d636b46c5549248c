/**
 * `npm run bench`: how fast and how lean is the analysis of large plans, against DESIGN.md's quality
 * bars, and how does it compare with TaskJuggler (tj3) on the same project.
 *
 * - Time: for each size (env BENCH_SIZES, default 1000,10000,50000) a generated plan (generate.ts,
 *   seed BENCH_SEED, default 1) is analysed with `analyzePlan(text, { timings: true })`: 2 warm-ups,
 *   then 7 measured runs with a forced GC before each; the table shows the median of each phase.
 * - Memory: per size in a fresh child process (this bundle with `--memory FILE`), so sizes do not
 *   pollute each other: the process's peak RSS (`maxRSS`, Node itself included) and the heap in use
 *   after a forced GC while the analysis result is still alive.
 * - TaskJuggler: when `tj3` is on PATH, the same generated project is written as a `.tjp`
 *   (taskjuggler.ts) for BENCH_TJ_SIZES (default 1000,5000; larger sizes only when asked), tj3 is timed
 *   (wall clock, one run) and its schedule is compared with the generator's reference schedule; our
 *   analysis is timed warm (in this process) and cold (a fresh Node process reading the file).
 * - Timeline preview: an edit in the running server until the webview page in headless Chromium has
 *   drawn the new schedule (preview.ts), for BENCH_PREVIEW_SIZES (default 150,1000,5000) with the
 *   renderer `auto` picks, and BENCH_PREVIEW_MERMAID_SIZES (default 300,500) with mermaid forced (at 1,000
 *   tasks the gantt text passes mermaid's 50,000-character limit and the page falls back to the built-in renderer).
 * Results also go to dist/bench-results.json.
 */
import { measureKeystrokes, type KeystrokeResult } from './keystroke';
import { measurePreview, type PreviewResult } from './preview';
import { measureReport, type ReportTiming } from './report';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, arch, tmpdir, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePlan, type PlanAnalysis, type PhaseTimings } from '../../server/src/language/analyze';
import { parsePlan } from '../../server/src/language/parse';
import { tokenize } from '../../server/src/language/lexer';
import { scheduleReport } from '../../server/src/language/report';
import { generatePlan, isoDay, type GeneratedPlan } from './generate';
import { writeTjp, compareTjSchedule } from './taskjuggler';

const WARMUPS = 2;
const RUNS = 7;
const PHASES = ['parse', 'bind', 'schedule', 'cost', 'diagnostics'] as const;
type Phase = (typeof PHASES)[number];
const PHASE_TITLES: Record<Phase, string> = { parse: 'lex+parse', bind: 'bind', schedule: 'schedule', cost: 'cost', diagnostics: 'diagnostics' };

/** DESIGN.md "Quality bars". */
const TIME_TARGET_MS: Record<number, number> = { 10_000: 100, 50_000: 1_000 };
const MEMORY_TARGET_MB: Record<number, number> = { 10_000: 200, 50_000: 600 };

/** analyzePlan, or a stand-in that throws when BENCH_PARSE_ONLY is set (to measure the parser alone). */
function analyze(text: string, options?: { timings?: boolean }): PlanAnalysis {
  if (process.env.BENCH_PARSE_ONLY) throw new Error('BENCH_PARSE_ONLY is set');
  return analyzePlan(text, options);
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function sizesFrom(env: string | undefined, fallback: number[]): number[] {
  if (env === undefined || env.trim() === '') return fallback;
  return env.split(/[\s,]+/).filter(Boolean).map((s) => Number(s.replace(/_/g, ''))).filter((x) => Number.isInteger(x) && x > 0);
}

const fmtInt = (x: number): string => x.toLocaleString('en-US');
const ms = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const pad = (s: string, w: number): string => s.padStart(w);

// ------------------------------------------------------------------ child processes

/** This script plus the flags it runs with (tsx's loader when run from source), for child processes. */
function selfCommand(): { exec: string; args: string[] } {
  const script = fileURLToPath(import.meta.url);
  const flags = process.execArgv.filter((a) => a !== '--expose-gc');
  return { exec: process.execPath, args: [...flags, '--expose-gc', script] };
}

interface MemoryResult {
  ok: boolean;
  mode: 'analysis' | 'parse';
  peakRssMB: number;
  heapUsedMB: number;
  heapBaselineMB: number;
  rssAfterMB: number;
  error?: string;
}

/** `--memory FILE`: analyse once, then report peak RSS and the live heap with the result alive. */
function memoryChild(file: string): void {
  const text = readFileSync(file, 'utf8');
  gc(); gc();
  const baseline = process.memoryUsage().heapUsed;
  let keep: unknown;
  let mode: MemoryResult['mode'] = 'analysis';
  let error: string | undefined;
  try {
    keep = analyze(text);
  } catch (e) {
    mode = 'parse';
    error = String((e as Error).message ?? e);
    keep = parsePlan(text);
  }
  gc(); gc();
  const mem = process.memoryUsage();
  const result: MemoryResult = {
    ok: true, mode,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: mem.heapUsed / MB,
    heapBaselineMB: baseline / MB,
    rssAfterMB: mem.rss / MB,
    ...(error ? { error } : {}),
  };
  if (keep === undefined) result.ok = false;
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** `--cold FILE`: what a fresh `planc check` would do — read the file, analyse once, exit. */
function coldChild(file: string): void {
  const t0 = performance.now();
  const text = readFileSync(file, 'utf8');
  let mode = 'analysis';
  try { analyze(text); } catch { mode = 'parse'; parsePlan(text); }
  process.stdout.write(JSON.stringify({ mode, inProcessMs: performance.now() - t0 }) + '\n');
}

/** `--warm FILE`: median of RUNS analyses after WARMUPS, in a process that has done nothing else. */
function warmChild(file: string): void {
  const text = readFileSync(file, 'utf8');
  let mode = 'analysis';
  try { analyze(text); } catch { mode = 'parse'; }
  const times: number[] = [];
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    gc();
    const t0 = performance.now();
    if (mode === 'analysis') analyze(text); else parsePlan(text);
    if (i >= WARMUPS) times.push(performance.now() - t0);
  }
  process.stdout.write(JSON.stringify({ mode, medianMs: median(times) }) + '\n');
}

function runChild(mode: '--memory' | '--cold' | '--warm', file: string): { wallMs: number; out: Record<string, unknown> | undefined; error?: string } {
  const { exec, args } = selfCommand();
  const t0 = performance.now();
  const r = spawnSync(exec, [...args, mode, file], { encoding: 'utf8', maxBuffer: 16 * MB });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) return { wallMs, out: undefined, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(0, 3).join(' ') };
  try {
    return { wallMs, out: JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Record<string, unknown> };
  } catch {
    return { wallMs, out: undefined, error: `unreadable child output: ${r.stdout.slice(0, 200)}` };
  }
}

// ------------------------------------------------------------------ measuring one size

interface SizeResult {
  tasks: number;
  bytes: number;
  tokens: number;
  comments: number;
  lines: number;
  generateMs: number;
  plan: GeneratedPlan['stats'] & { start: string; end: string; workingDays: number };
  mode: 'analysis' | 'parse';
  /** Medians, ms; null for phases that did not run. */
  phases: Record<Phase, number | null> & { total: number | null };
  /** Median wall clock around the whole call, ms. */
  wallMs: number;
  runs: { timings: PhaseTimings | null; wallMs: number }[];
  timeTargetMs: number | null;
  timePass: boolean | null;
  memory: (MemoryResult & { targetMB: number | null; pass: boolean | null }) | { ok: false; error: string };
  diagnostics: { errors: number; warnings: number; other: number; byCode: Record<string, number> } | null;
  scheduleCheck: string | null;
}

function summarizeDiagnostics(a: PlanAnalysis): NonNullable<SizeResult['diagnostics']> {
  const byCode: Record<string, number> = {};
  let errors = 0, warnings = 0, other = 0;
  for (const d of a.diagnostics) {
    byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; else other++;
  }
  return { errors, warnings, other, byCode };
}

/** The engine's schedule against the generator's own (LANGUAGE.md rules, computed while generating). */
function crossCheck(plan: GeneratedPlan, a: PlanAnalysis): string {
  try {
    const report = scheduleReport(a);
    const byId = new Map(report.tasks.map((t) => [t.id, t]));
    let same = 0, compared = 0;
    let first = '';
    for (const t of plan.tasks) {
      const r = byId.get(t.id);
      compared++;
      const start = isoDay(plan.workdays[t.startW]), end = isoDay(plan.workdays[t.endW]);
      if (r && r.start === start && r.end === end) same++;
      else if (!first) first = `; first difference: ${t.id} engine ${r?.start ?? '-'}..${r?.end ?? '-'}, reference ${start}..${end}`;
    }
    const cost = Math.round(plan.cost * 100) / 100;
    const costNote = Math.abs(report.project.cost - cost) < 0.01 ? 'project cost agrees' : `project cost ${report.project.cost} vs reference ${cost}`;
    return `${fmtInt(same)} of ${fmtInt(compared)} tasks start and end as in the reference schedule${first}; ${costNote}`;
  } catch (e) {
    return `unavailable (scheduleReport: ${(e as Error).message})`;
  }
}

function measureSize(n: number, seed: number, scratch: string): SizeResult {
  const g0 = performance.now();
  const plan = generatePlan(n, seed);
  const generateMs = performance.now() - g0;
  const text = plan.text;
  const lexed = tokenize(text, 'plan');
  const tokens = lexed.tokens.length;
  const comments = lexed.comments.length;

  let mode: SizeResult['mode'] = 'analysis';
  const call = (): PlanAnalysis => analyze(text, { timings: true });
  try { call(); } catch { mode = 'parse'; }

  const runs: SizeResult['runs'] = [];
  let last: PlanAnalysis | undefined;
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    gc();
    const t0 = performance.now();
    let timings: PhaseTimings | null = null;
    if (mode === 'analysis') {
      last = call();
      timings = last.timings ?? null;
    } else {
      parsePlan(text);
    }
    const wall = performance.now() - t0;
    if (i >= WARMUPS) runs.push({ timings, wallMs: wall });
  }
  const wallMs = median(runs.map((r) => r.wallMs));
  const phases = {} as SizeResult['phases'];
  for (const p of PHASES) {
    const xs = runs.map((r) => r.timings?.[p]).filter((x): x is number => typeof x === 'number');
    phases[p] = xs.length === runs.length ? median(xs) : null;
  }
  const totals = runs.map((r) => r.timings?.total).filter((x): x is number => typeof x === 'number');
  phases.total = totals.length === runs.length ? median(totals) : null;
  if (mode === 'parse') phases.parse = wallMs; // parse only: the parse phase is the whole call

  const diagnostics = mode === 'analysis' && last ? summarizeDiagnostics(last) : null;
  const scheduleCheck = mode === 'analysis' && last ? crossCheck(plan, last) : null;
  last = undefined;

  const timeTargetMs = TIME_TARGET_MS[n] ?? null;
  const timePass = timeTargetMs === null || mode !== 'analysis' || phases.total === null ? null : phases.total <= timeTargetMs;

  // Memory, in a fresh process reading the same text.
  const file = join(scratch, `bench-${n}.plan`);
  writeFileSync(file, text);
  const child = runChild('--memory', file);
  const targetMB = MEMORY_TARGET_MB[n] ?? null;
  let memory: SizeResult['memory'];
  if (child.out) {
    const m = child.out as unknown as MemoryResult;
    memory = { ...m, targetMB, pass: targetMB === null || m.mode !== 'analysis' ? null : m.peakRssMB <= targetMB };
  } else {
    memory = { ok: false, error: child.error ?? 'failed' };
  }
  rmSync(file, { force: true });

  const lastW = plan.tasks.reduce((m, t) => Math.max(m, t.endW), 0);
  return {
    tasks: n, bytes: Buffer.byteLength(text), tokens, comments, lines: text.split('\n').length, generateMs,
    plan: { ...plan.stats, start: isoDay(plan.project.start), end: isoDay(plan.endDay), workingDays: lastW + 1 },
    mode, phases, wallMs, runs, timeTargetMs, timePass, memory, diagnostics, scheduleCheck,
  };
}

// ------------------------------------------------------------------ TaskJuggler side by side

interface TjResult {
  tasks: number;
  ok: boolean;
  tj3Ms: number | null;
  tj3Error?: string;
  agreement?: string;
  oursWarmMs: number | null;
  oursColdMs: number | null;
  oursMode: 'analysis' | 'parse';
  ratioWarm: number | null;
  ratioCold: number | null;
}

function tj3Version(): string | undefined {
  const r = spawnSync('tj3', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return (r.stdout.match(/\d+\.\d+(\.\d+)?/) ?? [r.stdout.trim()])[0];
}

function runTaskJuggler(n: number, seed: number, scratch: string): TjResult {
  const plan = generatePlan(n, seed);
  const tjp = join(scratch, `bench-${n}.tjp`);
  const planFile = join(scratch, `bench-${n}.plan`);
  writeFileSync(tjp, writeTjp(plan, { reportName: 'schedule' }));
  writeFileSync(planFile, plan.text);

  const t0 = performance.now();
  const r = spawnSync('tj3', ['--silent', '--no-color', '-o', scratch, tjp], { encoding: 'utf8', maxBuffer: 64 * MB });
  const tj3Ms = performance.now() - t0;
  const problems = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').filter((l) => /Error|Warning/.test(l));
  const ok = r.status === 0 && problems.length === 0;
  let agreement: string | undefined;
  if (r.status === 0) {
    try {
      const cmp = compareTjSchedule(plan, readFileSync(join(scratch, 'schedule.csv'), 'utf8'));
      agreement = `tj3 and the reference schedule agree on ${fmtInt(cmp.matched)} of ${fmtInt(cmp.compared)} leaves and milestones` +
        (cmp.missing ? ` (${cmp.missing} missing in tj3's report)` : '') + (cmp.examples.length ? `; e.g. ${cmp.examples[0]}` : '');
    } catch (e) {
      agreement = `tj3's report could not be read: ${(e as Error).message}`;
    }
  }

  // Ours, warm: median of RUNS after WARMUPS, in a fresh process (nothing else run before in it).
  const warm = runChild('--warm', planFile);
  const oursWarmMs = warm.out ? Number(warm.out.medianMs) : null;
  const oursMode: TjResult['oursMode'] = warm.out?.mode === 'parse' ? 'parse' : 'analysis';
  // Ours, cold: a fresh Node process that reads the plan and analyses it once (wall clock).
  const cold = runChild('--cold', planFile);
  const oursColdMs = cold.out ? cold.wallMs : null;

  return {
    tasks: n, ok, tj3Ms: r.status === 0 ? tj3Ms : null,
    ...(r.status !== 0 || problems.length ? { tj3Error: (problems.length ? problems : [r.error?.message ?? `exit ${r.status}`]).slice(0, 3).join(' | ') } : {}),
    ...(agreement ? { agreement } : {}),
    oursWarmMs, oursColdMs, oursMode,
    ratioWarm: r.status === 0 && oursWarmMs ? tj3Ms / oursWarmMs : null,
    ratioCold: r.status === 0 && oursColdMs ? tj3Ms / oursColdMs : null,
  };
}

// ------------------------------------------------------------------ main

function machine(): { cpu: string; cores: number; node: string; platform: string; memoryGB: number } {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  return { cpu, cores: cpus().length, node: process.version, platform: `${platform()} ${arch()}`, memoryGB: Math.round(totalmem() / 1024 ** 3) };
}

function printTables(results: SizeResult[]): void {
  const head = ['tasks', 'bytes', 'tokens', ...PHASES.map((p) => PHASE_TITLES[p]), 'total', 'target', ''];
  const rows = results.map((r) => [
    fmtInt(r.tasks), fmtInt(r.bytes), fmtInt(r.tokens),
    ...PHASES.map((p) => ms(r.phases[p])),
    r.mode === 'analysis' ? ms(r.phases.total) : 'n/a',
    r.timeTargetMs === null ? '—' : `≤ ${fmtInt(r.timeTargetMs)}`,
    r.timePass === null ? (r.mode === 'analysis' ? '' : 'n/a') : r.timePass ? 'PASS' : 'OVER',
  ]);
  printTable('Time, ms (median)', head, rows);

  const mhead = ['tasks', 'peak RSS MB', 'heap MB (result alive)', 'heap MB before', 'target', ''];
  const mrows = results.map((r) => {
    const m = r.memory;
    if (!('peakRssMB' in m)) return [fmtInt(r.tasks), 'failed', m.error.slice(0, 40), '', '', ''];
    return [
      fmtInt(r.tasks), m.peakRssMB.toFixed(0), m.heapUsedMB.toFixed(1), m.heapBaselineMB.toFixed(1),
      m.targetMB === null ? '—' : `≤ ${m.targetMB}`,
      m.pass === null ? (m.mode === 'analysis' ? '' : 'n/a') : m.pass ? 'PASS' : 'OVER',
    ];
  });
  printTable('Memory, one analysis in a fresh process (peak RSS includes Node itself, about 40–50 MB, and the text)', mhead, mrows);
}

function printTable(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`\n${title}`);
  console.log(head.map((h, i) => pad(h, widths[i])).join('  ').trimEnd());
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i])).join('  ').trimEnd());
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === '--memory') return memoryChild(process.argv[3]);
  if (mode === '--cold') return coldChild(process.argv[3]);
  if (mode === '--warm') return warmChild(process.argv[3]);

  const started = performance.now();
  const sizes = sizesFrom(process.env.BENCH_SIZES, [1_000, 10_000, 50_000]);
  const tjAsked = process.env.BENCH_TJ_SIZES !== undefined;
  const tjSizes = sizesFrom(process.env.BENCH_TJ_SIZES, [1_000, 5_000]).filter((n) => tjAsked || n <= 5_000);
  const seed = Number(process.env.BENCH_SEED ?? 1) || 1;
  const m = machine();
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';

  console.log('Plan as Code benchmark');
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.platform}, Node ${m.node}`);
  const loadBefore = loadavg()[0];
  console.log(`load average: ${loadBefore.toFixed(2)}${loadBefore > m.cores * 0.5 ? ' — other processes are busy: timings may be inflated' : ''}`);
  console.log(`plans: generated (test/bench/generate.ts, seed ${seed}); analyzePlan(text, { timings: true }): ${WARMUPS} warm-ups, median of ${RUNS} runs${hasGc ? ', GC before each run' : ' (run with --expose-gc for a GC before each run)'}`);

  let analysisError: string | undefined;
  try { analyze(generatePlan(50, seed).text, { timings: true }); } catch (e) { analysisError = (e as Error).message; }
  if (analysisError !== undefined) {
    console.log(`\nANALYSIS UNAVAILABLE: analyzePlan threw "${analysisError}".`);
    console.log('Only the parse phase (parsePlan) is measured below; bind, schedule, cost and diagnostics show n/a.');
  }

  const scratch = mkdtempSync(join(tmpdir(), 'plan-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const n of sizes) {
      const r = measureSize(n, seed, scratch);
      results.push(r);
      const p = r.plan;
      console.log(`\n${fmtInt(n)} tasks: ${fmtInt(p.groups)} groups (nesting ≤ ${p.maxDepth + 1} levels), ${fmtInt(p.leaves)} leaves (${fmtInt(p.effortLeaves)} effort, ${fmtInt(p.durationLeaves)} duration, ${fmtInt(p.assigned)} assigned), ` +
        `${fmtInt(p.milestones)} milestones, ${fmtInt(p.deps)} dependencies, ${p.resources} resources (${p.teams} teams); ${p.start}..${p.end} (${fmtInt(p.workingDays)} working days); ` +
        `${fmtInt(r.lines)} lines, generated in ${ms(r.generateMs)} ms`);
      if (r.diagnostics) {
        const codes = Object.entries(r.diagnostics.byCode).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([c, k]) => `${c} ${k}`).join(', ');
        console.log(`  diagnostics: ${r.diagnostics.errors} errors, ${r.diagnostics.warnings} warnings, ${r.diagnostics.other} other${codes ? ` (${codes})` : ''}`);
      }
      if (r.scheduleCheck) console.log(`  schedule check: ${r.scheduleCheck}`);
      if (r.mode === 'analysis') console.log(`  wall clock around analyzePlan (median): ${ms(r.wallMs)} ms`);
      if ('peakRssMB' in r.memory && r.memory.mode !== r.mode) console.log(`  memory child measured ${r.memory.mode} only (${r.memory.error ?? ''})`);
    }
    printTables(results);

    // Keystrokes in the running server.
    const keystrokeSizes = sizesFrom(process.env.BENCH_KEYSTROKE_SIZES, [10_000]);
    const keystrokes: KeystrokeResult[] = [];
    console.log(`\nKeystroke in the running language server (dist/server.js over stdio: one-character edit → diagnostics published, ${'debounce delay'} included)`);
    for (const n of keystrokeSizes) {
      try {
        keystrokes.push(await measureKeystrokes(generatePlan(n, seed).text, n));
      } catch (e) { console.log(`  ${fmtInt(n)} tasks: failed: ${(e as Error).message}`); }
    }
    if (keystrokes.length) {
      printTable('', ['tasks', 'open ms', 'keystroke median ms', 'all keystrokes ms', 'target'],
        keystrokes.map((k) => [fmtInt(k.tasks), ms(k.openMs), ms(k.medianMs), k.keystrokeMs.map((x) => x.toFixed(0)).join(' '),
          k.tasks === 10_000 ? (k.medianMs <= 150 ? '≤ 150  PASS' : '≤ 150  OVER') : '—']));
    }

    // The timeline preview.
    const previewSizes = sizesFrom(process.env.BENCH_PREVIEW_SIZES, [150, 1_000, 5_000]);
    const mermaidSizes = process.env.BENCH_PREVIEW_MERMAID_SIZES === 'none' ? [] : sizesFrom(process.env.BENCH_PREVIEW_MERMAID_SIZES, [300, 500]);
    let preview: PreviewResult[] = [];
    if (previewSizes.length + mermaidSizes.length > 0) {
      console.log('\nTimeline preview update (one-character edit → server status → planAsCode/timeline → webview page in headless Chromium has drawn it; median of 7 edits)');
      const mermaidMaxTasks = 150;
      const plans = [
        ...previewSizes.map((n) => ({ tasks: n, text: generatePlan(n, seed).text, settings: { renderer: 'auto' as const, mermaidMaxTasks } })),
        ...mermaidSizes.map((n) => ({ tasks: n, text: generatePlan(n, seed).text, settings: { renderer: 'mermaid' as const, mermaidMaxTasks } })),
      ];
      try {
        preview = await measurePreview(plans);
        printTable('', ['tasks', 'setting', 'drawn by', 'bars', 'model KB', 'server ms', 'model ms', 'render ms', '(in page)', 'total ms', 'target'],
          preview.map((r) => [fmtInt(r.tasks), r.setting, r.renderer ?? '?', fmtInt(r.bars), fmtInt(r.modelKB), ms(r.median.serverMs), ms(r.median.modelMs), ms(r.median.renderMs), ms(r.median.pageMs), ms(r.median.totalMs),
            r.tasks === 1_000 && r.setting === 'auto' ? (r.median.totalMs <= 300 ? '≤ 300  PASS' : '≤ 300  OVER') : '—']));
        for (const r of preview) if (r.errors.length) console.log(`  ${fmtInt(r.tasks)} (${r.setting}): page errors: ${r.errors.slice(0, 3).join('; ')}`);
      } catch (e) { console.log(`  failed: ${(e as Error).message}`); }
    }

    // The PMO portfolio report.
    const reportPlans = Number(process.env.BENCH_REPORT_PLANS ?? 1000) || 0;
    let report: ReportTiming | undefined;
    if (reportPlans > 0) {
      console.log(`\nPortfolio report (planc report): ${fmtInt(reportPlans)} generated plans of 30 tasks, each using examples/pmo/standard.policy`);
      try {
        report = measureReport(reportPlans);
        printTable('', ['plans', 'build ms', 'markdown ms', 'json ms', 'html ms', 'total ms', 'violations', 'waived'],
          [[fmtInt(report.plans), ms(report.buildMs), ms(report.markdownMs), ms(report.jsonMs), ms(report.htmlMs), ms(report.totalMs), fmtInt(report.violations), fmtInt(report.waived)]]);
      } catch (e) { console.log(`  failed: ${(e as Error).message}`); }
    }

    // TaskJuggler.
    console.log('\nTaskJuggler side by side (same generated project; tj3: wall clock of one run, its CSV report included)');
    const version = tj3Version();
    const tj: TjResult[] = [];
    if (version === undefined) {
      console.log('tj3 (TaskJuggler) is not on PATH: comparison skipped (Debian: apt-get install tj3).');
    } else if (tjSizes.length === 0) {
      console.log('no sizes (BENCH_TJ_SIZES).');
    } else {
      for (const n of tjSizes) {
        const r = runTaskJuggler(n, seed, scratch);
        tj.push(r);
      }
      const what = tj[0]?.oursMode === 'analysis' ? 'analysis' : 'parse only';
      const head = ['tasks', 'tj3 s', `ours warm ms (${what})`, 'ratio', 'ours cold process ms', 'ratio'];
      const rows = tj.map((r) => [
        fmtInt(r.tasks), r.tj3Ms === null ? 'failed' : (r.tj3Ms / 1000).toFixed(2), ms(r.oursWarmMs),
        r.ratioWarm === null ? '' : `${fmtInt(Math.round(r.ratioWarm))}×`, ms(r.oursColdMs),
        r.ratioCold === null ? '' : `${fmtInt(Math.round(r.ratioCold))}×`,
      ]);
      printTable(`tj3 ${version}`, head, rows);
      for (const r of tj) {
        if (r.tj3Error) console.log(`  ${fmtInt(r.tasks)}: tj3 reported: ${r.tj3Error}`);
        if (r.agreement) console.log(`  ${fmtInt(r.tasks)}: ${r.agreement}`);
      }
      console.log(`  (warm = median of ${RUNS} analyses after ${WARMUPS} warm-ups in a fresh Node process; cold process = wall clock of starting Node,`);
      console.log('   reading the file and analysing it once — as tj3 starts Ruby, reads, schedules and writes its report)');
    }

    const json = {
      date: new Date().toISOString(),
      machine: m,
      seed, warmups: WARMUPS, runs: RUNS, gcBeforeRuns: hasGc,
      analysisAvailable: analysisError === undefined,
      ...(analysisError !== undefined ? { analysisError } : {}),
      targets: { timeMs: TIME_TARGET_MS, memoryMB: MEMORY_TARGET_MB },
      sizes: results,
      keystrokes,
      preview,
      report: report ?? null,
      taskjuggler: { available: version !== undefined, version: version ?? null, runs: tj },
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      durationS: (performance.now() - started) / 1000,
    };
    const out = fileURLToPath(new URL('./bench-results.json', import.meta.url)).replace(/test[\\/]bench[\\/]bench-results\.json$/, join('dist', 'bench-results.json'));
    writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
    console.log(`\nresults: ${out} (benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${loadavg()[0].toFixed(2)})`);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`scratch files kept in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
