/** planc report: the PMO portfolio in markdown, json and html. */
import * as assert from 'node:assert/strict';
import { assertUsageFailure, ensureBuilt, planc, removeTempDirs, tempDir } from './helpers';

const POLICY = `policy pmo "PMO" {
  rule owner-required error "Every task needs an owner" {
    docs "https://pmo.example/owner?a=1&b=2"
    each task require has owner
  }
  rule contingency warning "Keep 10% contingency" { project require has budget and budget >= cost * 1.1 }
}
`;

/** on time: ends 2027-01-08 (Fri), deadline 2027-01-15 → 7 days early; cost 2500, budget 10000. */
const GOOD = `project good "Good <b>plan</b> & co" {
  start 2027-01-04
  deadline 2027-01-15
  currency EUR
  budget 10_000
  uses "../pmo.policy"
}
resource ann "Ann" { rate 500/d }
task work { duration 5d  assign ann  owner ann }
`;

/** late: ends 2027-01-15, deadline 2027-01-08 → 7 days late; cost 5000 > budget 4000; two owner violations, one waived. */
const BAD = `project bad "Bad | plan" {
  start 2027-01-04
  deadline 2027-01-08
  currency EUR
  budget 4_000
  uses "../pmo.policy"
  waive owner-required on two "Owned by the vendor"
}
resource ann "Ann" { rate 500/d }
task one { duration 5d  assign ann }
task two { after one  duration 5d  assign ann }
`;

/** No policy, no deadline, no budget. */
const BARE = `project bare { start 2027-01-04 }
task t { duration 1d }
`;

interface Report {
  plans: Array<Record<string, unknown> & { file: string; violations: Record<string, number>; waived: Record<string, number> }>;
  rules: Array<Record<string, unknown>>;
  policyFiles: Array<Record<string, unknown>>;
  totals: Record<string, unknown>;
}

