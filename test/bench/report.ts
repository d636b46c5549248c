/**
 * The portfolio report at scale: `measureReport(1000)` writes 1,000 small generated plans (about 30
 * tasks each; every plan `uses` the PMO standard of examples/pmo and a third of them waive owner-required)
 * to a temporary folder and times `planc report` on them in-process: collecting the files, loading
 * the policies (once for the whole portfolio), analysing and checking each plan, and rendering the
 * markdown, JSON and HTML reports. The bench can call it; it also runs on its own:
 *
 *   node --import tsx test/bench/report.ts [PLANS]
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHtml, formatMarkdown, formatReportJson, portfolio } from '../../server/src/cli/report';
import { generatePlan } from './generate';

export interface ReportTiming {
  plans: number;
  tasksPerPlan: number;
  /** Milliseconds: the whole report (files, policies, analyses, checks) without rendering. */
  buildMs: number;
  markdownMs: number;
  jsonMs: number;
  htmlMs: number;
  totalMs: number;
  violations: number;
  waived: number;
  /** Bytes of the three renderings. */
  bytes: { markdown: number; json: number; html: number };
}

// The repository: two folders up from this file when run from source; the working folder when bundled.
const fromModule = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ROOT = existsSync(join(fromModule, 'examples', 'pmo')) ? fromModule : process.cwd();

/** Writes `plans` plans using the example standard into a new folder; returns the folder. */
export function writePortfolio(plans: number, tasksPerPlan = 30): string {
  const dir = mkdtempSync(join(tmpdir(), 'planc-report-bench-'));
  copyFileSync(join(ROOT, 'examples', 'pmo', 'standard.policy'), join(dir, 'standard.policy'));
  for (let i = 0; i < plans; i++) {
    const plan = generatePlan(tasksPerPlan, i + 1);
    const waive = i % 3 === 0 ? `\n  waive owner-required "Benchmark plan ${i}: owners are tracked in the HR system"` : '';
    const text = plan.text.replace(/^(project [^\n]*\{)/m, `$1\n  uses "./standard.policy"${waive}`);
    writeFileSync(join(dir, `plan-${String(i).padStart(4, '0')}.plan`), text);
  }
  return dir;
}

export function measureReport(plans = 1000, tasksPerPlan = 30): ReportTiming {
  const dir = writePortfolio(plans, tasksPerPlan);
  try {
    const t0 = performance.now();
    const report = portfolio([dir], [], dir);
    const t1 = performance.now();
    const markdown = formatMarkdown(report);
    const t2 = performance.now();
    const json = formatReportJson(report);
    const t3 = performance.now();
    const html = formatHtml(report);
    const t4 = performance.now();
    if (report.plans.length !== plans) throw new Error(`report covers ${report.plans.length} plans, expected ${plans}`);
    return {
      plans, tasksPerPlan,
      buildMs: t1 - t0, markdownMs: t2 - t1, jsonMs: t3 - t2, htmlMs: t4 - t3, totalMs: t4 - t0,
      violations: report.totals.violations, waived: report.totals.waived,
      bytes: { markdown: markdown.length, json: json.length, html: html.length },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('report.ts') && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 1000);
  console.log(JSON.stringify(measureReport(n), null, 2));
}
