/** planc check with policies: uses, --policy, extends, packages, workspace bounds, waivers, exit codes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, parseJsonDiagnostics, planc, removeTempDirs, ROOT, tempDir, type JsonDiagnostic } from './helpers';

const STANDARD = `policy standard "Standard" {
  version "1.0.0"
  rule owner-required error "Every task needs an owner" {
    docs "https://pmo.example/owner"
    each task require has owner
  }
  rule max-length warning "Leaf tasks take at most 10 days" {
    each leaf require duration <= 10d
  }
  rule kebab-ids info "Ids are kebab-case" {
    each task require id matches "^[a-z][a-z0-9-]*$"
  }
}
`;

/** demo: `alpha` has an owner, `Beta` has none and is 15 days long. */
const PLAN = (uses: string[] = [], extra = '') => `project demo "Demo" {
  start 2027-01-04
${uses.map((u) => `  uses ${JSON.stringify(u)}\n`).join('')}${extra}}
resource ann "Ann" { rate 500/d }
task alpha { duration 2d  owner ann }
task Beta { after alpha  duration 15d }
`;

function json(args: string[], cwd: string): { status: number | null; items: JsonDiagnostic[]; stderr: string } {
  const r = planc([...args, '--format', 'json'], { cwd });
  return { status: r.status, items: parseJsonDiagnostics(r.stdout), stderr: r.stderr };
}

function codes(items: JsonDiagnostic[], file?: string): string[] {
  return items.filter((d) => file === undefined || d.file === file).map((d) => d.code);
}

