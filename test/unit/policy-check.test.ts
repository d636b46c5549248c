// Checking plans against policies (LANGUAGE.md "Policy file"): subjects, where/require, the facts
// of the scheduled plan, operators and values, missing values, regexes, severities, waivers.
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../server/src/language/analyze';
import { check, findings, plan, policy, violators, load, ENTRY } from './policyHelpers';
import { CONTRACT_EXAMPLE, CONTRACT_POLICY } from './helpers';

// wire: effort 4d on alice+bob → 2 days (Jan 4–5); visual: 3 days (Jan 6–8); design: Jan 4–8;
// build: 25 days from Jan 11 (ends Feb 12); launch after build; kick on Jan 4.
const PLAN = plan`
resource alice "Alice" { rate 100/d }
resource bob { rate 50/d }
resource idle { rate 10/d }
milestone kick { on 2027-01-04 }
task design "Design" {
  owner alice
  budget 5000
  quality "Reviewed" by bob
  quality "Signed"
  task wire { effort 4d  assign alice, bob }
  task visual { after wire  duration 3d  assign bob  progress 50%  deadline 2027-01-15 }
}
task build { after design  duration 25d }
milestone launch { after build  quality "Go" by alice }
`;

const NEVER = 'require id = ""';

describe('policy check', () => {
  describe('subjects', () => {
    it('each task: leaves and groups, not milestones', () => {
      assert.deepEqual(violators(PLAN, 'each task', NEVER), ['design', 'wire', 'visual', 'build']);
    });
    it('each leaf', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', NEVER), ['wire', 'visual', 'build']);
    });
    it('each group', () => {
      assert.deepEqual(violators(PLAN, 'each group', NEVER), ['design']);
    });
    it('each milestone', () => {
      assert.deepEqual(violators(PLAN, 'each milestone', NEVER), ['kick', 'launch']);
    });
    it('each resource', () => {
      assert.deepEqual(violators(PLAN, 'each resource', NEVER), ['alice', 'bob', 'idle']);
    });
    it('project: reported at the project keyword', () => {
      assert.deepEqual(violators(PLAN, 'project', NEVER), ['project']);
    });
    it('where selects the subjects; require must hold on them', () => {
      assert.deepEqual(violators(PLAN, 'each task', 'where has assign require id = "wire"'), ['visual']);
      assert.deepEqual(violators(PLAN, 'each task', 'where id = "nothing" require id = ""'), []);
    });
  });

  describe('the violation', () => {
    it('has code policy/<rule-id>, the rule severity and message, source plan, data with docs', () => {
      const c = check(PLAN, policy('rule needs-owner warning "Every task needs an owner" { docs "https://pmo.example/owner" each leaf where id = "build" require has owner }', 'std'));
      const v = c.diagnostics.filter((d) => d.code.startsWith('policy/'));
      assert.equal(v.length, 1);
      const d = v[0]!;
      assert.equal(d.code, 'policy/needs-owner');
      assert.equal(d.severity, 'warning');
      assert.equal(d.source, 'plan');
      assert.equal(d.message, 'Every task needs an owner');
      assert.equal(c.text.slice(d.start, d.end), 'build');
      assert.deepEqual(d.data, { rule: 'needs-owner', file: ENTRY, policyId: 'std', subject: 'build', docs: 'https://pmo.example/owner' });
    });
    it('each severity is kept; off disables the rule', () => {
      for (const sev of ['error', 'warning', 'info', 'hint'] as const) {
        const c = check(PLAN, policy(`rule r ${sev} "m" { project ${NEVER} }`));
        assert.deepEqual(c.diagnostics.filter((d) => d.code === 'policy/r').map((d) => d.severity), [sev]);
      }
      const off = check(PLAN, policy(`rule r off "m" { each task ${NEVER} }`));
      assert.deepEqual(findings(off), []);
    });
    it('analyzePlan without policies reports no policy findings; with them it times the phase', () => {
      assert.ok(!analyzePlan(PLAN).diagnostics.some((d) => d.code.startsWith('policy/')));
      const a = analyzePlan(PLAN, { policies: load({ [ENTRY]: policy(`rule r error "m" { project ${NEVER} }`) }), timings: true });
      assert.ok(a.diagnostics.some((d) => d.code === 'policy/r'));
      assert.equal(typeof a.timings!.policies, 'number');
      assert.ok(a.policy);
    });
  });

  describe('facts of the scheduled plan', () => {
    it('id and name', () => {
      assert.deepEqual(violators(PLAN, 'each resource', 'require name = "Alice"'), ['bob', 'idle']);
      assert.deepEqual(violators(PLAN, 'each group', 'require name = "Design" and id = "design"'), []);
    });
    it('owner: the resource id; has owner false and owner null without one', () => {
      assert.deepEqual(violators(PLAN, 'each task', 'require has owner'), ['wire', 'visual', 'build']);
      assert.deepEqual(violators(PLAN, 'each task', 'require owner = "alice"'), ['wire', 'visual', 'build']);
      // A comparison with a missing value is false, != included.
      assert.deepEqual(violators(PLAN, 'each task', 'require owner != "bob"'), ['wire', 'visual', 'build']);
      assert.deepEqual(violators(PLAN, 'each task', 'where has owner require owner = "alice"'), []);
    });
    it('budget and cost (money)', () => {
      assert.deepEqual(violators(PLAN, 'each task', 'where has budget require cost <= budget and cost = 450'), []);
      assert.deepEqual(violators(PLAN, 'each task', 'require budget >= 1'), ['wire', 'visual', 'build']);
      assert.deepEqual(violators(PLAN, 'each leaf', 'require cost > 100'), ['build']);
      assert.deepEqual(violators(PLAN, 'each leaf', 'where id = "wire" require cost = 300 and cost = 300 EUR'), []);
    });
    it('project budget with a 10% contingency: cost * 1.1 (no rounding surprise)', () => {
      const rule = 'require budget >= cost * 1.1';
      assert.deepEqual(violators(PLAN, 'project', rule), ['project'], 'no budget: null, so the comparison is false');
      const withBudget = (b: number) => PLAN.replace('project p { start 2027-01-04 }', `project p { start 2027-01-04 budget ${b} }`);
      assert.deepEqual(violators(withBudget(495), 'project', rule), []);
      assert.deepEqual(violators(withBudget(494), 'project', rule), ['project']);
    });
    it('effort: person-days booked (tasks, resources, project)', () => {
      assert.deepEqual(violators(PLAN, 'each task', 'where id = "design" require effort = 7d'), []);
      assert.deepEqual(violators(PLAN, 'each resource', 'require effort >= 2d'), ['idle']);
      assert.deepEqual(violators(PLAN, 'each resource', 'where id = "bob" require effort = 5d and cost = 250'), []);
      assert.deepEqual(violators(PLAN, 'project', 'require effort = 7d'), []);
    });
    it('duration: the scheduled length in working days, of leaves, groups and milestones', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', 'require duration <= 20d'), ['build']);
      assert.deepEqual(violators(PLAN, 'each task', 'require duration = 5d'), ['wire', 'visual', 'build']);
      assert.deepEqual(violators(PLAN, 'each leaf', 'where id = "wire" require duration = 2d and duration = 2'), []);
      assert.deepEqual(violators(PLAN, 'each milestone', 'require duration = 0d'), []);
      assert.deepEqual(violators(PLAN, 'each leaf', 'where id = "build" require duration = 5w and duration > 1mo and duration < 2mo'), []);
      // The project lasts from Jan 4 to Feb 12: 30 working days.
      assert.deepEqual(violators(PLAN, 'project', 'require duration = 30d and duration = 6w'), []);
    });
    it('hours convert with the project calendar hours', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', 'where id = "wire" require duration = 16h'), []);
      const half = PLAN.replace('project p { start 2027-01-04 }', 'project p { start 2027-01-04 calendar half } calendar half { hours 4 }');
      assert.deepEqual(violators(half, 'each leaf', 'where id = "wire" require duration = 8h'), []);
      assert.deepEqual(violators(half, 'each leaf', 'where id = "wire" require duration = 16h'), ['wire']);
    });
    it('start, end and deadline (dates) and date arithmetic in working days', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', 'where id = "visual" require start = 2027-01-06 and end = 2027-01-08'), []);
      assert.deepEqual(violators(PLAN, 'each group', 'require end - start = 4d and start + 4d = end'), []);
      // 2027-01-15 minus 5 working days is Friday 2027-01-08.
      assert.deepEqual(violators(PLAN, 'each leaf', 'where has deadline require end <= deadline - 5d'), []);
      assert.deepEqual(violators(PLAN, 'each leaf', 'where has deadline require end <= deadline - 6d'), ['visual']);
      assert.deepEqual(violators(PLAN, 'each leaf', 'require deadline > 2027-01-01'), ['wire', 'build']);
      // From a weekend day: Saturday 2027-01-09 + 1d is Monday the 11th, - 1d is Friday the 8th.
      assert.deepEqual(violators(PLAN, 'project', 'require 2027-01-09 + 1d = 2027-01-11 and 2027-01-09 - 1d = 2027-01-08 and 2027-01-09 + 0d = 2027-01-09'), []);
      assert.deepEqual(violators(PLAN, 'project', 'require 2027-01-11 - 2027-01-08 = 1d and 2027-01-08 + 5 = 2027-01-15'), []);
      assert.deepEqual(violators(PLAN, 'project', 'require start = 2027-01-04 and end = 2027-02-12'), []);
      assert.deepEqual(violators(PLAN, 'each resource', 'require end <= 2027-01-08'), ['idle']);
    });
    it('slack and critical', () => {
      assert.deepEqual(violators(PLAN, 'each task', 'require critical and slack = 0d'), []);
      assert.deepEqual(violators(PLAN, 'each milestone', 'require critical'), ['kick']);
      assert.deepEqual(violators(PLAN, 'each milestone', 'where not critical require slack > 20d'), []);
    });
    it('progress (a percent, as a fraction)', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', 'where has progress require progress >= 50% and progress = 0.5'), []);
      assert.deepEqual(violators(PLAN, 'each leaf', 'require progress > 60%'), ['wire', 'visual', 'build']);
    });
    it('quality, approvers, assignees, children (counts)', () => {
      assert.deepEqual(violators(PLAN, 'each group', 'require quality = 2 and approvers = 1 and children = 2'), []);
      assert.deepEqual(violators(PLAN, 'each milestone', 'require quality >= 1 and approvers >= 1'), ['kick']);
      assert.deepEqual(violators(PLAN, 'each leaf', 'require assignees >= 1'), ['build']);
      assert.deepEqual(violators(PLAN, 'each leaf', 'where id = "wire" require assignees = 2'), []);
      assert.deepEqual(violators(PLAN, 'project', 'require children = 4 and quality = 0'), []);
    });
    it('has PROPERTY tests the written properties', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', 'require has after'), ['wire']);
      assert.deepEqual(violators(PLAN, 'each milestone', 'require has on'), ['launch']);
      assert.deepEqual(violators(PLAN, 'each resource', 'require has rate and not has leave'), []);
      assert.deepEqual(violators(PLAN, 'project', 'require has start and not has budget'), []);
    });
  });

  describe('operators and values', () => {
    it('arithmetic, negation, comparison, and/or/not, parentheses', () => {
      assert.deepEqual(violators(PLAN, 'each group',
        'require children * 2 + 1 = 5 and children / 2 = 1 and children - 3 = -1 and -children = -2 and (children > 1 or children < 0) and children != 3 and children >= 2 and children <= 2 and not children < 2'), []);
      assert.deepEqual(violators(PLAN, 'each group', 'require children > 2 or children < 2'), ['design']);
      assert.deepEqual(violators(PLAN, 'each group', 'require not (children = 2)'), ['design']);
      assert.deepEqual(violators(PLAN, 'each group', 'require cost / budget < 10% and budget * 9% = 450 and cost + 50 = 500 and cost - 450 = 0 and cost / cost = 1'), []);
    });
    it('strings compare with = and !=', () => {
      assert.deepEqual(violators(PLAN, 'each leaf', 'require id != "wire" and name != ""'), ['wire']);
    });
    it('matches: a regex search on a string value', () => {
      assert.deepEqual(violators(PLAN, 'each task', 'require id matches "^[a-z][a-z0-9-]*$"'), []);
      assert.deepEqual(violators(PLAN, 'each task', 'require id matches "^[bw]"'), ['design', 'visual']);
      assert.deepEqual(violators(PLAN, 'each task', 'require owner matches "."'), ['wire', 'visual', 'build'], 'a missing value does not match');
    });
    it('an exponential regex on a 50,000-character id finishes at once (RE2 is linear)', () => {
      const long = 'a'.repeat(50_000) + 'b';
      const t0 = performance.now();
      const ids = violators(plan`task ${long} { duration 1d }`, 'each task', 'require id matches "(a+)+$"');
      const ms = performance.now() - t0;
      assert.equal(ids.length, 1);
      assert.ok(ms < 2000, `took ${ms} ms`);
    });
  });

  describe('missing values', () => {
    // a and b are in a dependency cycle: not scheduled, so start, end, slack and duration are null.
    const CYCLE = plan`
task a { after b  duration 1d }
task b { after a  duration 1d }
task c { duration 30d }
`;
    it('every comparison with null is false', () => {
      assert.deepEqual(violators(CYCLE, 'each leaf', 'require duration <= 20d'), ['a', 'b', 'c']);
      assert.deepEqual(violators(CYCLE, 'each leaf', 'where duration > 20d require id = ""'), ['c']);
      assert.deepEqual(violators(CYCLE, 'each leaf', 'require start >= 2027-01-01 or slack >= 0d'), ['a', 'b']);
      assert.deepEqual(violators(CYCLE, 'each leaf', 'require not (start < 2027-01-01)'), []);
      assert.deepEqual(violators(CYCLE, 'each leaf', 'require end - 1d = end or end != 2099-01-01'), ['a', 'b']);
    });
  });

  describe('waivers', () => {
    const POLICY = policy(`
  rule owner-required error "Every task needs an owner" { each task require has owner }
  rule short warning "Short tasks" { each leaf require duration <= 20d }
`);
    const withWaivers = (w: string) => PLAN.replace('project p { start 2027-01-04 }', `project p { start 2027-01-04 ${w} }`);

    it('without waivers every violation is reported', () => {
      assert.deepEqual(findings(check(PLAN, POLICY)), [
        'policy/owner-required@wire', 'policy/owner-required@visual', 'policy/owner-required@build', 'policy/short@build',
      ]);
    });
    it('a waiver for the whole plan takes out all violations of the rule', () => {
      const c = check(withWaivers('waive owner-required "legacy plan"'), POLICY);
      assert.deepEqual(findings(c), ['policy/short@build']);
      assert.deepEqual(c.analysis.policy!.waived.map((w) => `${w.rule}:${w.subject}`), ['owner-required:wire', 'owner-required:visual', 'owner-required:build']);
    });
    it('a waiver on ids takes out only theirs', () => {
      const c = check(withWaivers('waive owner-required on wire, build "owned by the vendor"  waive short on build "contract"'), POLICY);
      assert.deepEqual(findings(c), ['policy/owner-required@visual']);
      assert.equal(c.analysis.policy!.waived.length, 3);
    });
    it('a waiver naming no rule of the policies is unknown-rule', () => {
      const c = check(withWaivers('waive no-such-rule "x"'), POLICY);
      const d = c.diagnostics.find((x) => x.code === 'unknown-rule')!;
      assert.equal(d.severity, 'error');
      assert.equal(c.text.slice(d.start, d.end), 'no-such-rule');
    });
    it('a waiver that matches no violation is an unused-waiver hint', () => {
      const c = check(withWaivers('waive short on wire, build "x"  waive owner-required "y"'), policy(`
  rule owner-required error "m" { each task require id != "" }
  rule short warning "Short tasks" { each leaf require duration <= 20d }
`));
      const f = findings(c);
      assert.ok(f.includes('unused-waiver@wire'), f.join());
      assert.ok(f.some((x) => x.startsWith('unused-waiver@waive owner-required')), f.join());
      assert.ok(!f.includes('unused-waiver@build'));
      assert.ok(c.diagnostics.filter((d) => d.code === 'unused-waiver').every((d) => d.severity === 'hint'));
      assert.deepEqual(c.analysis.policy!.unusedWaivers.map((u) => `${u.rule}:${u.id ?? '*'}`), ['short:wire', 'owner-required:*']);
    });
    it('a waiver of an off rule is neither unknown nor reported as unused', () => {
      const c = check(withWaivers('waive short "x"'), policy('rule short off "m" { each leaf require duration <= 20d }'));
      assert.deepEqual(findings(c), []);
    });
  });
});

describe('policy check: the contract examples of LANGUAGE.md', () => {
  it('the example plan against the example policy (and a base it extends)', () => {
    const c = check(CONTRACT_EXAMPLE, {
      '/ws/pmo/main.policy': CONTRACT_POLICY,
      '/ws/pmo/base.policy': policy('rule resources-priced warning "Every resource has a rate" { each resource require has rate }', 'base'),
    });
    assert.deepEqual(findings(c), [
      // build lasts exactly 4w = 20 working days: the waiver of max-task-length is not needed.
      'unused-waiver@build',
      'policy/milestone-gate@kickoff',
      'policy/owner-required@wireframes',
      'policy/owner-required@visual',
      'policy/owner-required@build',
      'policy/milestone-gate@launch',
    ]);
    assert.deepEqual([...c.set.rules.keys()], ['resources-priced', 'owner-required', 'max-task-length', 'milestone-gate', 'contingency', 'task-ids']);
    assert.equal(c.set.rules.get('owner-required')!.policyVersion, '2.1.0');
  });
});
