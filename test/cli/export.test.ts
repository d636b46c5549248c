/** `planc export` through the real bundled CLI: formats, -o, --markdown, plans with errors, exit codes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertUsageFailure, ensureBuilt, planc, removeTempDirs, ROOT, tempDir } from './helpers';

const EXAMPLE = path.join(ROOT, 'examples', 'website-relaunch.plan');
const HOSTILE = `project p "x <script>alert(1)</script>" { start 2027-01-04 }
task a "a: b; #c \\"d\\" <e>&" { duration 3d }
task x { duration 2d after y }
task y { duration 1d after x }
`;

describe('planc export', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { ensureBuilt(); dir = tempDir({ 'h.plan': HOSTILE, 'p.policy': 'policy p {}\n', 'sub/.keep': '' }); });
  after(removeTempDirs);

  it('mermaid (default stdout): a gantt with explicit dates for every task of the example', () => {
    const r = planc(['export', EXAMPLE, '--format', 'mermaid']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const schedule = JSON.parse(planc(['schedule', EXAMPLE]).stdout) as { tasks: { kind: string; parent: string | null }[] };
    const bars = r.stdout.split('\n').filter((l) => /^ {4}\S.*:.*\bt\d+, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d$/.test(l));
    // Top-level groups are sections; every other task, group and milestone is one bar.
    assert.equal(bars.length, schedule.tasks.filter((t) => !(t.kind === 'group' && t.parent === null)).length);
    assert.equal(r.stdout.match(/^ {2}section /gm)!.length, schedule.tasks.filter((t) => t.kind === 'group' && t.parent === null).length + 2);
    assert.match(r.stdout, /^gantt\n/);
    assert.match(r.stdout, /Status date 2027-02-15:milestone, status, 2027-02-15, 2027-02-15/);
  });

  it('--markdown fences the chart; only with mermaid', () => {
    const r = planc(['export', EXAMPLE, '-f', 'mermaid', '--markdown']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^```mermaid\ngantt\n[\s\S]*```\n$/);
    assertUsageFailure(planc(['export', EXAMPLE, '-f', 'svg', '--markdown']), /--markdown/);
  });

  for (const [format, check] of [
    ['svg', (s: string) => assert.match(s, /^<\?xml[^]*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*data-id="kickoff" data-kind="milestone" data-start="2027-01-04" data-end="2027-01-04"[^]*<\/svg>\n$/)],
    ['html', (s: string) => assert.match(s, /^<!DOCTYPE html>[^]*Content-Security-Policy[^]*<svg[^]*<\/html>\n$/)],
    ['csv', (s: string) => assert.equal(s, planc(['schedule', EXAMPLE, '--format', 'csv']).stdout)],
    ['ics', (s: string) => { assert.match(s, /^BEGIN:VCALENDAR\r\n/); assert.match(s, /UID:kickoff@plan-as-code\r\n/); }],
  ] as const) {
    it(`--format ${format}`, () => {
      const r = planc(['export', EXAMPLE, '--format', format]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      check(r.stdout);
    });
  }

  it('-o writes the file and prints nothing; -o - is stdout', () => {
    const out = path.join(dir, 'out.html');
    const r = planc(['export', 'h.plan', '--format', 'html', '-o', 'out.html'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.includes('x &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script'));
    const s = planc(['export', 'h.plan', '--format=csv', '--output', '-'], { cwd: dir });
    assert.match(s.stdout, /^id,name/);
  });

  it('a plan with errors (cycle) is exported with exit 0 and a note on stderr; the cycle is listed', () => {
    const r = planc(['export', 'h.plan', '--format', 'mermaid'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^planc: h\.plan has \d+ errors?; the export may be incomplete\n$/);
    assert.match(r.stdout, /%% unscheduled: x \(x\): in a dependency cycle#58; x #8594; y #8594; x/);
    assert.match(r.stdout, /a#58; b#59; #35;c #34;d#34; #60;e#62;#38;:crit, t1, 2027-01-04, 2027-01-07/);
  });

  it('bad usage and unreadable input → exit 2', () => {
    assertUsageFailure(planc(['export', 'h.plan'], { cwd: dir }), /needs --format/);
    assertUsageFailure(planc(['export', 'h.plan', '--format', 'pdf'], { cwd: dir }), /unknown format 'pdf'/);
    assertUsageFailure(planc(['export', '--format', 'svg'], { cwd: dir }), /needs a \.plan file/);
    assertUsageFailure(planc(['export', 'h.plan', 'h.plan', '--format', 'svg'], { cwd: dir }), /takes one \.plan file/);
    assertUsageFailure(planc(['export', 'missing.plan', '--format', 'svg'], { cwd: dir }), /cannot read 'missing\.plan'/);
    assertUsageFailure(planc(['export', 'sub', '--format', 'svg'], { cwd: dir }), /directory/);
    assertUsageFailure(planc(['export', 'p.policy', '--format', 'svg'], { cwd: dir }), /policy file/);
    assertUsageFailure(planc(['export', 'h.plan', '--format', 'svg', '-o', 'nope/dir/x.svg'], { cwd: dir }), /cannot write 'nope\/dir\/x\.svg'/);
    assertUsageFailure(planc(['export', 'h.plan', '--format', 'svg', '--frobnicate'], { cwd: dir }), /unknown option/);
  });

  it('help', () => {
    const r = planc(['export', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: planc export FILE --format mermaid\|html\|svg\|csv\|ics/);
    assert.doesNotMatch(planc(['--help']).stdout, /export.*not available/);
  });
});