describe('planc report', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  after(() => removeTempDirs());

  const portfolio = () => tempDir({ 'package.json': '{}', 'pmo.policy': POLICY, 'plans/good.plan': GOOD, 'plans/bad.plan': BAD, 'plans/bare.plan': BARE });

  it('json: the documented shape, per plan, per rule and totals', () => {
    const dir = portfolio();
    const r = planc(['report', 'plans', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(Object.keys(report), ['plans', 'rules', 'policyFiles', 'totals']);
    assert.deepEqual(report.plans.map((p) => p.file), ['plans/bad.plan', 'plans/bare.plan', 'plans/good.plan']);
    for (const p of report.plans) {
      assert.deepEqual(Object.keys(p), ['file', 'project', 'start', 'end', 'deadline', 'daysLate', 'currency', 'cost', 'budget', 'budgetRemaining',
        'diagnostics', 'policies', 'violations', 'waived', 'unusedWaivers', 'compliant']);
    }
    const [bad, bare, good] = report.plans;
    assert.deepEqual(
      [good.end, good.deadline, good.daysLate, good.cost, good.budget, good.budgetRemaining, good.compliant, good.violations, good.policies],
      ['2027-01-08', '2027-01-15', -7, 2500, 10000, 7500, true, {}, ['pmo.policy']],
    );
    assert.deepEqual([bad.end, bad.daysLate, bad.cost, bad.budgetRemaining, bad.compliant], ['2027-01-15', 7, 5000, -1000, false]);
    assert.deepEqual(bad.violations, { 'owner-required': 1, contingency: 1 });
    assert.deepEqual(bad.waived, { 'owner-required': 1 });
    assert.deepEqual([bare.deadline, bare.daysLate, bare.budget, bare.policies], [null, null, null, []]);

    const byId = new Map(report.rules.map((r) => [r.id, r]));
    assert.deepEqual(Object.keys(report.rules[0]), ['id', 'severity', 'message', 'docs', 'policy', 'file', 'plansViolating', 'violations', 'plansWaiving', 'waived']);
    assert.deepEqual(byId.get('owner-required'), {
      id: 'owner-required', severity: 'error', message: 'Every task needs an owner', docs: 'https://pmo.example/owner?a=1&b=2',
      policy: 'pmo', file: 'pmo.policy', plansViolating: 1, violations: 1, plansWaiving: 1, waived: 1,
    });
    assert.equal(byId.get('contingency')?.plansViolating, 1);
    const t = report.totals;
    assert.deepEqual([t.plans, t.compliant, t.late, t.overBudget, t.violations, t.waived], [3, 2, 1, 1, 2, 1]);
    assert.deepEqual(t.cost, { '': 0, EUR: 7500 });
    assert.deepEqual(t.budget, { EUR: 14000 });
  });

  it('markdown: tables for plans, rules and totals; cells escaped', () => {
    const dir = portfolio();
    const r = planc(['report', 'plans'], { cwd: dir });
    assert.equal(r.status, 0);
    const md = r.stdout;
    assert.match(md, /^# Portfolio report$/m);
    for (const h of ['## Plans', '## Rules', '## Totals']) assert.ok(md.includes(h), h);
    assert.match(md, /^\| plan \| file \| end \| deadline \| schedule \| cost \| budget \| errors \| warnings \| violations \| waived \| compliant \|$/m);
    assert.match(md, /\| Bad \\\| plan \| plans\/bad\.plan \| 2027-01-15 \| 2027-01-08 \| 7 days late \|/);
    assert.match(md, /7 days early/);
    assert.match(md, /Good &lt;b>plan&lt;\/b> & co/);
    assert.match(md, /\[owner-required\]\(https:\/\/pmo\.example\/owner\?a=1&b=2\) \| error \|/);
    // every table row has the same number of cells as its header
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    for (const table of tables) {
      const rows = table.trim().split('\n');
      const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) assert.equal(cells(row), cells(rows[0]), row);
    }
  });

  it('html: one self-contained page, values escaped, no external resources', () => {
    const dir = portfolio();
    const r = planc(['report', 'plans', '--format', 'html'], { cwd: dir });
    assert.equal(r.status, 0);
    const html = r.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<\/html>\n$/);
    assert.ok(html.includes('Good &lt;b&gt;plan&lt;/b&gt; &amp; co'));
    assert.ok(!html.includes('<b>plan</b>'));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|src=|@import|url\(/i);
    assert.ok(html.includes('<a href="https://pmo.example/owner?a=1&amp;b=2">owner-required</a>'));
    for (const id of ['plans', 'rules', 'totals']) assert.ok(html.includes(`<table id="${id}">`));
    assert.equal((html.match(/<tr class="(ok|bad)">/g) ?? []).length, 3);
  });

  it('html: a docs string that is not http(s) is not a link', () => {
    const dir = tempDir({
      'package.json': '{}',
      'x.policy': 'policy x { rule r error "R" { docs "javascript:alert(1)" each task require has owner } }\n',
      'p.plan': 'project p { start 2027-01-04  uses "./x.policy" }\ntask t { duration 1d }\n',
    });
    const html = planc(['report', 'p.plan', '--format', 'html'], { cwd: dir }).stdout;
    assert.ok(!html.includes('javascript:'));
  });

  it('--policy applies to every plan', () => {
    const dir = tempDir({ 'package.json': '{}', 'pmo.policy': POLICY, 'a.plan': BARE });
    const report = JSON.parse(planc(['report', 'a.plan', '--policy', 'pmo.policy', '--format', 'json'], { cwd: dir }).stdout) as Report;
    assert.deepEqual(report.plans[0].violations, { 'owner-required': 1, contingency: 1 });
    assert.deepEqual(report.plans[0].policies, ['pmo.policy']);
  });

  it('exit codes: 0 whatever the plans; 2 for a missing file, an unknown format or option', () => {
    const dir = portfolio();
    assert.equal(planc(['report', 'plans/bad.plan'], { cwd: dir }).status, 0);
    assertUsageFailure(planc(['report', 'nope.plan'], { cwd: dir }), /nope\.plan/);
    assertUsageFailure(planc(['report', 'plans', '--format', 'pdf'], { cwd: dir }), /pdf/);
    assertUsageFailure(planc(['report', 'plans', '--frobnicate'], { cwd: dir }), /frobnicate/);
    const help = planc(['report', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: planc report/);
  });

  it('the examples: passing, failing and package plans', () => {
    const report = JSON.parse(planc(['report', 'examples/pmo', '--format', 'json']).stdout) as Report;
    assert.deepEqual(report.plans.map((p) => [p.file, p.compliant]), [
      ['examples/pmo/failing.plan', false], ['examples/pmo/package.plan', true], ['examples/pmo/passing.plan', true],
    ]);
    assert.deepEqual(report.plans[0].waived, { 'max-task-length': 1 });
    assert.equal(report.plans[0].unusedWaivers, 1);
  });
});
