/** planc: help, version, unknown and not-yet-available commands, bad usage → exit 2. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertUsageFailure, ensureBuilt, planc, removeTempDirs, ROOT, tempDir } from './helpers';
import { BROKEN_POLICY } from './plans';

describe('planc: usage', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  after(() => removeTempDirs());

  it('dist/planc.js starts with a shebang', () => {
    assert.ok(fs.readFileSync(path.join(ROOT, 'dist', 'planc.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('--help and -h print the general help and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = planc([flag]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /Usage: planc <command>/);
      for (const cmd of ['check', 'schedule', 'diff', 'export', 'report', 'lsp']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
      assert.equal(r.stderr, '');
    }
  });

  it('help with no command prints the general help', () => {
    const r = planc(['help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: planc <command>/);
  });

  it('help CMD and CMD --help print the command help', () => {
    for (const args of [['help', 'check'], ['check', '--help'], ['check', '-h']]) {
      const r = planc(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /Usage: planc check/);
      assert.match(r.stdout, /--format/);
      assert.match(r.stdout, /--policy/);
    }
    const s = planc(['help', 'schedule']);
    assert.equal(s.status, 0);
    assert.match(s.stdout, /Usage: planc schedule FILE/);
    const e = planc(['help', 'export']);
    assert.equal(e.status, 0);
    assert.match(e.stdout, /Usage: planc export/);
  });

  it('--version prints the package version', () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-v']) {
      const r = planc([flag]);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, version + '\n');
    }
  });

  it('no command → exit 2', () => {
    assertUsageFailure(planc([]), /missing command/);
  });

  it('unknown command → exit 2', () => {
    assertUsageFailure(planc(['frobnicate']), /unknown command 'frobnicate'/);
  });

  it('help for an unknown command → exit 2', () => {
    assertUsageFailure(planc(['help', 'frobnicate']), /unknown command 'frobnicate'/);
  });

  it('unknown global option → exit 2', () => {
    assertUsageFailure(planc(['--frobnicate']), /unknown option '--frobnicate'/);
  });

  for (const cmd of ['diff']) {
    it(`'${cmd}' is recognised but not available yet → exit 2`, () => {
      const dir = tempDir({ 'a.plan': 'project a { start 2027-01-04 }\n' });
      for (const args of [[cmd], [cmd, 'a.plan', '--format', 'json'], [cmd, '--stdio']]) {
        const r = planc(args, { cwd: dir });
        assertUsageFailure(r);
        assert.equal(r.stderr, `planc: '${cmd}' is not available in this version\n`);
      }
    });
  }

  describe('check: bad usage', () => {
    let dir: string;
    before(() => { dir = tempDir({ 'p.policy': BROKEN_POLICY }); });

    it('unknown flag → exit 2', () => {
      assertUsageFailure(planc(['check', 'p.policy', '--frobnicate'], { cwd: dir }), /unknown option '--frobnicate'/);
      assertUsageFailure(planc(['check', '-z', 'p.policy'], { cwd: dir }), /unknown option '-z'/);
    });

    it('unknown format → exit 2', () => {
      assertUsageFailure(planc(['check', 'p.policy', '--format', 'xml'], { cwd: dir }), /unknown format 'xml'/);
      assertUsageFailure(planc(['check', 'p.policy', '--format=yaml'], { cwd: dir }), /unknown format 'yaml'/);
    });

    it('missing option value → exit 2', () => {
      assertUsageFailure(planc(['check', 'p.policy', '--format'], { cwd: dir }), /'--format' needs a value/);
      assertUsageFailure(planc(['check', '--format', '--quiet', 'p.policy'], { cwd: dir }), /'--format' needs a value/);
      assertUsageFailure(planc(['check', 'p.policy', '--policy'], { cwd: dir }), /'--policy' needs a value/);
      assertUsageFailure(planc(['check', 'p.policy', '--max-warnings'], { cwd: dir }), /'--max-warnings' needs a value/);
    });

    it('a flag given a value → exit 2', () => {
      assertUsageFailure(planc(['check', 'p.policy', '--quiet=yes'], { cwd: dir }), /takes no value/);
    });

    it('--max-warnings that is not a number → exit 2', () => {
      assertUsageFailure(planc(['check', 'p.policy', '--max-warnings', 'many'], { cwd: dir }), /max-warnings/);
      assertUsageFailure(planc(['check', 'p.policy', '--max-warnings', '1.5'], { cwd: dir }), /max-warnings/);
      assertUsageFailure(planc(['check', 'p.policy', '--max-warnings', '-2'], { cwd: dir }), /max-warnings/);
    });

    it('--format=json and -f json are accepted', () => {
      for (const args of [['--format=json'], ['-f', 'json']]) {
        const r = planc(['check', 'p.policy', ...args], { cwd: dir });
        assert.equal(r.status, 1);
        assert.ok(Array.isArray(JSON.parse(r.stdout)));
      }
    });
  });

  describe('schedule: bad usage', () => {
    let dir: string;
    before(() => { dir = tempDir({ 'a.plan': 'project a { start 2027-01-04 }\n', 'b.plan': 'project b { start 2027-01-04 }\n', 'p.policy': BROKEN_POLICY, 'sub/c.plan': 'project c { start 2027-01-04 }\n' }); });

    it('no file → exit 2', () => {
      assertUsageFailure(planc(['schedule'], { cwd: dir }), /needs a \.plan file/);
    });

    it('more than one file → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'a.plan', 'b.plan'], { cwd: dir }), /one \.plan file/);
    });

    it('unknown format → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'a.plan', '--format', 'text'], { cwd: dir }), /unknown format 'text'/);
      assertUsageFailure(planc(['schedule', 'a.plan', '--format', 'sarif'], { cwd: dir }), /unknown format 'sarif'/);
    });

    it('missing format value → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'a.plan', '--format'], { cwd: dir }), /'--format' needs a value/);
    });

    it('unknown flag → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'a.plan', '--quiet'], { cwd: dir }), /unknown option '--quiet'/);
    });

    it('missing file → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'missing.plan'], { cwd: dir }), /cannot read 'missing\.plan': no such file/);
    });

    it('a directory → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'sub'], { cwd: dir }), /'sub'.*directory/);
    });

    it('a policy file → exit 2', () => {
      assertUsageFailure(planc(['schedule', 'p.policy'], { cwd: dir }), /policy file/);
    });
  });
});
