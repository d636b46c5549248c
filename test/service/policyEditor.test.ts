// Policy files in the editor (completion, hover, definition), waivers in plans (completion, hover,
// definition), policy-set diagnostics of a policy file, and the effective-policy Markdown.
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyzePlan } from '../../server/src/language/analyze';
import { loadPolicies } from '../../server/src/language/policy/load';
import { memoryHost } from '../../server/src/language/policy/memoryHost';
import { policyCompletion, waiverCompletion } from '../../server/src/service/policyCompletion';
import { policyHover, violationHoverMarkdown, waiverHover } from '../../server/src/service/policyHover';
import { overriddenRule, policyDefinition, ruleLocation, violationDefinition, waiverDefinition } from '../../server/src/service/policyDefinition';
import { policyFileDiagnostics } from '../../server/src/service/policy';
import { effectivePolicyMarkdown } from '../../client/src/effectivePolicy';
import type { EffectivePolicyResult } from '../../server/src/protocol';
import { cursor } from './helpersA';

const BASE = `policy base "Base" {
  version "1.0.0"
  rule owner-required error "Every task needs an owner" {
    docs "https://pmo.example/owner"
    each task require has owner
  }
}
`;
const TEAM = `policy team "Team" {
  version "2.0.0"
  extends "./base.policy"
  rule max-length warning "At most 5 days" {
    each leaf require duration <= 5d
  }
}
`;
const host = () => memoryHost({ '/ws/base.policy': BASE, '/ws/team.policy': TEAM });

const labels = (snippet: string) => {
  const { text, position } = cursor(snippet);
  return policyCompletion(text, position).items.map((i) => i.label);
};

describe('policy editor: completion', () => {
  it('subjects after each', () => {
    assert.deepEqual(labels('policy p {\n  rule r error "m" {\n    each |\n  }\n}\n'), ['task', 'leaf', 'group', 'milestone', 'resource']);
  });
  it('severities after the rule id', () => {
    assert.deepEqual(labels('policy p {\n  rule r |\n}\n'), ['error', 'warning', 'info', 'hint', 'off']);
  });
  it('facts of the subject and operators in expressions', () => {
    const items = labels('policy p {\n  rule r error "m" {\n    each resource require |\n  }\n}\n');
    assert.ok(items.includes('cost') && items.includes('has') && items.includes('not'));
    assert.ok(!items.includes('slack'), 'resources have no slack');
    const task = labels('policy p {\n  rule r error "m" {\n    each task require duration <= 5d and |\n  }\n}\n');
    assert.ok(task.includes('slack') && task.includes('critical'));
  });
  it('written properties after has', () => {
    const items = labels('policy p {\n  rule r error "m" {\n    each milestone require has |\n  }\n}\n');
    assert.ok(items.includes('on') && items.includes('deadline'));
  });
  it('clause keywords at the start of a line', () => {
    assert.deepEqual(labels('policy p {\n  rule r error "m" {\n    |\n  }\n}\n'), ['docs', 'each', 'project', 'where', 'require']);
    assert.deepEqual(labels('policy p {\n  |\n}\n'), ['rule', 'version', 'extends']);
    assert.deepEqual(labels('|'), ['policy']);
  });
  it('nothing inside strings', () => {
    assert.deepEqual(labels('policy p {\n  rule r error "each |"\n}\n'), []);
  });
});

describe('policy editor: hover', () => {
  const at = (needle: string, delta = 1) => {
    const i = TEAM.indexOf(needle) + delta;
    const before = TEAM.slice(0, i);
    const h = policyHover(TEAM, { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 });
    return h ? (h.contents as { value: string }).value : null;
  };
  it('facts: meaning and type', () => {
    assert.match(at('duration')!, /\*\*duration\*\* \(fact, duration \(working days\)\)/);
    assert.match(at('duration')!, /Scheduled length/);
  });
  it('rule ids, severities, subjects, policies and keywords', () => {
    assert.match(at('max-length')!, /rule `max-length`.*warning/s);
    assert.match(at('max-length')!, /At most 5 days/);
    assert.match(at('warning')!, /\*\*warning\*\*/);
    assert.match(at('leaf')!, /each leaf/);
    assert.match(at('team')!, /policy `team`.*Version 2\.0\.0/s);
    assert.match(at('extends')!, /loads another policy/);
    assert.equal(at('"At most', 3), null);
  });
});

