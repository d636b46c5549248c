// Policy files' own diagnostics: unknown facts and properties, type errors, regexes that RE2
// rejects, unknown severities and subjects. A rule with a problem is not evaluated.
import { strict as assert } from 'node:assert';
import { CONTRACT_POLICY } from './helpers';
import { check, findings, load, plan, policy, ruleProblems, ENTRY } from './policyHelpers';

const rule = (body: string, subject = 'each task') => `rule r error "m" { ${subject} ${body} }`;
const problems = (body: string, subject?: string) => ruleProblems(rule(body, subject));

describe('policy type checking', () => {
  it('the contract policy (without its extends) is clean', () => {
    const set = load({ [ENTRY]: CONTRACT_POLICY.replace(/extends .*\n/, '') });
    assert.deepEqual(set.files.get(ENTRY)!.diagnostics, []);
    assert.deepEqual([...set.rules.keys()], ['owner-required', 'max-task-length', 'milestone-gate', 'contingency', 'task-ids']);
  });

  it('well-typed expressions of every type are clean', () => {
    for (const body of [
      'require has owner and not has start or critical',
      'require duration <= 20d and effort > 4h and slack >= 1w and duration < 2mo and duration <= 20',
      'require cost * 1.1 <= budget and cost / 2 > 0 and -cost < 0 and cost + 100 EUR > 0 and cost * 10% < budget',
      'require progress >= 50% and progress <= 1 and progress * 2 < 200%',
      'require start >= 2027-01-04 and end <= deadline - 2d and end - start <= 10d and start + 3 < end',
      'require id matches "^[a-z]+$" and name != "" and owner = "alice"',
      'require quality >= 1 and approvers >= 1 and assignees > 0 and children = 0 and quality / children > 1',
      'where (children > 0) require (children = children)',
    ]) assert.deepEqual(problems(body), [], body);
  });

  describe('unknown facts: policy-unknown-fact on the name', () => {
    it('a name that is no fact', () => {
      assert.deepEqual(problems('require colour = "red"'), ['policy-unknown-fact@colour']);
    });
    it('a fact the subject does not have', () => {
      assert.deepEqual(problems('require budget > 0', 'each resource'), ['policy-unknown-fact@budget']);
      assert.deepEqual(problems('require critical', 'project'), ['policy-unknown-fact@critical']);
      assert.deepEqual(problems('require owner = "a"', 'project'), ['policy-unknown-fact@owner']);
    });
    it('has names a property the subject can be written with', () => {
      assert.deepEqual(problems('require has colour'), ['policy-unknown-fact@colour']);
      assert.deepEqual(problems('require has duration', 'each milestone'), ['policy-unknown-fact@duration']);
      assert.deepEqual(problems('require has on', 'each milestone'), []);
      assert.deepEqual(problems('require has rate', 'each resource'), []);
      assert.deepEqual(problems('require has budget', 'project'), []);
    });
    it('the diagnostic lists the facts of the subject', () => {
      const set = load({ [ENTRY]: policy(rule('require colour = "red"', 'each resource')) });
      const d = set.files.get(ENTRY)!.diagnostics[0]!;
      assert.equal(d.source, 'plan-policy');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /colour/);
      assert.deepEqual(d.data!.expected, ['id', 'name', 'cost', 'effort', 'start', 'end']);
    });
  });

  describe('type errors: policy-type', () => {
    const cases: [string, string][] = [
      ['require cost > "abc"', 'policy-type@cost > "abc"'],
      ['require cost', 'policy-type@cost'],
      ['where name require has owner', 'policy-type@name'],
      ['require cost and has owner', 'policy-type@cost'],
      ['require not duration', 'policy-type@duration'],
      ['require name < "b"', 'policy-type@name < "b"'],
      ['require start = 5d', 'policy-type@start = 5d'],
      ['require start + end > start', 'policy-type@start + end'],
      ['require cost * budget > 0', 'policy-type@cost * budget'],
      ['require duration + cost > 0', 'policy-type@duration + cost'],
      ['require -name = "x"', 'policy-type@-name'],
      ['require critical > critical', 'policy-type@critical > critical'],
      ['require cost / 2d > 0', 'policy-type@cost / 2d'],
      ['require cost matches "x"', 'policy-type@cost'],
    ];
    for (const [body, want] of cases) {
      it(body, () => assert.deepEqual(problems(body), [want]));
    }
  });

  describe('regular expressions: policy-regex', () => {
    it('a backreference is rejected (not linear time)', () => {
      assert.deepEqual(problems('require id matches "(a)\\\\1"'), ['policy-regex@"(a)\\\\1"']);
    });
    it('lookaround is rejected', () => {
      assert.deepEqual(problems('require id matches "a(?=b)"'), ['policy-regex@"a(?=b)"']);
    });
    it('an invalid pattern is rejected', () => {
      assert.deepEqual(problems('require id matches "(a"'), ['policy-regex@"(a"']);
    });
    it('a nested quantifier is accepted: RE2 runs it in linear time', () => {
      assert.deepEqual(problems('require id matches "(a+)+$"'), []);
    });
  });

  describe('severities and subjects', () => {
    it('an unknown severity is invalid-value', () => {
      assert.deepEqual(ruleProblems('rule r fatal "m" { each task require has owner }'), ['invalid-value@fatal']);
    });
    it('an unknown subject is invalid-value', () => {
      assert.deepEqual(ruleProblems('rule r error "m" { each person require has owner }'), ['invalid-value@person']);
    });
    it('syntax errors are reported in the policy file', () => {
      const found = ruleProblems('rule r error "m" { each task require cost > }');
      assert.ok(found.length >= 1 && found.every((f) => f.startsWith('syntax@')), found.join());
    });
  });

  it('a rule with a problem is not evaluated, and marked invalid', () => {
    const c = check(plan`task a { duration 1d }`, policy(`${rule('require colour = "red"')}\n${rule('require has owner').replace('rule r ', 'rule s ')}`), { allowPolicyProblems: true });
    assert.deepEqual(findings(c), ['policy/s@a']);
    assert.equal(c.set.rules.get('r')!.invalid, true);
    assert.equal(c.set.rules.get('s')!.invalid, undefined);
  });
});

describe('policy type checking: hostile files', () => {
  for (const [name, expr] of [
    ['a chain of 20,000 and', 'children = 1' + ' and children = 1'.repeat(20_000)],
    ['20,000 nested not', 'not '.repeat(20_000) + 'children = 1'],
  ] as const) {
    it(`${name}: invalid-value, no crash, the rule is not evaluated`, () => {
      const text = policy(`rule r error "m" { each task require ${expr} }`);
      const c = check(plan`task a { duration 1d }`, text, { allowPolicyProblems: true });
      assert.deepEqual(c.set.files.get(ENTRY)!.diagnostics.map((d) => d.code), ['invalid-value']);
      assert.equal(c.set.rules.get('r')!.invalid, true);
      assert.deepEqual(findings(c), []);
    });
  }
  it('500 levels are still accepted', () => {
    assert.deepEqual(problems('require children = 1' + ' and children = 1'.repeat(400)), []);
  });
});
