/** planc check: file discovery, exit codes, the four output formats, robustness. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  assertNoCrash, assertOneLineError, assertSorted, assertUsageFailure, ensureBuilt, garbageBytes,
  parseJsonDiagnostics, planc, removeTempDirs, ROOT, tempDir,
} from './helpers';
import { BROKEN_POLICY, CLEAN_PLAN, CYCLE_PLAN, ERROR_PLAN, VALID_POLICY, WARNING_PLAN, WEEKEND_PLAN } from './plans';

const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) ([A-Za-z0-9/_-]+): (.+)$/;
const SUMMARY = /^(\d+) errors?, (\d+) warnings? in (\d+) files?( \(.*\))?$/;
const ANSI = /\x1b\[/;

describe('planc check', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  after(() => removeTempDirs());

  describe('inputs', () => {
    it('missing file → exit 2 with one line', () => {
      const dir = tempDir({ 'p.policy': VALID_POLICY });
      assertUsageFailure(planc(['check', 'nope.plan'], { cwd: dir }), /^planc: cannot read 'nope\.plan': no such file or directory\n$/);
      // one missing among good ones still fails the run
      assertUsageFailure(planc(['check', 'p.policy', 'nope.plan'], { cwd: dir }), /nope\.plan/);
    });

    it('missing --policy file → exit 2', () => {
      const dir = tempDir({ 'p.policy': VALID_POLICY });
      assertUsageFailure(planc(['check', 'p.policy', '--policy', 'gone.policy'], { cwd: dir }), /gone\.policy/);
    });

    it('a directory with no plans or policies → exit 2', () => {
      const dir = tempDir({ 'empty/README.md': '# nothing here\n', 'empty/node_modules/x.plan': 'project x { start 2027-01-04 }\n', 'empty/.git/y.plan': 'x' });
      assertUsageFailure(planc(['check', 'empty'], { cwd: dir }), /no \.plan or \.policy files in 'empty'/);
      assertUsageFailure(planc(['check'], { cwd: path.join(dir, 'empty') }), /no \.plan or \.policy files/);
    });

    it('no paths means the current directory', () => {
      const dir = tempDir({ 'a.policy': BROKEN_POLICY });
      const r = planc(['check', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 1);
      const items = parseJsonDiagnostics(r.stdout);
      assert.deepEqual(items.map((d) => d.file), ['a.policy']);
    });

    it('searches directories recursively, skips node_modules and dot-folders, sorts paths', () => {
      const dir = tempDir({
        'z.policy': BROKEN_POLICY,
        'sub/c.policy': BROKEN_POLICY,
        'a.policy': BROKEN_POLICY,
        'sub/deeper/b.policy': BROKEN_POLICY,
        'node_modules/pkg/x.policy': BROKEN_POLICY,
        'sub/node_modules/y.policy': BROKEN_POLICY,
        '.hidden/h.policy': BROKEN_POLICY,
        'sub/.cache/h.policy': BROKEN_POLICY,
        'notes.txt': BROKEN_POLICY,
      });
      const r = planc(['check', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 1);
      const files = parseJsonDiagnostics(r.stdout).map((d) => d.file);
      assert.deepEqual(files, ['a.policy', 'sub/c.policy', 'sub/deeper/b.policy', 'z.policy']);
      const t = planc(['check', '.'], { cwd: dir });
      assert.equal(t.status, 1);
      const lines = t.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 5);
      assert.equal(lines[4], '4 errors, 0 warnings in 4 files');
    });

    it('paths are shown relative to the cwd when inside it, as given otherwise', () => {
      const dir = tempDir({ 'a.policy': BROKEN_POLICY, 'sub/b.policy': BROKEN_POLICY });
      const abs = planc(['check', path.join(dir, 'a.policy'), './sub', '--format', 'json'], { cwd: dir });
      assert.deepEqual(parseJsonDiagnostics(abs.stdout).map((d) => d.file), ['a.policy', 'sub/b.policy']);
      const outside = planc(['check', '../a.policy', '--format', 'json'], { cwd: path.join(dir, 'sub') });
      assert.deepEqual(parseJsonDiagnostics(outside.stdout).map((d) => d.file), ['../a.policy']);
    });

    it('a file given twice is checked once', () => {
      const dir = tempDir({ 'a.policy': BROKEN_POLICY });
      const r = planc(['check', 'a.policy', './a.policy', '.', '--format', 'json'], { cwd: dir });
      assert.equal(parseJsonDiagnostics(r.stdout).length, 1);
    });

    it('--policy files are checked as policy files, whatever their name', () => {
      const dir = tempDir({ 'a.policy': VALID_POLICY, 'rules.txt': BROKEN_POLICY });
      const r = planc(['check', 'a.policy', '--policy', 'rules.txt', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 1);
      const items = parseJsonDiagnostics(r.stdout);
      assert.equal(items.length, 1);
      assert.equal(items[0].file, 'rules.txt');
      assert.equal(items[0].source, 'plan-policy');
      assert.equal(items[0].code, 'syntax');
    });

    it('an unreadable file (a link to nothing) → exit 2', () => {
      const dir = tempDir({ 'real.policy': VALID_POLICY });
      fs.symlinkSync(path.join(dir, 'gone.plan'), path.join(dir, 'dangling.plan'));
      assertUsageFailure(planc(['check', 'dangling.plan'], { cwd: dir }), /dangling\.plan/);
    });
  });

  describe('policy files (syntax)', () => {
    it('a valid policy → exit 0, no diagnostics', () => {
      const dir = tempDir({ 'standard.policy': VALID_POLICY });
      const r = planc(['check', 'standard.policy', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), []);
      const t = planc(['check', 'standard.policy'], { cwd: dir });
      assert.equal(t.status, 0);
      assert.equal(t.stdout, '0 errors, 0 warnings in 1 file\n');
      assert.equal(t.stderr, '');
    });

    it('a syntax error → exit 1 with the exact JSON', () => {
      const dir = tempDir({ 'p.policy': BROKEN_POLICY });
      const r = planc(['check', 'p.policy', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.equal(r.stderr, '');
      const items = parseJsonDiagnostics(r.stdout);
      assert.equal(items.length, 1);
      assert.deepEqual({ ...items[0], message: '' }, {
        file: 'p.policy',
        range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } },
        severity: 'error',
        code: 'syntax',
        source: 'plan-policy',
        message: '',
      });
    });

    it('binary garbage named .policy → diagnostics, no crash', () => {
      const dir = tempDir({ 'garbage.policy': garbageBytes() });
      const r = planc(['check', 'garbage.policy', '--format', 'json'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 1);
      const items = parseJsonDiagnostics(r.stdout);
      assert.ok(items.length > 0);
      assert.ok(items.every((d) => d.file === 'garbage.policy' && d.code === 'syntax'));
      assertSorted(items);
    });
  });

  describe('text format', () => {
    it('compiler-style lines and a summary, no colour on a pipe', () => {
      const dir = tempDir({ 'p.policy': BROKEN_POLICY, 'q.policy': 'rule x\n' });
      const r = planc(['check'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.doesNotMatch(r.stdout, ANSI);
      const lines = r.stdout.trimEnd().split('\n');
      const summary = lines.pop()!;
      assert.match(summary, SUMMARY);
      assert.ok(lines.length >= 2);
      for (const line of lines) assert.match(line, TEXT_LINE);
      assert.match(lines[0], /^p\.policy:1:10: error syntax: /);
      assert.ok(lines.some((l) => l.startsWith('q.policy:1:1: error syntax: ')));
      const [, errors, warnings, files] = SUMMARY.exec(summary)!;
      assert.equal(Number(errors), lines.length);
      assert.equal(Number(warnings), 0);
      assert.equal(Number(files), 2);
    });

    it('colours severity words only when forced, FORCE_COLOR beats NO_COLOR', () => {
      const dir = tempDir({ 'p.policy': BROKEN_POLICY });
      assert.doesNotMatch(planc(['check'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, ANSI);
      const forced = planc(['check'], { cwd: dir, env: { FORCE_COLOR: '1' } });
      assert.match(forced.stdout, /\x1b\[31merror\x1b\[39m syntax: /);
      assert.match(planc(['check'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, ANSI);
      assert.doesNotMatch(planc(['check', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, ANSI);
      assert.match(planc(['check', '--color'], { cwd: dir }).stdout, ANSI);
      // never in machine formats
      assert.doesNotMatch(planc(['check', '--format', 'json'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    });

    it('--quiet prints errors only', () => {
      const dir = tempDir({ 'p.policy': BROKEN_POLICY, 'ok.policy': VALID_POLICY });
      const r = planc(['check', '--quiet'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^p\.policy:1:10: error syntax: .*\n1 error, 0 warnings in 2 files\n$/);
      const clean = planc(['check', 'ok.policy', '--quiet'], { cwd: dir });
      assert.equal(clean.status, 0);
      assert.equal(clean.stdout, '');
    });
  });

  describe('sarif format', () => {
    it('is SARIF 2.1.0 with rules, results and 1-based regions', () => {
      const dir = tempDir({ 'p.policy': BROKEN_POLICY, 'sub/q.policy': 'rule x\n' });
      const r = planc(['check', '--format', 'sarif'], { cwd: dir });
      assert.equal(r.status, 1);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif/);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'planc');
      assert.ok(Array.isArray(run.results) && run.results.length >= 2);
      const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
      assert.deepEqual(ruleIds, ['syntax']);
      for (const result of run.results) {
        assert.ok(ruleIds.includes(result.ruleId));
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level));
        assert.equal(typeof result.message.text, 'string');
        const loc = result.locations[0].physicalLocation;
        assert.ok(!loc.artifactLocation.uri.startsWith('/') && !loc.artifactLocation.uri.startsWith('file:'), 'relative uri');
        for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1, k);
      }
      const first = run.results[0];
      assert.equal(first.level, 'error');
      assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: 'p.policy', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 1, startColumn: 10, endLine: 1, endColumn: 11 });
      assert.equal(run.results[run.results.length - 1].locations[0].physicalLocation.artifactLocation.uri, 'sub/q.policy');
    });

    it('a clean run has an empty results array', () => {
      const dir = tempDir({ 'ok.policy': VALID_POLICY });
      const r = planc(['check', '--format', 'sarif'], { cwd: dir });
      assert.equal(r.status, 0);
      const log = JSON.parse(r.stdout);
      assert.deepEqual(log.runs[0].results, []);
      assert.deepEqual(log.runs[0].tool.driver.rules, []);
    });
  });

  describe('github format', () => {
    it('prints one workflow command per diagnostic with escaped properties', () => {
      const dir = tempDir({ 'a,b:c.policy': BROKEN_POLICY });
      const r = planc(['check', '--format', 'github'], { cwd: dir });
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^::error file=a%2Cb%3Ac\.policy,line=1,col=10,endLine=1,endColumn=11,title=syntax::[^\n]+$/);
    });

    it('prints nothing for a clean run', () => {
      const dir = tempDir({ 'ok.policy': VALID_POLICY });
      const r = planc(['check', '--format', 'github'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
    });
  });

  // ---------------------------------------------------------------------------------------------
  // The following depend on analyzePlan (the engine); values are computed by hand from LANGUAGE.md.

  describe('plans', () => {
    it('a clean plan → exit 0, empty JSON array', () => {
      const dir = tempDir({ 'demo.plan': CLEAN_PLAN, 'wk.plan': WEEKEND_PLAN });
      const r = planc(['check', '--format', 'json'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), []);
      const t = planc(['check'], { cwd: dir });
      assert.equal(t.status, 0);
      assert.equal(t.stdout, '0 errors, 0 warnings in 2 files\n');
    });

    it('warnings only → exit 0; --max-warnings decides; --quiet hides them', () => {
      const dir = tempDir({ 'w.plan': WARNING_PLAN });
      const r = planc(['check', 'w.plan', '--format', 'json'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 0, r.stderr);
      const items = parseJsonDiagnostics(r.stdout);
      assert.deepEqual(items.map((d) => ({ ...d, message: '' })), [{
        file: 'w.plan',
        range: { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } },
        severity: 'warning', code: 'missing-estimate', source: 'plan', message: '',
      }]);
      const text = planc(['check', 'w.plan'], { cwd: dir });
      assert.equal(text.status, 0);
      assert.match(text.stdout, /^w\.plan:2:6: warning missing-estimate: .+\n0 errors, 1 warning in 1 file\n$/);

      assert.equal(planc(['check', 'w.plan', '--max-warnings', '1'], { cwd: dir }).status, 0);
      assert.equal(planc(['check', 'w.plan', '--max-warnings', '-1'], { cwd: dir }).status, 0);
      const tooMany = planc(['check', 'w.plan', '--max-warnings', '0'], { cwd: dir });
      assert.equal(tooMany.status, 1);
      assertOneLineError(tooMany.stderr, /too many warnings/);

      const quiet = planc(['check', 'w.plan', '--quiet'], { cwd: dir });
      assert.equal(quiet.status, 0);
      assert.equal(quiet.stdout, '');
      assert.equal(planc(['check', 'w.plan', '--quiet', '--format', 'json'], { cwd: dir }).stdout.trim(), '[]');
    });

    it('an error → exit 1 in every format, at the reference', () => {
      const dir = tempDir({ 'e.plan': ERROR_PLAN });
      const json = planc(['check', 'e.plan', '--format', 'json'], { cwd: dir });
      assertNoCrash(json);
      assert.equal(json.status, 1);
      const items = parseJsonDiagnostics(json.stdout);
      assert.deepEqual(items.map((d) => ({ ...d, message: '' })), [{
        file: 'e.plan',
        range: { start: { line: 1, character: 15 }, end: { line: 1, character: 19 } },
        severity: 'error', code: 'unknown-reference', source: 'plan', message: '',
      }]);
      assert.match(items[0].message, /nope/);

      const text = planc(['check', 'e.plan'], { cwd: dir });
      assert.equal(text.status, 1);
      assert.match(text.stdout, /^e\.plan:2:16: error unknown-reference: .*nope.*\n1 error, 0 warnings in 1 file\n$/);

      const github = planc(['check', 'e.plan', '--format', 'github'], { cwd: dir });
      assert.equal(github.status, 1);
      assert.match(github.stdout, /^::error file=e\.plan,line=2,col=16,endLine=2,endColumn=20,title=unknown-reference::.*nope.*\n$/);

      const sarif = planc(['check', 'e.plan', '--format', 'sarif'], { cwd: dir });
      assert.equal(sarif.status, 1);
      const result = JSON.parse(sarif.stdout).runs[0].results[0];
      assert.equal(result.ruleId, 'unknown-reference');
      assert.equal(result.level, 'error');
      assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 16, endLine: 2, endColumn: 20 });
    });

    it('errors and warnings across files: sorted by file then position, counted in the summary', () => {
      const dir = tempDir({ 'b/w.plan': WARNING_PLAN, 'a/e.plan': ERROR_PLAN, 'c.plan': CYCLE_PLAN, 'p.policy': BROKEN_POLICY });
      const r = planc(['check', '--format', 'json'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 1);
      const items = parseJsonDiagnostics(r.stdout);
      assertSorted(items);
      assert.deepEqual([...new Set(items.map((d) => d.file))], ['a/e.plan', 'b/w.plan', 'c.plan', 'p.policy']);
      const cycle = items.filter((d) => d.file === 'c.plan');
      assert.deepEqual(cycle.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
        ['dependency-cycle', 1, 15],
        ['dependency-cycle', 2, 15],
      ]);
      const text = planc(['check'], { cwd: dir });
      assert.equal(text.stdout.trimEnd().split('\n').pop(), '4 errors, 1 warning in 4 files');
    });

    it('binary garbage named .plan → diagnostics, no crash', () => {
      const dir = tempDir({ 'garbage.plan': garbageBytes(), 'nul.plan': new Uint8Array(1000) });
      const r = planc(['check', '--format', 'json'], { cwd: dir });
      assertNoCrash(r);
      assert.equal(r.status, 1, r.stderr);
      const items = parseJsonDiagnostics(r.stdout);
      assertSorted(items);
      assert.ok(items.some((d) => d.file === 'garbage.plan' && d.severity === 'error'));
      assert.ok(items.some((d) => d.file === 'nul.plan' && d.severity === 'error'));
      const text = planc(['check'], { cwd: dir });
      assertNoCrash(text);
      assert.equal(text.status, 1);
    });

    it('a plan with a BOM and CRLF line ends is located like the editor does', () => {
      const dir = tempDir({ 'e.plan': '\uFEFF' + ERROR_PLAN.replace(/\n/g, '\r\n') });
      const r = planc(['check', 'e.plan', '--format', 'json'], { cwd: dir });
      assertNoCrash(r);
      const items = parseJsonDiagnostics(r.stdout);
      assert.deepEqual(items.map((d) => [d.code, d.range]), [
        ['unknown-reference', { start: { line: 1, character: 15 }, end: { line: 1, character: 19 } }],
      ]);
    });

    it('checks the repository\'s example plans without crashing', function () {
      const examples = path.join(ROOT, 'examples');
      const found = fs.existsSync(examples) && fs.readdirSync(examples, { recursive: true }).some((f) => /\.(plan|policy)$/.test(String(f)));
      assert.ok(found, 'examples/ holds plans');
      for (const format of ['json', 'text', 'sarif', 'github']) {
        const r = planc(['check', examples, '--format', format]);
        assertNoCrash(r);
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
        if (format === 'json') assertSorted(parseJsonDiagnostics(r.stdout));
        if (format === 'sarif') assert.equal(JSON.parse(r.stdout).version, '2.1.0');
      }
    });
  });
});

describe('planc check on the bundled examples', () => {
  it('the clean example reports nothing and exits 0; the broken copy exits 1 with each deliberate mistake', () => {
    const clean = planc(['check', path.join(ROOT, 'examples', 'website-relaunch.plan'), '--format', 'json']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.deepEqual(JSON.parse(clean.stdout), []);
    const broken = planc(['check', path.join(ROOT, 'examples', 'website-relaunch-broken.plan'), '--format', 'json']);
    assert.equal(broken.status, 1, broken.stderr);
    const codes = new Set((JSON.parse(broken.stdout) as { code: string }[]).map((d) => d.code));
    for (const code of ['invalid-date', 'deadline-missed', 'budget-overrun', 'wrong-kind', 'unknown-reference', 'dependency-cycle',
      'resource-overallocated', 'misplaced-property', 'missing-estimate', 'start-before-dependency']) {
      assert.ok(codes.has(code), `expected ${code} in the broken example, got ${[...codes].join(', ')}`);
    }
  });
});
