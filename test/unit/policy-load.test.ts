// Loading policy files: extends chains (parents first), overrides (the last loaded wins),
// policy-not-found, policy-cycle, package paths, each file loaded once; the in-memory host.
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../server/src/language/analyze';
import { memoryHost } from '../../server/src/language/policy/memoryHost';
import { MAX_EXTENDS_DEPTH } from '../../server/src/language/policy/load';
import { check, fileFindings, findings, load, plan, policy } from './policyHelpers';

const BASE = '/ws/pmo/base.policy';
const MID = '/ws/pmo/mid.policy';
const TOP = '/ws/team/top.policy';

describe('policy loading', () => {
  it('an extends chain loads parents first; every rule is in the set', () => {
    const set = load({
      [BASE]: policy('rule a error "A" { each task require has owner }', 'base'),
      [MID]: 'policy mid { extends "./base.policy"\n rule b warning "B" { project require has budget } }',
      [TOP]: 'policy top { version "2.1.0"\n extends "../pmo/mid.policy"\n rule c info "C" { each leaf require duration <= 20d } }',
    }, TOP);
    assert.deepEqual([...set.files.keys()], [TOP, MID, BASE]);
    assert.deepEqual([...set.rules.keys()], ['a', 'b', 'c']);
    assert.deepEqual([...set.rules.values()].map((r) => `${r.id}:${r.policyId}:${r.file}`), [`a:base:${BASE}`, `b:mid:${MID}`, `c:top:${TOP}`]);
    assert.equal(set.rules.get('c')!.policyVersion, '2.1.0');
    assert.equal(set.rules.get('a')!.policyVersion, undefined);
    for (const f of set.files.values()) assert.deepEqual(f.diagnostics, []);
  });

  it('a later rule with the same id replaces the earlier (extends, then override)', () => {
    const files = {
      [BASE]: policy('rule owner-required error "Every task needs an owner" { docs "https://pmo/owner" each task require has owner }', 'base'),
      [TOP]: 'policy top { extends "../pmo/base.policy"\n rule owner-required warning "Leaves need an owner" { each leaf require has owner } }',
    };
    const set = load(files, TOP);
    const r = set.rules.get('owner-required')!;
    assert.equal(r.severity, 'warning');
    assert.equal(r.message, 'Leaves need an owner');
    assert.equal(r.file, TOP);
    assert.equal(r.docs, undefined);
    assert.deepEqual(r.overrides, [{ file: BASE, policyId: 'base' }]);
    const text = plan`task g { task x { duration 1d } }`;
    const a = analyzePlan(text, { policies: set });
    const v = a.diagnostics.filter((d) => d.code.startsWith('policy/'));
    assert.deepEqual(v.map((d) => `${d.severity}@${text.slice(d.start, d.end)}`), ['warning@x'], 'only the leaf, as a warning');
  });

  it('an override with off disables the inherited rule', () => {
    const files = {
      '/ws/pmo/main.policy': 'policy top { extends "./base.policy"\n rule owner-required off "x" { each task require has owner } }',
      '/ws/pmo/base.policy': policy('rule owner-required error "m" { each task require has owner }', 'base'),
    };
    assert.deepEqual(findings(check(plan`task x { duration 1d }`, files)), []);
    files['/ws/pmo/main.policy'] = 'policy top { extends "./base.policy" }';
    assert.deepEqual(findings(check(plan`task x { duration 1d }`, files)), ['policy/owner-required@x']);
  });

  it('several entry files: the later entry overrides the earlier', () => {
    const set = load({
      '/ws/a.policy': policy('rule r error "from a" { project require has budget }', 'a'),
      '/ws/b.policy': policy('rule r hint "from b" { project require has budget }', 'b'),
    }, ['/ws/a.policy', '/ws/b.policy']);
    assert.equal(set.rules.get('r')!.message, 'from b');
    assert.equal(set.rules.get('r')!.severity, 'hint');
  });

  it('a package path resolves under node_modules', () => {
    const set = load({
      '/node_modules/@acme/pmo/standard.policy': policy('rule std error "m" { project require has budget }', 'standard'),
      [TOP]: 'policy top { extends "@acme/pmo/standard.policy" }',
    }, TOP);
    assert.deepEqual([...set.rules.keys()], ['std']);
    assert.deepEqual(fileFindings(set, TOP), []);
  });

  it('an extends naming no readable file is policy-not-found on the string', () => {
    const set = load({ [TOP]: 'policy top {\n extends "./missing.policy"\n rule r error "m" { project require has budget } }' }, TOP);
    assert.deepEqual(fileFindings(set, TOP), ['policy-not-found@"./missing.policy"']);
    assert.deepEqual([...set.rules.keys()], ['r'], 'the file\'s own rules still load');
  });

  it('an extends that closes a cycle is policy-cycle on that extends', () => {
    const set = load({
      [BASE]: 'policy base { extends "../team/top.policy"\n rule a error "A" { project require has budget } }',
      [TOP]: 'policy top { extends "../pmo/base.policy"\n rule b error "B" { project require has budget } }',
    }, TOP);
    assert.deepEqual(fileFindings(set, TOP), []);
    assert.deepEqual(fileFindings(set, BASE), ['policy-cycle@extends "../team/top.policy"']);
    assert.deepEqual([...set.rules.keys()].sort(), ['a', 'b']);
  });

  it('a policy that extends itself is policy-cycle', () => {
    const set = load({ [TOP]: 'policy top { extends "./top.policy" }' }, TOP);
    assert.deepEqual(fileFindings(set, TOP), ['policy-cycle@extends "./top.policy"']);
  });

  it('a file reached twice (a diamond) is loaded once, without a cycle', () => {
    const set = load({
      '/ws/base.policy': policy('rule r error "base" { project require has budget }', 'base'),
      '/ws/x.policy': 'policy x { extends "./base.policy" }',
      '/ws/y.policy': 'policy y { extends "./base.policy"\n rule r warning "y" { project require has budget } }',
      '/ws/top.policy': 'policy top { extends "./x.policy"\n extends "./y.policy" }',
    }, '/ws/top.policy');
    assert.deepEqual([...set.files.keys()], ['/ws/top.policy', '/ws/x.policy', '/ws/base.policy', '/ws/y.policy']);
    for (const f of set.files.values()) assert.deepEqual(f.diagnostics, []);
    assert.equal(set.rules.get('r')!.message, 'y');
  });

  it('an unreadable entry file is skipped (the plan reports its uses)', () => {
    const set = load({}, '/ws/none.policy');
    assert.equal(set.files.size, 0);
    assert.equal(set.rules.size, 0);
  });

  it('memoryHost resolves relative and package paths, and only to existing files', () => {
    const host = memoryHost({ '/a/b/c.policy': '', '/node_modules/pkg/std.policy': '' });
    assert.equal(host.resolve('./c.policy', '/a/b/x.policy'), '/a/b/c.policy');
    assert.equal(host.resolve('../b/c.policy', '/a/b/x.policy'), '/a/b/c.policy');
    assert.equal(host.resolve('pkg/std.policy', '/a/b/x.policy'), '/node_modules/pkg/std.policy');
    assert.equal(host.resolve('./nope.policy', '/a/b/x.policy'), undefined);
    assert.equal(host.read('/a/b/c.policy'), '');
    assert.equal(host.read('/nope'), undefined);
  });
});

describe('policy loading: hostile files', () => {
  it('an extends chain longer than the limit stops with invalid-value, without exhausting the stack', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`/ws/p${i}.policy`] = `policy p${i} { extends "./p${i + 1}.policy"\n rule r${i} error "m" { project require has budget } }`;
    files['/ws/p200.policy'] = 'policy last { }';
    const set = load(files, '/ws/p0.policy');
    assert.equal(set.files.size, MAX_EXTENDS_DEPTH);
    const problems = [...set.files.values()].flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.deepEqual(problems, ['invalid-value']);
  });
});