describe('planc check: policies', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  after(() => removeTempDirs());

  it('uses: violations with code policy/<rule-id>, the rule severity and message, at the subject id', () => {
    const dir = tempDir({ 'package.json': '{}', 'standard.policy': STANDARD, 'plan.plan': PLAN(['./standard.policy']) });
    const r = json(['check', 'plan.plan'], dir);
    assert.equal(r.status, 1, r.stderr);
    const policy = r.items.filter((d) => d.code.startsWith('policy/'));
    assert.deepEqual(policy.map((d) => [d.code, d.severity, d.message, d.source]), [
      ['policy/kebab-ids', 'info', 'Ids are kebab-case', 'plan'],
      ['policy/max-length', 'warning', 'Leaf tasks take at most 10 days', 'plan'],
      ['policy/owner-required', 'error', 'Every task needs an owner', 'plan'],
    ]);
    // at `Beta` (line 6, characters 5..9)
    for (const d of policy) assert.deepEqual(d.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 9 } });
    assert.deepEqual(codes(r.items, 'standard.policy'), []);
    // SARIF links a rule's docs
    const sarif = JSON.parse(planc(['check', 'plan.plan', '--format', 'sarif'], { cwd: dir }).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'policy/owner-required');
    assert.equal(rule.helpUri, 'https://pmo.example/owner');
  });

  it('exit codes: warnings only → 0; an error rule → 1; --max-warnings counts policy warnings', () => {
    const warnOnly = STANDARD.replace('owner-required error', 'owner-required warning');
    const dir = tempDir({ 'package.json': '{}', 's.policy': warnOnly, 'plan.plan': PLAN(['./s.policy']) });
    const r = planc(['check', 'plan.plan'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /plan\.plan:7:6: warning policy\/owner-required: Every task needs an owner/);
    assert.equal(planc(['check', 'plan.plan', '--max-warnings', '1'], { cwd: dir }).status, 1);
  });

  it('--policy applies a policy to every plan (and is checked itself)', () => {
    const dir = tempDir({ 'package.json': '{}', 'pmo/standard.policy': STANDARD, 'a.plan': PLAN(), 'sub/b.plan': PLAN() });
    const plain = json(['check', 'a.plan', 'sub'], dir);
    assert.ok(!plain.items.some((d) => d.code.startsWith('policy/')));
    const r = json(['check', 'a.plan', 'sub', '--policy', 'pmo/standard.policy'], dir);
    assert.equal(r.status, 1);
    for (const f of ['a.plan', 'sub/b.plan']) assert.deepEqual(codes(r.items, f), ['policy/kebab-ids', 'policy/max-length', 'policy/owner-required']);
  });

  it('--policy comes after the plan\'s uses: its rules win', () => {
    const dir = tempDir({
      'package.json': '{}',
      'standard.policy': STANDARD,
      'relaxed.policy': 'policy relaxed { rule owner-required off "No owners needed" { each task require has owner } }\n',
      'plan.plan': PLAN(['./standard.policy']),
    });
    const r = json(['check', 'plan.plan', '--policy', 'relaxed.policy'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(codes(r.items, 'plan.plan'), ['policy/kebab-ids', 'policy/max-length']);
  });

  it('extends chain: parents first, a later rule replaces, off turns a rule off', () => {
    const dir = tempDir({
      'package.json': '{}',
      'pmo/base.policy': STANDARD,
      'pmo/mid.policy': `policy mid {
  extends "./base.policy"
  rule max-length error "Leaf tasks take at most 5 days (mid)" { each leaf require duration <= 5d }
}
`,
      'team/team.policy': `policy team {
  extends "../pmo/mid.policy"
  rule kebab-ids off "Ids are kebab-case" { each task require id matches "^[a-z][a-z0-9-]*$" }
}
`,
      'plan.plan': PLAN(['./team/team.policy']),
    });
    const r = json(['check', 'plan.plan'], dir);
    assert.equal(r.status, 1);
    const policy = r.items.filter((d) => d.file === 'plan.plan');
    assert.deepEqual(policy.map((d) => [d.code, d.severity, d.message]), [
      ['policy/max-length', 'error', 'Leaf tasks take at most 5 days (mid)'],
      ['policy/owner-required', 'error', 'Every task needs an owner'],
    ]);
  });

  it('package paths resolve through node_modules from the plan\'s folder upwards (scoped and unscoped)', () => {
    const dir = tempDir({
      'package.json': '{}',
      'node_modules/@acme/pmo/package.json': '{"name":"@acme/pmo"}',
      'node_modules/@acme/pmo/standard.policy': STANDARD,
      'node_modules/pmo-lite/rules/lite.policy': 'policy lite { rule has-owner warning "Owner please" { each task require has owner } }\n',
      'projects/web/plan.plan': PLAN(['@acme/pmo/standard.policy', 'pmo-lite/rules/lite.policy']),
      'projects/web/missing.plan': PLAN(['@acme/nothing/standard.policy']),
    });
    const r = json(['check', 'projects/web/plan.plan'], dir);
    assert.deepEqual(codes(r.items), ['policy/has-owner', 'policy/kebab-ids', 'policy/max-length', 'policy/owner-required']);
    const m = json(['check', 'projects/web/missing.plan'], dir);
    assert.equal(m.status, 1);
    assert.deepEqual(codes(m.items), ['policy-not-found']);
    // on the string: line 2, from the opening quote
    assert.equal(m.items[0].range.start.line, 2);
    assert.equal(m.items[0].range.start.character, 7);
  });

  it('the bundled example resolves @acme/pmo from examples/pmo/node_modules', () => {
    const r = planc(['check', 'examples/pmo/package.plan', '--format', 'json']);
    assert.equal(r.status, 0);
    assert.deepEqual(parseJsonDiagnostics(r.stdout), []);
    const report = JSON.parse(planc(['report', 'examples/pmo/package.plan', '--format', 'json']).stdout);
    assert.deepEqual(report.plans[0].policies, [path.join('examples', 'pmo', 'node_modules', '@acme', 'pmo', 'standard.policy')]);
  });

  describe('workspace bounds', () => {
    it('a plan given from elsewhere (no .git or package.json around it) still uses its sibling policies', () => {
      const dir = tempDir({ 'standard.policy': STANDARD, 'sub/team.policy': 'policy team {\n  extends "../standard.policy"\n}\n', 'p.plan': PLAN(['./standard.policy']) });
      const other = tempDir({});
      const r = json(['check', path.join(dir, 'p.plan')], other);
      assert.deepEqual(codes(r.items), ['policy/kebab-ids', 'policy/max-length', 'policy/owner-required']);
      // a --policy file outside the cwd may extend files of its own folder
      const e = json(['check', path.join(dir, 'p.plan'), '--policy', path.join(dir, 'sub', 'team.policy')], other);
      assert.ok(!codes(e.items).includes('policy-not-found'), JSON.stringify(e.items));
    });

    const OUTSIDE = 'policy outside { rule gotcha error "READ FROM OUTSIDE" { project require cost < 0 } }\n';

    it('../ traversal, absolute paths and /etc/passwd are policy-not-found, outside the workspace, nothing applied', () => {
      const root = tempDir({ 'outside.policy': OUTSIDE });
      const ws = path.join(root, 'ws');
      fs.mkdirSync(path.join(ws, 'plans'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'package.json'), '{}');
      const specs = ['../../../etc/passwd', '../../outside.policy', path.join(root, 'outside.policy'), '/etc/passwd', '../../../../../../../../etc/passwd'];
      fs.writeFileSync(path.join(ws, 'plans', 'p.plan'), PLAN(specs));
      const r = json(['check', 'plans/p.plan'], ws);
      assert.equal(r.status, 1);
      assert.deepEqual(codes(r.items), specs.map(() => 'policy-not-found'));
      for (const d of r.items) assert.match(d.message, /outside the workspace/);
      assert.ok(!r.items.some((d) => /READ FROM OUTSIDE|root:/.test(d.message)));
    });

    it('a package path with .. segments is not resolved', () => {
      const root = tempDir({ 'outside.policy': OUTSIDE, 'ws/package.json': '{}', 'ws/node_modules/pkg/x.policy': STANDARD });
      fs.writeFileSync(path.join(root, 'ws', 'p.plan'), PLAN(['pkg/../../../outside.policy']));
      const r = json(['check', 'p.plan'], path.join(root, 'ws'));
      assert.deepEqual(codes(r.items), ['policy-not-found']);
    });

    it('a symbolic link pointing out of the workspace is not followed', () => {
      const root = tempDir({ 'outside.policy': OUTSIDE, 'ws/package.json': '{}' });
      const ws = path.join(root, 'ws');
      fs.symlinkSync(path.join(root, 'outside.policy'), path.join(ws, 'link.policy'));
      fs.writeFileSync(path.join(ws, 'p.plan'), PLAN(['./link.policy']));
      const r = json(['check', 'p.plan'], ws);
      assert.deepEqual(codes(r.items), ['policy-not-found']);
      assert.match(r.items[0].message, /outside the workspace/);
    });

    it('an extends that climbs out of the workspace is policy-not-found in the policy file', () => {
      const root = tempDir({ 'outside.policy': OUTSIDE, 'ws/package.json': '{}', 'ws/team.policy': 'policy team {\n  extends "../outside.policy"\n}\n' });
      const ws = path.join(root, 'ws');
      fs.writeFileSync(path.join(ws, 'p.plan'), PLAN(['./team.policy']));
      const r = json(['check', 'p.plan'], ws);
      assert.deepEqual(r.items.map((d) => [d.file, d.code, d.source]), [['team.policy', 'policy-not-found', 'plan-policy']]);
    });
  });

  it('problems inside a policy file are reported in that file, once, however many plans use it', () => {
    const broken = 'policy broken {\n  rule r1 error "Bad fact" { each task require colour = "red" }\n  rule r2 warning "Bad regex" { each task require id matches "(a)\\\\1" }\n}\n';
    const dir = tempDir({ 'package.json': '{}', 'pmo/broken.policy': broken, 'a.plan': PLAN(['./pmo/broken.policy']), 'b.plan': PLAN(['./pmo/broken.policy']) });
    const r = json(['check', 'a.plan', 'b.plan'], dir);
    assert.equal(r.status, 1);
    const inPolicy = r.items.filter((d) => d.file === path.join('pmo', 'broken.policy'));
    assert.deepEqual(inPolicy.map((d) => d.code).sort(), ['policy-regex', 'policy-unknown-fact']);
    for (const d of inPolicy) assert.equal(d.source, 'plan-policy');
    assert.deepEqual(codes(r.items, 'a.plan'), []);
    assert.deepEqual(codes(r.items, 'b.plan'), []);
    // checking the policy directly as well does not report it twice
    const both = json(['check', 'a.plan', 'pmo'], dir);
    assert.equal(both.items.filter((d) => d.file === path.join('pmo', 'broken.policy')).length, 2);
  });

  it('a hostile regex (a+)+$ on a very long id finishes fast', () => {
    const id = 'a'.repeat(50_000) + 'b';
    const dir = tempDir({
      'package.json': '{}',
      'evil.policy': 'policy evil { rule evil warning "Evil" { each task require id matches "(a+)+$" } }\n',
      'p.plan': `project p { start 2027-01-04  uses "./evil.policy" }\ntask ${id} { duration 1d }\n`,
    });
    const t0 = Date.now();
    const r = json(['check', 'p.plan'], dir);
    const ms = Date.now() - t0;
    assert.ok(ms < 10_000, `took ${ms} ms`);
    assert.deepEqual(codes(r.items), ['policy/evil']);
  });

  describe('waivers', () => {
    const WAIVING = PLAN(['./standard.policy'], '  waive owner-required on Beta "Beta is run by the vendor"\n  waive kebab-ids on alpha "Legacy id"\n');

    it('a waived violation is not reported and does not count; an unused waiver is a hint', () => {
      const dir = tempDir({ 'package.json': '{}', 'standard.policy': STANDARD, 'p.plan': WAIVING });
      const r = json(['check', 'p.plan'], dir);
      assert.equal(r.status, 0, JSON.stringify(r.items));
      assert.deepEqual(codes(r.items), ['unused-waiver', 'policy/kebab-ids', 'policy/max-length']);
      assert.equal(r.items[0].severity, 'hint');
    });

    it('--show-waived lists waived violations: text marker with the reason, json waived/reason', () => {
      const dir = tempDir({ 'package.json': '{}', 'standard.policy': STANDARD, 'p.plan': WAIVING });
      const t = planc(['check', 'p.plan', '--show-waived'], { cwd: dir });
      assert.equal(t.status, 0);
      assert.match(t.stdout, /^p\.plan:9:6: waived error policy\/owner-required: Every task needs an owner \(waived: Beta is run by the vendor\)$/m);
      assert.match(t.stdout, /^0 errors, 1 warning in 1 file/m);
      const j = planc(['check', 'p.plan', '--show-waived', '--format', 'json'], { cwd: dir });
      const items = JSON.parse(j.stdout) as Record<string, unknown>[];
      const waived = items.filter((d) => d.waived === true);
      assert.equal(waived.length, 1);
      assert.deepEqual(Object.keys(waived[0]), ['file', 'range', 'severity', 'code', 'source', 'message', 'waived', 'reason']);
      assert.equal(waived[0].code, 'policy/owner-required');
      assert.equal(waived[0].reason, 'Beta is run by the vendor');
      // without the flag: the default shape, no waived entries
      const plain = parseJsonDiagnostics(planc(['check', 'p.plan', '--format', 'json'], { cwd: dir }).stdout);
      assert.ok(!plain.some((d) => d.code === 'policy/owner-required'));
      // sarif marks them suppressed; github leaves them out
      const sarif = JSON.parse(planc(['check', 'p.plan', '--show-waived', '--format', 'sarif'], { cwd: dir }).stdout);
      const suppressed = sarif.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
      assert.equal(suppressed.length, 1);
      assert.doesNotMatch(planc(['check', 'p.plan', '--show-waived', '--format', 'github'], { cwd: dir }).stdout, /owner-required/);
    });

    it('a waiver naming no rule is unknown-rule (exit 1)', () => {
      const dir = tempDir({ 'package.json': '{}', 'standard.policy': STANDARD, 'p.plan': PLAN(['./standard.policy'], '  waive no-such-rule "Because"\n') });
      const r = json(['check', 'p.plan'], dir);
      assert.equal(r.status, 1);
      assert.ok(codes(r.items).includes('unknown-rule'));
    });
  });

  describe('the examples in examples/pmo', () => {
    it('passing.plan is clean against team.policy', () => {
      const r = planc(['check', 'examples/pmo/passing.plan', '--format', 'json']);
      assert.equal(r.status, 0);
      assert.deepEqual(parseJsonDiagnostics(r.stdout), []);
    });

    it('failing.plan: violations, one waived with its reason, one unused waiver', () => {
      const r = planc(['check', 'examples/pmo/failing.plan', '--show-waived', '--format', 'json']);
      assert.equal(r.status, 1);
      const items = JSON.parse(r.stdout) as { code: string; waived?: boolean; reason?: string }[];
      const c = items.map((d) => d.code);
      for (const code of ['policy/contingency', 'policy/owner-required', 'policy/estimate-required', 'policy/milestone-gate', 'policy/task-ids', 'unused-waiver']) {
        assert.ok(c.includes(code), `${code} in ${c.join(', ')}`);
      }
      const waived = items.filter((d) => d.waived);
      assert.deepEqual(waived.map((d) => d.code), ['policy/max-task-length']);
      assert.match(waived[0].reason ?? '', /Vendor contract/);
    });

    it('the policies of examples/pmo are clean', () => {
      const r = planc(['check', 'examples/pmo', '--format', 'json']);
      const items = parseJsonDiagnostics(r.stdout);
      assert.deepEqual(items.filter((d) => d.file.endsWith('.policy')), []);
    });
  });
});
