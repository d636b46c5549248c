// Names, references, property placement and values (LANGUAGE.md "Names", "Properties", lexical values).
import { strict as assert } from 'node:assert';
import { editDistance, suggestions } from '../../server/src/language/names';
import { describe_, diagnosticsOf, expectCodes, expectRange, only, plan, scheduleOf, withCode, datesOf } from './helpers';

describe('binder', () => {
  describe('the project block', () => {
    it('a plan without a project is missing-project, at the start of the file', () => {
      const d = only('task a { duration 1d }', 'missing-project');
      assert.deepEqual([d.line, d.character, d.severity], [0, 0, 'error']);
    });

    it('a second project is duplicate-project on its id', () => {
      const text = 'project p { start 2027-01-04 }\nproject q { start 2027-01-04 }\n';
      const d = expectCodes(text, ['duplicate-project@1'])[0]!;
      expectRange(d, text, 'q');
    });

    it('a project without start is missing-property on its id', () => {
      const text = 'project p { deadline 2027-06-30 }\n';
      expectRange(only(text, 'missing-property'), text, 'p');
    });

    it('an empty plan reports the missing project and nothing else', () => {
      expectCodes('', ['missing-project@0']);
    });
  });

  describe('duplicate-id', () => {
    it('two tasks with one id: on the later id', () => {
      const text = plan`
        task a { duration 1d }
        task a { duration 2d }
      `;
      const d = expectCodes(text, ['duplicate-id@2'])[0]!;
      expectRange(d, text, 'a', 2);
      assert.equal(d.severity, 'error');
    });

    it('ids are unique across kinds: a resource and a task', () => {
      const text = plan`
        resource x { rate 1/d }
        task x { duration 1d }
      `;
      expectCodes(text, ['duplicate-id@2']);
    });

    it('ids are unique whatever the nesting', () => {
      const text = plan`
        task g {
          task inner { duration 1d }
        }
        task h {
          task k {
            task inner { duration 1d }
          }
        }
      `;
      expectCodes(text, ['duplicate-id@6']);
    });

    it('a calendar and a milestone with one id', () => {
      const text = plan`
        calendar m { workdays mon-fri }
        milestone m { on 2027-01-05 }
      `;
      expectCodes(text, ['duplicate-id@2']);
    });

    it('the message names the id', () => {
      const d = only(plan`task abc { duration 1d } task abc { duration 1d }`, 'duplicate-id');
      assert.ok(d.message.includes('abc'), d.message);
    });

    it('ids are case-sensitive: Design and design are two ids', () => {
      expectCodes(plan`task Design { duration 1d } task design { duration 1d }`, []);
    });
  });

  describe('unknown-reference', () => {
    it('after naming nothing: on the reference, with a did-you-mean', () => {
      const text = plan`
        task design { duration 1d }
        task build { after desgn  duration 1d }
      `;
      const d = expectCodes(text, ['unknown-reference@2'])[0]!;
      expectRange(d, text, 'desgn');
      assert.ok(d.message.includes('desgn'), d.message);
      assert.match(d.message, /did you mean.*design/i);
    });

    it('assign naming nothing suggests the close resource', () => {
      const text = plan`
        resource alice { rate 1/d }
        task t { duration 1d  assign alise }
      `;
      const d = expectCodes(text, ['unknown-reference@2'])[0]!;
      expectRange(d, text, 'alise');
      assert.match(d.message, /did you mean.*alice/i);
    });

    it('a wrong case is suggested', () => {
      const d = only(plan`task design { duration 1d } task b { after Design  duration 1d }`, 'unknown-reference');
      assert.match(d.message, /did you mean.*'design'/i);
    });

    it('no suggestion when nothing is close', () => {
      const d = only(plan`task design { duration 1d } task b { after zzzzzzz  duration 1d }`, 'unknown-reference');
      assert.doesNotMatch(d.message, /did you mean/i);
    });

    it('every reference place reports an unknown id', () => {
      const text = `project p { start 2027-01-04  calendar nocal  waive some-rule on nothing "why" }
resource r { calendar nocal2 }
task t { after nobody  assign noone  owner nowho  quality "q" by noapprover  duration 1d }
`;
      const all = expectCodes(text, [
        'unknown-reference@0', 'unknown-reference@0', 'unknown-reference@1',
        'unknown-reference@2', 'unknown-reference@2', 'unknown-reference@2', 'unknown-reference@2',
      ]);
      const covered = all.map((d) => text.split('\n')[d.line]!.slice(d.character, d.endCharacter)).sort();
      assert.deepEqual(covered, ['noapprover', 'nobody', 'nocal', 'nocal2', 'noone', 'nothing', 'nowho']);
    });

    it('a task still schedules when one of its references is unknown', () => {
      const text = plan`
        task a { duration 2d }
        task b { after a, ghost  duration 1d }
      `;
      expectCodes(text, ['unknown-reference@2']);
      assert.equal(datesOf(text).b, '2027-01-06..2027-01-06');
    });
  });

  describe('wrong-kind', () => {
    const base = `project p { start 2027-01-04 }
resource r { rate 100/d }
calendar c { workdays mon-fri }
milestone m { on 2027-01-04 }
task t { duration 1d }
`;
    const cases: [string, string, string][] = [
      ['after a resource', 'task x { after r  duration 1d }', 'r'],
      ['after a calendar', 'task x { after c  duration 1d }', 'c'],
      ['assign a milestone', 'task x { duration 1d  assign m }', 'm'],
      ['assign a task', 'task x { duration 1d  assign t }', 't'],
      ['owner a task', 'task x { duration 1d  owner t }', 't'],
      ['owner a calendar', 'task x { duration 1d  owner c }', 'c'],
      ['quality by a milestone', 'task x { duration 1d  quality "ok" by m }', 'm'],
      ['resource calendar naming a resource', 'resource x { calendar r }', 'r'],
      ['resource calendar naming a task', 'resource x { calendar t }', 't'],
    ];
    for (const [what, snippet, ref] of cases) {
      it(`${what} is wrong-kind on the reference`, () => {
        const text = base + snippet + '\n';
        const d = expectCodes(text, ['wrong-kind@5'])[0]!;
        assert.equal(d.line, 5);
        const line = text.split('\n')[5]!;
        assert.equal(line.slice(d.character, d.endCharacter), ref);
        assert.equal(d.endCharacter, line.lastIndexOf(` ${ref}`) + 1 + ref.length);
        assert.equal(d.severity, 'error');
      });
    }

    it('the project calendar naming a resource is wrong-kind', () => {
      const text = `project p { start 2027-01-04  calendar r }
resource r { rate 1/d }
`;
      const d = expectCodes(text, ['wrong-kind@0'])[0]!;
      expectRange(d, text, 'r', 1);
    });

    it('waive on a calendar is wrong-kind', () => {
      const text = `project p { start 2027-01-04  waive rule-x on c "reason" }
calendar c { workdays mon-fri }
`;
      const d = expectCodes(text, ['wrong-kind@0'])[0]!;
      expectRange(d, text, 'c', 1);
    });

    it('the message says what the id is and what is needed', () => {
      const d = only(plan`milestone kickoff { on 2027-01-04 } task x { duration 1d  assign kickoff }`, 'wrong-kind');
      assert.ok(d.message.includes('kickoff'), d.message);
      assert.match(d.message, /milestone/);
      assert.match(d.message, /resource/);
    });

    it('the references of the right kind are accepted everywhere', () => {
      expectCodes(`project p { start 2027-01-04  calendar c  waive rule-x on t, m, r "reason"  quality "q" by r }
calendar c { workdays mon-fri }
resource r { rate 100/d  calendar c }
milestone m { on 2027-01-04  owner r  quality "q" by r }
task t { after m  duration 1d  assign r  owner r }
task u { after start of t  duration 1d }
`, []);
    });
  });

  describe('dependency-on-ancestor', () => {
    it('a child after its own group', () => {
      const text = plan`
        task g {
          task x { after g  duration 1d }
        }
      `;
      const d = expectCodes(text, ['dependency-on-ancestor@2'])[0]!;
      expectRange(d, text, 'g', 2);
    });

    it('a group after its own descendant', () => {
      const text = plan`
        task g {
          after y
          task x {
            task y { duration 1d }
          }
        }
      `;
      const d = expectCodes(text, ['dependency-on-ancestor@2'])[0]!;
      expectRange(d, text, 'y', 1);
    });

    it('the rest of the plan is still scheduled', () => {
      const text = plan`
        task g {
          task x { after g  duration 1d }
          task z { after x  duration 1d }
        }
      `;
      expectCodes(text, ['dependency-on-ancestor@2']);
      assert.equal(datesOf(text).z, '2027-01-05..2027-01-05');
    });
  });

  describe('misplaced-property', () => {
    const cases: [string, string, string][] = [
      ['duration on a group', 'task g { duration 3d  task c { duration 1d } }', 'duration 3d'],
      ['effort on a group', 'resource r { rate 1/d } task g { effort 3d  task c { duration 1d } }', 'effort 3d'],
      ['assign on a group', 'resource r { rate 1/d } task g { assign r  task c { duration 1d } }', 'assign r'],
      ['progress on a group', 'task g { progress 50%  task c { duration 1d } }', 'progress 50%'],
      ['assign on a milestone', 'resource r { rate 1/d } milestone m { assign r }', 'assign r'],
      ['budget on a milestone', 'milestone m { budget 100 }', 'budget 100'],
      ['start on a milestone', 'milestone m { start 2027-01-05 }', 'start 2027-01-05'],
      ['duration on a milestone', 'milestone m { duration 2d }', 'duration 2d'],
      ['progress on a milestone', 'milestone m { progress 10% }', 'progress 10%'],
      ['on on a task', 'task t { on 2027-01-05  duration 1d }', 'on 2027-01-05'],
      ['rate on a task', 'task t { rate 100/d  duration 1d }', 'rate 100/d'],
      ['capacity on a task', 'task t { capacity 50%  duration 1d }', 'capacity 50%'],
      ['currency on a task', 'task t { currency EUR  duration 1d }', 'currency EUR'],
      ['status on a task', 'task t { status 2027-01-05  duration 1d }', 'status 2027-01-05'],
      ['uses on a task', 'task t { uses "x.policy"  duration 1d }', 'uses "x.policy"'],
      ['waive on a task', 'task t { waive r "why"  duration 1d }', 'waive r "why"'],
      ['leave on a task', 'task t { leave 2027-01-05  duration 1d }', 'leave 2027-01-05'],
      ['holiday on a resource', 'resource r { holiday 2027-01-05 }', 'holiday 2027-01-05'],
      ['hours on a resource', 'resource r { hours 6 }', 'hours 6'],
      ['deadline on a resource', 'resource r { deadline 2027-01-05 }', 'deadline 2027-01-05'],
      ['after on a resource', 'task t { duration 1d } resource r { after t }', 'after t'],
      ['workdays on a resource', 'resource r { workdays mon-fri }', 'workdays mon-fri'],
      ['rate on a calendar', 'calendar c { rate 100/d }', 'rate 100/d'],
      ['owner on a calendar', 'resource r { rate 1/d } calendar c { owner r }', 'owner r'],
      ['cost on a resource', 'resource r { cost 100 }', 'cost 100'],
      ['quality on a resource', 'resource r { quality "q" }', 'quality "q"'],
      ['effort on a milestone', 'milestone m { effort 2d }', 'effort 2d'],
      ['budget on a calendar', 'calendar c { budget 100 }', 'budget 100'],
      ['capacity on a milestone', 'milestone m { capacity 50% }', 'capacity 50%'],
    ];
    for (const [what, snippet, prop] of cases) {
      it(`${what}, on the whole property`, () => {
        const text = `project p { start 2027-01-04 }\n${snippet}\n`;
        const all = diagnosticsOf(text);
        const mis = all.filter((d) => d.code === 'misplaced-property');
        assert.equal(mis.length, 1, describe_(all));
        expectRange(mis[0]!, text, prop);
        assert.equal(mis[0]!.severity, 'error');
        assert.ok(mis[0]!.message.includes(prop.split(' ')[0]!), mis[0]!.message);
      });
    }

    const projectCases: [string, string][] = [
      ['duration on the project', 'duration 3d'],
      ['after on the project', 'after x'],
      ['workdays on the project', 'workdays mon-fri'],
      ['holiday on the project', 'holiday 2027-01-05'],
      ['on on the project', 'on 2027-01-05'],
      ['rate on the project', 'rate 10/d'],
      ['cost on the project', 'cost 100'],
      ['not before on the project', 'not before 2027-01-05'],
      ['owner on the project', 'owner r'],
      ['progress on the project', 'progress 50%'],
      ['assign on the project', 'assign r'],
      ['leave on the project', 'leave 2027-01-05'],
    ];
    for (const [what, prop] of projectCases) {
      it(`${what}`, () => {
        const text = `project p { start 2027-01-04  ${prop} }\nresource r { rate 1/d }\ntask x { duration 1d }\n`;
        const mis = withCode(text, 'misplaced-property');
        assert.equal(mis.length, 1, describe_(diagnosticsOf(text)));
        expectRange(mis[0]!, text, prop);
      });
    }

    it('a misplaced property is ignored: duration on a group does not change its dates', () => {
      const text = plan`
        task g {
          duration 10d
          task c { duration 2d }
        }
      `;
      expectCodes(text, ['misplaced-property@2']);
      assert.equal(datesOf(text).g, '2027-01-04..2027-01-05');
    });

    it('properties that belong where they stand are accepted', () => {
      expectCodes(`project p { start 2027-01-04  deadline 2027-12-31  currency EUR  budget 1000  status 2027-01-05  quality "q" }
calendar c { workdays mon-fri  hours 8  holiday 2027-04-05 }
resource r { rate 10/d  capacity 100%  leave 2027-06-01  calendar c }
milestone m { on 2027-01-04  deadline 2027-01-05  owner r  cost 10  quality "q" by r  not before 2027-01-04 }
task g {
  after m
  start 2027-01-04
  deadline 2027-12-31
  not before 2027-01-04
  owner r
  budget 1000
  cost 10
  quality "q"
  task l { duration 1d  assign r 50%  owner r  budget 100  cost 1  quality "q"  progress 100%  deadline 2027-12-31  not before 2027-01-04 }
}
task e { effort 2d  assign r  start 2027-01-05 }
`, []);
    });
  });

  describe('duplicate-property', () => {
    const cases: [string, string, string][] = [
      ['duration twice', 'task t { duration 1d  duration 2d }', 'duration 2d'],
      ['owner twice', 'resource r { rate 1/d } task t { duration 1d  owner r  owner r }', 'owner r'],
      ['deadline twice on a task', 'task t { duration 1d  deadline 2027-02-01  deadline 2027-03-01 }', 'deadline 2027-03-01'],
      ['progress twice', 'task t { duration 1d  progress 10%  progress 20% }', 'progress 20%'],
      ['not before twice', 'task t { duration 1d  not before 2027-02-01  not before 2027-03-01 }', 'not before 2027-03-01'],
      ['start twice on a task', 'task t { duration 1d  start 2027-01-05  start 2027-01-06 }', 'start 2027-01-06'],
      ['budget twice on a task', 'task t { duration 1d  budget 10  budget 20 }', 'budget 20'],
      ['on twice on a milestone', 'milestone m { on 2027-01-05  on 2027-01-06 }', 'on 2027-01-06'],
      ['rate twice', 'resource r { rate 1/d  rate 2/d }', 'rate 2/d'],
      ['capacity twice', 'resource r { capacity 50%  capacity 60% }', 'capacity 60%'],
      ['calendar twice on a resource', 'calendar c { workdays mon-fri } resource r { calendar c  calendar c }', 'calendar c '],
      ['hours twice', 'calendar c { hours 8  hours 7 }', 'hours 7'],
      ['workdays twice', 'calendar c { workdays mon-fri  workdays mon-thu }', 'workdays mon-thu'],
    ];
    for (const [what, snippet, prop] of cases) {
      it(`${what}: on the later one`, () => {
        const text = `project p { start 2027-01-04 }\n${snippet}\n`;
        const dup = withCode(text, 'duplicate-property');
        assert.equal(dup.length, 1, describe_(diagnosticsOf(text)));
        const line = text.split('\n')[1]!;
        const at = line.lastIndexOf(prop.trimEnd());
        assert.deepEqual([dup[0]!.line, dup[0]!.character, dup[0]!.endCharacter], [1, at, at + prop.trimEnd().length]);
        assert.equal(dup[0]!.severity, 'error');
      });
    }

    const projectCases: [string, string, string][] = [
      ['start', 'start 2027-01-04  start 2027-01-05', 'start 2027-01-05'],
      ['deadline', 'start 2027-01-04  deadline 2027-06-01  deadline 2027-07-01', 'deadline 2027-07-01'],
      ['currency', 'start 2027-01-04  currency EUR  currency EUR', 'currency EUR'],
      ['budget', 'start 2027-01-04  budget 10  budget 20', 'budget 20'],
      ['status', 'start 2027-01-04  status 2027-01-05  status 2027-01-06', 'status 2027-01-06'],
    ];
    for (const [what, props, later] of projectCases) {
      it(`${what} twice on the project: on the later one, whole property`, () => {
        const text = `project p { ${props} }\n`;
        const dup = withCode(text, 'duplicate-property');
        assert.equal(dup.length, 1, describe_(diagnosticsOf(text)));
        const at = text.lastIndexOf(later);
        assert.deepEqual([dup[0]!.line, dup[0]!.character, dup[0]!.endCharacter], [0, at, at + later.length]);
      });
    }

    it('the later duplicate is ignored: the first duration counts', () => {
      const text = plan`
        task t { duration 2d  duration 5d }
      `;
      assert.equal(datesOf(text).t, '2027-01-04..2027-01-05');
    });

    it('repeatable properties accumulate without diagnostics', () => {
      const text = `project p { start 2027-01-04  uses "a.policy"  uses "b.policy"  waive x "r1"  waive y "r2"  quality "a"  quality "b" }
calendar c { holiday 2027-04-05  holiday 2027-12-24..2027-12-31 }
resource r { rate 100/d  leave 2027-06-01  leave 2027-07-01..2027-07-02 }
resource s { rate 100/d }
task a { duration 1d }
task b { duration 2d }
task t { after a  after b  duration 1d  assign r  assign s  cost 10  cost 20 "x"  quality "q1"  quality "q2" }
`;
      const all = diagnosticsOf(text).filter((d) => !['unknown-rule', 'policy-not-found'].includes(d.code));
      assert.deepEqual(all, []);
      const s = scheduleOf(text);
      assert.equal(s.t!.start, '2027-01-06');
      assert.equal(s.t!.cost, 230);
    });
  });

  describe('conflicting-properties', () => {
    it('duration then effort: on the effort', () => {
      const text = plan`
        resource r { rate 1/d }
        task t { duration 2d  effort 4d  assign r }
      `;
      const d = expectCodes(text, ['conflicting-properties@2'])[0]!;
      expectRange(d, text, 'effort 4d');
      assert.equal(d.severity, 'error');
    });

    it('effort then duration: on the duration', () => {
      const text = plan`
        resource r { rate 1/d }
        task t { effort 4d  assign r  duration 2d }
      `;
      const d = expectCodes(text, ['conflicting-properties@2'])[0]!;
      expectRange(d, text, 'duration 2d');
    });
  });

  describe('invalid values', () => {
    describe('percentages', () => {
      it('progress above 100% is invalid-value on the percentage', () => {
        const text = plan`task t { duration 1d  progress 120% }`;
        expectRange(only(text, 'invalid-value'), text, '120%');
      });

      it('progress 0% and 100% are valid', () => {
        expectCodes(plan`task t { duration 1d  progress 0% } task u { duration 1d  progress 100% }`, []);
      });

      it('capacity 0% is invalid; above 100% is a team', () => {
        const text = plan`
          resource a { rate 1/d  capacity 0% }
          resource b { rate 1/d  capacity 300% }
        `;
        const d = expectCodes(text, ['invalid-value@1'])[0]!;
        expectRange(d, text, '0%');
      });

      it('an allocation of 0% is invalid; 150% is allowed', () => {
        const text = plan`
          resource a { rate 1/d  capacity 300% }
          task t { duration 1d  assign a 0% }
          task u { duration 1d  assign a 150% }
        `;
        const d = expectCodes(text, ['invalid-value@2'])[0]!;
        expectRange(d, text, '0%', 1);
      });

      it('a fractional percentage is fine', () => {
        expectCodes(plan`task t { duration 1d  progress 12.5% }`, []);
      });
    });

    describe('hours', () => {
      for (const bad of ['0', '25', '100']) {
        it(`hours ${bad} is invalid-value`, () => {
          const text = `project p { start 2027-01-04 }\ncalendar c { hours ${bad} }\n`;
          const d = expectCodes(text, ['invalid-value@1'])[0]!;
          const at = text.split('\n')[1]!.indexOf(`hours ${bad}`) + 'hours '.length;
          assert.deepEqual([d.character, d.endCharacter], [at, at + bad.length]);
        });
      }

      it('hours 7.5 and 24 are valid', () => {
        expectCodes('project p { start 2027-01-04 }\ncalendar c { hours 7.5 }\ncalendar d { hours 24 }\n', []);
      });
    });

    describe('currency codes', () => {
      it('a project currency that is not three capital letters is invalid-value on the code', () => {
        const text = 'project p { start 2027-01-04  currency euro }\n';
        expectRange(only(text, 'invalid-value'), text, 'euro');
      });

      it('a lower-case code on an amount is invalid-value', () => {
        const text = plan`task t { duration 1d  cost 100 eur }`;
        expectRange(only(text, 'invalid-value'), text, 'eur');
      });

      it('a four-letter code is invalid-value', () => {
        const text = 'project p { start 2027-01-04  currency EURO }\n';
        expectCodes(text, ['invalid-value@0']);
      });

      it('a valid code is accepted', () => {
        expectCodes('project p { start 2027-01-04  currency CHF  budget 100 CHF }\n', []);
      });
    });

    describe('rates', () => {
      it('a rate per week is invalid-value on the unit', () => {
        const text = plan`resource r { rate 100/w }`;
        expectRange(only(text, 'invalid-value'), text, 'w');
      });
    });

    describe('periods', () => {
      it('a leave range that ends before it starts is invalid-value', () => {
        const text = plan`resource r { rate 1/d  leave 2027-02-10..2027-02-01 }`;
        expectCodes(text, ['invalid-value@0']);
      });

      it('a holiday range that ends before it starts is invalid-value', () => {
        const text = 'project p { start 2027-01-04 }\ncalendar c { holiday 2027-12-31..2027-12-24 }\n';
        expectCodes(text, ['invalid-value@1']);
      });

      it('an invalid date inside a range is invalid-date', () => {
        const text = plan`resource r { rate 1/d  leave 2027-02-10..2027-02-30 }`;
        expectRange(only(text, 'invalid-date'), text, '2027-02-30');
      });
    });

    describe('workdays', () => {
      const cases: [string, string][] = [
        ['mon-fri', '2027-01-04..2027-01-08'],
        ['mon-wed, fri', '2027-01-04..2027-01-11'],
        ['mon tue wed thu fri', '2027-01-04..2027-01-08'],
        ['mon,tue,wed,thu,fri', '2027-01-04..2027-01-08'],
        ['mon-wed fri-sat', '2027-01-04..2027-01-09'],
        ['sat-sun', '2027-01-09..2027-01-23'],
        ['tue', '2027-01-05..2027-02-02'],
      ];
      for (const [days, dates] of cases) {
        it(`workdays ${days} schedules a 5-day task on ${dates}`, () => {
          const text = `project p { start 2027-01-04  calendar c }\ncalendar c { workdays ${days} }\ntask t { duration 5d }\n`;
          expectCodes(text, []);
          assert.equal(datesOf(text).t, dates);
        });
      }

      it('a range that wraps (fri-mon) is invalid-value', () => {
        const text = 'project p { start 2027-01-04 }\ncalendar c { workdays fri-mon }\n';
        const d = expectCodes(text, ['invalid-value@1'])[0]!;
        expectRange(d, text, 'fri-mon');
      });

      it('an unknown day name is invalid-value', () => {
        const text = 'project p { start 2027-01-04 }\ncalendar c { workdays mon-fri, funday }\n';
        const d = expectCodes(text, ['invalid-value@1'])[0]!;
        expectRange(d, text, 'funday');
      });

      it('day names are case-insensitive', () => {
        expectCodes('project p { start 2027-01-04 }\ncalendar c { workdays Mon-Fri }\n', []);
      });
    });
  });

  describe('waivers', () => {
    it('a waiver without a reason is waiver-missing-reason on the waive property', () => {
      const text = 'project p { start 2027-01-04  waive max-task-length on t }\ntask t { duration 1d }\n';
      const d = withCode(text, 'waiver-missing-reason');
      assert.equal(d.length, 1, describe_(diagnosticsOf(text)));
      expectRange(d[0]!, text, 'waive max-task-length on t');
    });

    it('a plan-wide waiver without a reason as well', () => {
      const text = 'project p { start 2027-01-04  waive owner-required }\n';
      assert.equal(withCode(text, 'waiver-missing-reason').length, 1);
    });
  });

  describe('did-you-mean suggestions', () => {
    it('edit distance counts insertions, deletions and substitutions', () => {
      assert.equal(editDistance('design', 'design'), 0);
      assert.equal(editDistance('desgn', 'design'), 1);
      assert.equal(editDistance('dezign', 'design'), 1);
      assert.equal(editDistance('sign', 'design'), 2);
    });

    it('suggests the closest names first, at most three', () => {
      assert.deepEqual(suggestions('desgn', ['design', 'build', 'designs', 'resign']).slice(0, 1), ['design']);
      assert.ok(suggestions('task1', ['task2', 'task3', 'task4', 'task5', 'task6']).length <= 3);
      assert.deepEqual(suggestions('zzzzzz', ['design', 'build']), []);
    });

    it('suggests a name that differs only in case', () => {
      assert.deepEqual(suggestions('DESIGN', ['design', 'build']), ['design']);
    });

    it('suggests only ids of the kind the reference needs', () => {
      const d = only(plan`
        resource desig { rate 1/d }
        task design { duration 1d }
        task b { after desgn  duration 1d }
      `, 'unknown-reference');
      assert.ok(d.message.includes("'design'"), d.message);
      assert.ok(!d.message.includes("'desig'"), d.message);
    });
  });
});