describe('policy editor: definition', () => {
  it('an extends string goes to the file it names', () => {
    const i = TEAM.indexOf('./base') + 2;
    const locs = policyDefinition(TEAM, { line: 2, character: i - TEAM.lastIndexOf('\n', i) - 1 }, (spec) => (spec === './base.policy' ? 'file:///ws/base.policy' : undefined));
    assert.deepEqual(locs, [{ uri: 'file:///ws/base.policy', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    assert.deepEqual(policyDefinition(TEAM, { line: 0, character: 1 }, () => 'file:///x'), []);
  });
  it('ruleLocation: the rule id in its file', () => {
    const set = loadPolicies(['/ws/team.policy'], host());
    assert.deepEqual(ruleLocation(set, 'owner-required', (f) => `file://${f}`), {
      uri: 'file:///ws/base.policy', range: { start: { line: 2, character: 7 }, end: { line: 2, character: 21 } },
    });
    assert.equal(ruleLocation(set, 'nope', (f) => f), undefined);
  });
  it('overriddenRule: from a rule that replaces an inherited one to that rule', () => {
    const set = loadPolicies(['/ws/team.policy'], memoryHost({ '/ws/base.policy': BASE.replace('rule owner-required', 'rule max-length warning "x" { each leaf require duration <= 9d }\n  rule owner-required'), '/ws/team.policy': TEAM }));
    assert.deepEqual(overriddenRule(set, '/ws/team.policy', { line: 3, character: 9 }, (f) => `file://${f}`), [
      { uri: 'file:///ws/base.policy', range: { start: { line: 2, character: 7 }, end: { line: 2, character: 17 } } },
    ]);
    assert.deepEqual(overriddenRule(set, '/ws/team.policy', { line: 0, character: 9 }, (f) => f), []);
  });
});

describe('policy editor: waivers in plans', () => {
  const PLAN = 'project p "P" {\n  start 2027-03-01\n  uses "./team.policy"\n  waive max-length on t "Fixed by contract"\n}\n\ntask t "T" { duration 8d }\n';
  const set = loadPolicies(['/ws/team.policy'], host());
  const ctx = { uri: 'file:///ws/p.plan', analysis: analyzePlan(PLAN) };
  const pos = (needle: string, delta = 1) => {
    const i = PLAN.indexOf(needle) + delta;
    return { line: PLAN.slice(0, i).split('\n').length - 1, character: i - PLAN.lastIndexOf('\n', i - 1) - 1 };
  };
  it('completion of rule ids after waive', () => {
    const { text, position } = cursor('project p "P" {\n  waive |\n}\n');
    const list = waiverCompletion({ uri: 'file:///ws/p.plan', analysis: analyzePlan(text) }, set, position)!;
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['max-length', 'owner-required']);
    assert.equal(list.items.find((i) => i.label === 'max-length')!.detail, 'warning — team 2.0.0');
    assert.equal(waiverCompletion(ctx, set, pos('start')), undefined);
  });
  it('hover names the rule, its policy file and version', () => {
    const h = waiverHover(ctx, set, pos('max-length'), '/ws')!;
    const text = (h.contents as { value: string }).value;
    assert.match(text, /rule `max-length`\*\* — warning/);
    assert.match(text, /Defined in `team\.policy`, policy `team` version 2\.0\.0/);
    assert.equal(waiverHover(ctx, set, pos('start'), '/ws'), null);
    assert.match((waiverHover(ctx, undefined, pos('max-length'))!.contents as { value: string }).value, /not a rule/);
  });
  it('definition from the rule id to the rule; from uses to the file', () => {
    assert.deepEqual(waiverDefinition(ctx, set, pos('max-length'), (f) => `file://${f}`), [
      { uri: 'file:///ws/team.policy', range: { start: { line: 3, character: 7 }, end: { line: 3, character: 17 } } },
    ]);
    assert.deepEqual(waiverDefinition(ctx, set, pos('./team'), (f) => f, () => 'file:///ws/team.policy')!.map((l) => l.uri), ['file:///ws/team.policy']);
    assert.equal(waiverDefinition(ctx, set, pos('start'), (f) => f), undefined);
  });
  it('violationDefinition: from a violation to the rule it breaks', () => {
    const diagnostics = [{ start: PLAN.indexOf('task t') + 5, end: PLAN.indexOf('task t') + 6, severity: 'warning' as const, code: 'policy/max-length', source: 'plan' as const, message: 'At most 5 days' }];
    assert.deepEqual(violationDefinition(ctx, diagnostics, set, pos('task t', 5), (f) => `file://${f}`), [
      { uri: 'file:///ws/team.policy', range: { start: { line: 3, character: 7 }, end: { line: 3, character: 17 } } },
    ]);
    assert.deepEqual(violationDefinition(ctx, diagnostics, set, pos('start'), (f) => f), []);
  });
  it('violationHoverMarkdown lists the violations at a subject', () => {
    const diagnostics = [{ start: PLAN.indexOf('task t') + 5, end: PLAN.indexOf('task t') + 6, severity: 'warning' as const, code: 'policy/max-length', source: 'plan' as const, message: 'At most 5 days' }];
    const md = violationHoverMarkdown(ctx, diagnostics, set, pos('task t', 5), '/ws')!;
    assert.equal(md, '**Policy violations**\n\n- **warning** `max-length`: At most 5 days — `team.policy`, policy `team` 2.0.0');
    assert.equal(violationHoverMarkdown(ctx, diagnostics, set, pos('start'), '/ws'), undefined);
  });
});

describe('policy editor: policy-set diagnostics and the effective policy', () => {
  it('policyFileDiagnostics converts the problems of loading a file', () => {
    const text = 'policy p {\n  extends "./gone.policy"\n  rule r error "m" {\n    each task require bogus > 1\n  }\n}\n';
    const set = loadPolicies(['/ws/p.policy'], memoryHost({ '/ws/p.policy': text }));
    const ds = policyFileDiagnostics('file:///ws/p.policy', text, set.files.get('/ws/p.policy')!.diagnostics);
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.severity, d.source]).sort(), [
      ['policy-not-found', 1, DiagnosticSeverity.Error, 'plan-policy'],
      ['policy-unknown-fact', 3, DiagnosticSeverity.Error, 'plan-policy'],
    ]);
  });
  it('effectivePolicyMarkdown: a table of the rules with file, policy, overrides and waivers', () => {
    const result: EffectivePolicyResult = {
      uri: 'file:///ws/p.plan', entries: ['file:///ws/team.policy'], notFound: ['./gone.policy'],
      files: ['file:///ws/team.policy', 'file:///ws/base.policy'], unknownWaivers: ['ghost'],
      rules: [
        { id: 'max-length', severity: 'warning', message: 'At most | 5 days', file: 'file:///ws/team.policy', line: 3, character: 7, policyId: 'team', policyVersion: '2.0.0',
          overrides: [{ file: 'file:///ws/base.policy', policyId: 'base' }], waivers: [{ on: ['t'], reason: 'Fixed', line: 3 }] },
        { id: 'owner-required', severity: 'off', message: 'Owners', docs: 'https://pmo.example/owner', file: 'file:///ws/base.policy', line: 2, character: 7, policyId: 'base', overrides: [], waivers: [] },
      ],
    };
    const md = effectivePolicyMarkdown(result, 'p.plan');
    assert.match(md, /^# Effective policy of p\.plan/);
    assert.match(md, /Policies used: \[team\.policy\]\(file:\/\/\/ws\/team\.policy\)/);
    assert.match(md, /Loaded through `extends`: \[base\.policy\]/);
    assert.match(md, /\*\*Not found:\*\* `\.\/gone\.policy`/);
    assert.match(md, /2 rules \(1 active\)/);
    assert.match(md, /\| `max-length` \| warning \| At most \\\| 5 days \| \[team\.policy\]\(file:\/\/\/ws\/team\.policy#L4\) \| team 2\.0\.0 \| base \(\[base\.policy\]\(file:\/\/\/ws\/base\.policy\)\) \| on t — “Fixed” \(line 4\) \|/);
    assert.match(md, /\| \[`owner-required`\]\(https:\/\/pmo\.example\/owner\) \| off \|/);
    assert.match(md, /\*\*Waivers naming no rule:\*\* `ghost`/);
    assert.match(effectivePolicyMarkdown({ ...result, entries: [], notFound: [], files: [], rules: [], unknownWaivers: [] }, 'x.plan'), /uses no policy/);
  });
});
