/**
 * `planc report FILES|DIRS [--format markdown|json|html] [--policy FILE]…`: the PMO's portfolio view.
 *
 * For each plan: its end against its deadline (calendar days early or late), its cost against its
 * budget, its errors and warnings, and its policy compliance (violations by rule, waivers). For each
 * rule: how many plans break it and how many waive it. Then totals. Policies are loaded once per
 * file for the whole portfolio (the host and the policy context cache them).
 *
 * The JSON shape (`PortfolioReport` below) is documented in `planc help report` and stable.
 */
import * as path from 'node:path';
import { formatDay } from '../language/dates';
import type { Diagnostic } from '../language/diagnostics';
import { roundMoney } from '../language/money';
import { choice, parseArgs, type OptionSpec } from './args';
import { errorMessage, InternalError } from './errors';
import { collectInputs, readText, type InputFile } from './files';
import type { Io } from './io';
import { namedRoots, PolicyContext, shownPolicyPath } from './policy';

export const REPORT_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'policy', short: 'p', value: true },
  { name: 'help', short: 'h' },
];

export const REPORT_FORMATS = ['markdown', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface Counts { error: number; warning: number; info: number; hint: number }

export interface PlanEntry {
  /** As shown (relative to the cwd when inside it). */
  file: string;
  project: { id: string; name: string };
  start: string | null;
  end: string | null;
  deadline: string | null;
  /** Calendar days the end falls after the deadline (negative: early); null without both dates. */
  daysLate: number | null;
  currency: string | null;
  cost: number;
  budget: number | null;
  /** budget − cost (negative: over budget); null without a budget. */
  budgetRemaining: number | null;
  /** All diagnostics of the plan by severity (policy violations included, waived ones not). */
  diagnostics: Counts;
  /** Policy files applied (shown paths, in load order). */
  policies: string[];
  /** Policy violations (not waived) by rule id. */
  violations: Record<string, number>;
  /** Waived violations by rule id. */
  waived: Record<string, number>;
  /** Waivers that matched nothing. */
  unusedWaivers: number;
  /** No errors and no policy violations (waived ones allowed). */
  compliant: boolean;
}

export interface RuleEntry {
  id: string;
  severity: string;
  message: string;
  docs: string | null;
  /** The policy that defines the rule (as it was in effect first). */
  policy: string;
  file: string;
  plansViolating: number;
  violations: number;
  plansWaiving: number;
  waived: number;
}

export interface PolicyFileEntry { file: string; diagnostics: Counts }

export interface PortfolioReport {
  plans: PlanEntry[];
  rules: RuleEntry[];
  policyFiles: PolicyFileEntry[];
  totals: {
    plans: number;
    compliant: number;
    withErrors: number;
    late: number;
    overBudget: number;
    diagnostics: Counts;
    violations: number;
    waived: number;
    unusedWaivers: number;
    /** Sums per currency (plans without a currency under ""). */
    cost: Record<string, number>;
    budget: Record<string, number>;
  };
}

function zero(): Counts { return { error: 0, warning: 0, info: 0, hint: 0 }; }

function count(diagnostics: readonly Diagnostic[]): Counts {
  const c = zero();
  for (const d of diagnostics) c[d.severity]++;
  return c;
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

const DAY_MS = 86_400_000;
function dayNumber(iso: string): number { return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS); }

/** Builds the portfolio from the inputs (plans and policy files). */
export function buildPortfolio(inputs: readonly InputFile[], context: PolicyContext): PortfolioReport {
  const plans: PlanEntry[] = [];
  const rules = new Map<string, RuleEntry>();
  const ruleOf = (id: string, set: ReturnType<PolicyContext['load']> | undefined): RuleEntry => {
    let entry = rules.get(id);
    if (!entry) {
      const r = set?.rules.get(id);
      entry = {
        id,
        severity: r?.severity ?? 'error',
        message: r?.message ?? '',
        docs: r?.docs ?? null,
        policy: r?.policyId ?? '',
        file: r ? shownPolicyPath(r.file, context.cwd) : '',
        plansViolating: 0, violations: 0, plansWaiving: 0, waived: 0,
      };
      rules.set(id, entry);
    }
    return entry;
  };

  const sets = new Set<NonNullable<ReturnType<PolicyContext['load']>>>();
  for (const file of inputs) {
    if (file.kind !== 'plan') continue;
    const text = readText(file);
    let entry: PlanEntry;
    try {
      const checked = context.checkPlan(text, file.absolute);
      if (checked.policies) sets.add(checked.policies);
      const { model, schedule, costs } = checked.analysis;
      const p = model.project;
      const tl = schedule.timeline;
      const endDay = schedule.projectEndPt >= 0 && tl ? tl.dayOf(schedule.projectEndPt >> 1) : undefined;
      const end = endDay !== undefined ? formatDay(endDay) : null;
      const deadline = p.deadlineDay !== undefined ? formatDay(p.deadlineDay) : null;
      const cost = roundMoney(costs.projectCost);
      const violations: Record<string, number> = {};
      for (const d of checked.diagnostics) if (d.code.startsWith('policy/')) bump(violations, d.code.slice('policy/'.length));
      const waived: Record<string, number> = {};
      for (const w of checked.waived) bump(waived, w.rule);
      for (const [id, n] of Object.entries(violations)) { const r = ruleOf(id, checked.policies); r.plansViolating++; r.violations += n; }
      for (const [id, n] of Object.entries(waived)) { const r = ruleOf(id, checked.policies); r.plansWaiving++; r.waived += n; }
      const diagnostics = count(checked.diagnostics);
      entry = {
        file: file.path,
        project: { id: p.id, name: p.name },
        start: schedule.projectStartDay !== undefined ? formatDay(schedule.projectStartDay) : null,
        end,
        deadline,
        daysLate: end !== null && deadline !== null ? dayNumber(end) - dayNumber(deadline) : null,
        currency: p.currency ?? null,
        cost,
        budget: p.budget ?? null,
        budgetRemaining: p.budget !== undefined ? roundMoney(p.budget - cost) : null,
        diagnostics,
        policies: checked.policies ? [...checked.policies.files.keys()].map((f) => shownPolicyPath(f, context.cwd)) : [],
        violations,
        waived,
        unusedWaivers: checked.unusedWaivers.length,
        compliant: diagnostics.error === 0 && Object.keys(violations).length === 0,
      };
    } catch (e) {
      throw new InternalError(`${errorMessage(e)} (while reporting on ${file.path})`, { cause: e });
    }
    plans.push(entry);
  }
  for (const file of inputs) if (file.kind === 'policy') { readText(file); context.checkPolicyFile(file.absolute); }
  // Every rule in effect for some plan is listed, also when no plan breaks it (turned-off rules are not).
  for (const set of sets) for (const [id, rule] of set.rules) if (rule.severity !== 'off' && !rule.invalid) ruleOf(id, set);

  const policyFiles: PolicyFileEntry[] = [...context.files].map(([absolute, pf]) => ({ file: shownPolicyPath(absolute, context.cwd), diagnostics: count(pf.diagnostics) }));

  const totals: PortfolioReport['totals'] = {
    plans: plans.length, compliant: 0, withErrors: 0, late: 0, overBudget: 0, diagnostics: zero(),
    violations: 0, waived: 0, unusedWaivers: 0, cost: {}, budget: {},
  };
  for (const p of plans) {
    if (p.compliant) totals.compliant++;
    if (p.diagnostics.error > 0) totals.withErrors++;
    if (p.daysLate !== null && p.daysLate > 0) totals.late++;
    if (p.budgetRemaining !== null && p.budgetRemaining < 0) totals.overBudget++;
    for (const k of ['error', 'warning', 'info', 'hint'] as const) totals.diagnostics[k] += p.diagnostics[k];
    for (const n of Object.values(p.violations)) totals.violations += n;
    for (const n of Object.values(p.waived)) totals.waived += n;
    totals.unusedWaivers += p.unusedWaivers;
    const cur = p.currency ?? '';
    totals.cost[cur] = roundMoney((totals.cost[cur] ?? 0) + p.cost);
    if (p.budget !== null) totals.budget[cur] = roundMoney((totals.budget[cur] ?? 0) + p.budget);
  }
  const ruleList = [...rules.values()].sort((a, b) => b.plansViolating - a.plansViolating || b.violations - a.violations || b.plansWaiving - a.plansWaiving || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { plans, rules: ruleList, policyFiles, totals };
}

// ------------------------------------------------------------------------------------ formats

function money(n: number | null, currency: string | null): string {
  if (n === null) return '—';
  const s = n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return currency ? `${s} ${currency}` : s;
}

function schedulePhrase(p: PlanEntry): string {
  if (p.daysLate === null) return p.deadline === null ? 'no deadline' : 'not scheduled';
  if (p.daysLate > 0) return `${p.daysLate} days late`;
  if (p.daysLate < 0) return `${-p.daysLate} days early`;
  return 'on the deadline';
}

function byRule(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ') : '—';
}

function sums(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([cur, n]) => money(n, cur || null)).join(', ') : '—';
}

/** Markdown table cells: pipes escaped, no line breaks. */
function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

export function formatMarkdown(r: PortfolioReport): string {
  const out: string[] = [];
  const t = r.totals;
  out.push('# Portfolio report', '');
  out.push(`${t.plans} plans: ${t.compliant} compliant, ${t.withErrors} with errors, ${t.late} late, ${t.overBudget} over budget; ` +
    `${t.violations} policy violations, ${t.waived} waived, ${t.unusedWaivers} unused waivers.`, '');
  out.push('## Plans', '');
  out.push('| plan | file | end | deadline | schedule | cost | budget | errors | warnings | violations | waived | compliant |');
  out.push('| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const p of r.plans) {
    out.push(`| ${md(p.project.name || p.project.id)} | ${md(p.file)} | ${p.end ?? '—'} | ${p.deadline ?? '—'} | ${schedulePhrase(p)} | ` +
      `${money(p.cost, p.currency)} | ${money(p.budget, p.currency)} | ${p.diagnostics.error} | ${p.diagnostics.warning} | ` +
      `${md(byRule(p.violations))} | ${md(byRule(p.waived))} | ${p.compliant ? 'yes' : 'no'} |`);
  }
  out.push('', '## Rules', '');
  if (r.rules.length === 0) out.push('No policy rule applies to these plans.');
  else {
    out.push('| rule | severity | message | policy | plans breaking it | violations | plans waiving it | waived |');
    out.push('| --- | --- | --- | --- | ---: | ---: | ---: | ---: |');
    for (const rule of r.rules) {
      const id = rule.docs ? `[${md(rule.id)}](${rule.docs.replace(/[()\s]/g, encodeURIComponent)})` : md(rule.id);
      out.push(`| ${id} | ${rule.severity} | ${md(rule.message)} | ${md(rule.policy)} | ${rule.plansViolating} | ${rule.violations} | ${rule.plansWaiving} | ${rule.waived} |`);
    }
  }
  const broken = r.policyFiles.filter((f) => f.diagnostics.error + f.diagnostics.warning > 0);
  if (broken.length) {
    out.push('', '## Policy files with problems', '', '| file | errors | warnings |', '| --- | ---: | ---: |');
    for (const f of broken) out.push(`| ${md(f.file)} | ${f.diagnostics.error} | ${f.diagnostics.warning} |`);
  }
  out.push('', '## Totals', '', '| | |', '| --- | ---: |');
  out.push(`| plans | ${t.plans} |`, `| compliant | ${t.compliant} |`, `| with errors | ${t.withErrors} |`, `| late | ${t.late} |`,
    `| over budget | ${t.overBudget} |`, `| errors | ${t.diagnostics.error} |`, `| warnings | ${t.diagnostics.warning} |`,
    `| policy violations | ${t.violations} |`, `| waived violations | ${t.waived} |`, `| unused waivers | ${t.unusedWaivers} |`,
    `| cost | ${md(sums(t.cost))} |`, `| budget | ${md(sums(t.budget))} |`);
  return out.join('\n') + '\n';
}

export function formatReportJson(r: PortfolioReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A self-contained page: inline CSS, no scripts, no external resources; every value escaped. */
export function formatHtml(r: PortfolioReport): string {
  const e = escapeHtml;
  const t = r.totals;
  const rows = r.plans.map((p) => `<tr class="${p.compliant ? 'ok' : 'bad'}"><td>${e(p.project.name || p.project.id)}</td><td>${e(p.file)}</td>` +
    `<td>${e(p.end ?? '—')}</td><td>${e(p.deadline ?? '—')}</td><td>${e(schedulePhrase(p))}</td><td class="n">${e(money(p.cost, p.currency))}</td>` +
    `<td class="n">${e(money(p.budget, p.currency))}</td><td class="n">${p.diagnostics.error}</td><td class="n">${p.diagnostics.warning}</td>` +
    `<td>${e(byRule(p.violations))}</td><td>${e(byRule(p.waived))}</td><td>${p.compliant ? 'yes' : 'no'}</td></tr>`).join('\n');
  const ruleRows = r.rules.map((rule) => {
    // Only http(s) links: a policy's docs string must not become a javascript: link.
    const id = rule.docs && /^https?:\/\//i.test(rule.docs) ? `<a href="${e(rule.docs)}">${e(rule.id)}</a>` : e(rule.id);
    return `<tr><td>${id}</td><td>${e(rule.severity)}</td><td>${e(rule.message)}</td><td>${e(rule.policy)}</td>` +
      `<td class="n">${rule.plansViolating}</td><td class="n">${rule.violations}</td><td class="n">${rule.plansWaiving}</td><td class="n">${rule.waived}</td></tr>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Portfolio report</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.n { text-align: right; }
tr.bad td:last-child { color: #b00020; font-weight: bold; }
tr.ok td:last-child { color: #1b5e20; }
</style>
</head>
<body>
<h1>Portfolio report</h1>
<p>${t.plans} plans: ${t.compliant} compliant, ${t.withErrors} with errors, ${t.late} late, ${t.overBudget} over budget; ${t.violations} policy violations, ${t.waived} waived, ${t.unusedWaivers} unused waivers.</p>
<h2>Plans</h2>
<table id="plans">
<thead><tr><th>plan</th><th>file</th><th>end</th><th>deadline</th><th>schedule</th><th>cost</th><th>budget</th><th>errors</th><th>warnings</th><th>violations</th><th>waived</th><th>compliant</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Rules</h2>
<table id="rules">
<thead><tr><th>rule</th><th>severity</th><th>message</th><th>policy</th><th>plans breaking it</th><th>violations</th><th>plans waiving it</th><th>waived</th></tr></thead>
<tbody>
${ruleRows}
</tbody>
</table>
<h2>Totals</h2>
<table id="totals">
<tbody>
<tr><th>plans</th><td class="n">${t.plans}</td></tr>
<tr><th>compliant</th><td class="n">${t.compliant}</td></tr>
<tr><th>with errors</th><td class="n">${t.withErrors}</td></tr>
<tr><th>late</th><td class="n">${t.late}</td></tr>
<tr><th>over budget</th><td class="n">${t.overBudget}</td></tr>
<tr><th>errors</th><td class="n">${t.diagnostics.error}</td></tr>
<tr><th>warnings</th><td class="n">${t.diagnostics.warning}</td></tr>
<tr><th>policy violations</th><td class="n">${t.violations}</td></tr>
<tr><th>waived violations</th><td class="n">${t.waived}</td></tr>
<tr><th>unused waivers</th><td class="n">${t.unusedWaivers}</td></tr>
<tr><th>cost</th><td class="n">${e(sums(t.cost))}</td></tr>
<tr><th>budget</th><td class="n">${e(sums(t.budget))}</td></tr>
</tbody>
</table>
</body>
</html>
`;
}

/** The report of the given paths as text, for the CLI and the benchmark. */
export function portfolio(paths: readonly string[], policies: readonly string[], cwd: string): PortfolioReport {
  const inputs = collectInputs(paths, policies, cwd);
  const context = new PolicyContext(cwd, policies.map((p) => path.resolve(cwd, p)), [...namedRoots(paths, cwd), ...policies.map((p) => path.dirname(path.resolve(cwd, p)))]);
  return buildPortfolio(inputs, context);
}

export function runReport(args: readonly string[], io: Io): number {
  const parsed = parseArgs(args, REPORT_OPTIONS, 'report');
  const format = choice(parsed, 'format', REPORT_FORMATS, 'markdown', 'report');
  const report = portfolio(parsed.positionals, parsed.values.get('policy') ?? [], io.cwd);
  switch (format) {
    case 'markdown': io.out(formatMarkdown(report)); break;
    case 'json': io.out(formatReportJson(report)); break;
    case 'html': io.out(formatHtml(report)); break;
  }
  return 0;
}
