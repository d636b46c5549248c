// The scheduling rules 1–11 of LANGUAGE.md, with exact dates computed by hand.
//
// January 2027:  Mon 04  Tue 05  Wed 06  Thu 07  Fri 08 | Mon 11 … Fri 15 | Mon 18 … Fri 22 | Mon 25 … Fri 29
// February 2027: Mon 01 … Fri 05 | Mon 08 …              March 2027: Mon 01 … Fri 05 | Mon 08 …
// Every snippet without a project gets `project p { start 2027-01-04 }` (a Monday).
import { strict as assert } from 'node:assert';
import {
  describe_, diagnosticsOf, expectCodes, expectDates, expectRange, only, plan, reportOf, scheduleOf, withCode,
} from './helpers';

describe('scheduler', () => {
  describe('rule 1: the earliest point', () => {
    it('a task without constraints starts on the project start', () => {
      const text = plan`task a { duration 2d }`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-04..2027-01-05' });
    });

    it('not before moves the start to that day', () => {
      expectDates(plan`task a { not before 2027-01-06  duration 2d }`, { a: '2027-01-06..2027-01-07' });
    });

    it('not before a day before the project start does nothing', () => {
      const text = plan`task a { not before 2026-12-01  duration 1d }`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-04..2027-01-04' });
    });

    it('not before on a Saturday starts on the Monday', () => {
      const text = plan`task a { not before 2027-01-09  duration 1d }`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-11..2027-01-11' });
    });

    it('not before is a soft floor: dependencies that push later win, with no diagnostic', () => {
      const text = plan`
        task a { duration 5d }
        task b { after a  not before 2027-01-05  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { b: '2027-01-11..2027-01-11' });
    });

    it('not before later than the dependencies wins', () => {
      expectDates(plan`
        task a { duration 1d }
        task b { after a  not before 2027-01-08  duration 1d }
      `, { b: '2027-01-08..2027-01-08' });
    });

    it('the latest of several dependencies wins', () => {
      expectDates(plan`
        task a { duration 2d }
        task b { duration 4d }
        task c { after a, b  duration 1d }
      `, { c: '2027-01-08..2027-01-08' });
    });

    it('a project start on a Saturday moves to the Monday without a diagnostic', () => {
      const text = 'project q { start 2027-01-09 }\ntask a { duration 1d }\n';
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-11..2027-01-11' });
      assert.equal(reportOf(text).project.start, '2027-01-11');
    });

    it('a project start on a holiday moves to the next working day without a diagnostic', () => {
      const text = 'project q { start 2027-04-05  calendar c }\ncalendar c { holiday 2027-04-05 }\ntask a { duration 1d }\n';
      expectCodes(text, []);
      expectDates(text, { a: '2027-04-06..2027-04-06' });
      assert.equal(reportOf(text).project.start, '2027-04-06');
    });
  });

  describe('blocks in any order', () => {
    it('the project, its calendar and references may come after the tasks that use them', () => {
      const text = `task b { after a  duration 8h }
task a { duration 1d }
calendar c { hours 4 }
project p { start 2027-01-04  calendar c }
`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-04..2027-01-04', b: '2027-01-05..2027-01-06' });
    });
  });

  describe('rule 2: constraint points, lags and leads', () => {
    it('after a: the next working day after a ends', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after a  duration 2d }
      `, { a: '2027-01-04..2027-01-06', b: '2027-01-07..2027-01-08' });
    });

    it('after a task that ends on Friday: the Monday', () => {
      expectDates(plan`
        task a { duration 5d }
        task b { after a  duration 1d }
      `, { b: '2027-01-11..2027-01-11' });
    });

    it('after start of a: the day a starts', () => {
      expectDates(plan`
        task a { not before 2027-01-06  duration 3d }
        task b { after start of a  duration 1d }
      `, { b: '2027-01-06..2027-01-06' });
    });

    it('a lag + 2d moves the end point two working days later', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after a + 2d  duration 1d }
      `, { b: '2027-01-11..2027-01-11' });
    });

    it('a lag counts working days across the weekend', () => {
      expectDates(plan`
        task a { duration 5d }
        task b { after a + 1d  duration 1d }
      `, { b: '2027-01-12..2027-01-12' });
    });

    it('a lead - 1d lets the successor start one day before the predecessor ends', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after a - 1d  duration 1d }
      `, { b: '2027-01-06..2027-01-06' });
    });

    it('a lead never goes before the project start', () => {
      const text = plan`
        task a { duration 1d }
        task b { after a - 5d  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { b: '2027-01-04..2027-01-04' });
    });

    it('start-to-start with a lag: one day after a starts', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after start of a + 1d  duration 1d }
      `, { b: '2027-01-05..2027-01-05' });
    });

    it('start-to-start with a lead', () => {
      expectDates(plan`
        task a { not before 2027-01-06  duration 3d }
        task b { after start of a - 1d  duration 1d }
      `, { b: '2027-01-05..2027-01-05' });
    });

    it('start-to-start with a lead across a weekend', () => {
      expectDates(plan`
        task a { not before 2027-01-11  duration 3d }
        task b { after start of a - 1d  duration 1d }
      `, { b: '2027-01-08..2027-01-08' });
    });

    it('a start-to-start lead never goes before the project start', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after start of a - 3d  duration 1d }
      `, { b: '2027-01-04..2027-01-04' });
    });

    it('a fractional lag rounds up to a whole working day', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after a + 0.5d  duration 1d }
      `, { b: '2027-01-08..2027-01-08' });
    });

    it('a fractional lead rounds its size up: - 0.5d is one working day earlier', () => {
      expectDates(plan`
        task a { duration 3d }
        task b { after a - 0.5d  duration 1d }
      `, { b: '2027-01-06..2027-01-06' });
    });

    it('a lag in hours converts with 8 hours a day and rounds up', () => {
      expectDates(plan`
        task a { duration 1d }
        task b { after a + 4h  duration 1d }
        task c { after a + 12h  duration 1d }
        task d { after a + 8h  duration 1d }
      `, { b: '2027-01-06..2027-01-06', c: '2027-01-07..2027-01-07', d: '2027-01-06..2027-01-06' });
    });

    it("a lag in hours converts with the project calendar's hours", () => {
      expectDates(`project p { start 2027-01-04  calendar half }
calendar half { hours 4 }
task a { duration 1d }
task b { after a + 4h  duration 1d }
task c { after a + 6h  duration 1d }
task d { after a + 8h  duration 1d }
`, { b: '2027-01-06..2027-01-06', c: '2027-01-07..2027-01-07', d: '2027-01-07..2027-01-07' });
    });

    it('a zero lag changes nothing', () => {
      expectDates(plan`
        task a { duration 2d }
        task b { after a + 0d  duration 1d }
      `, { b: '2027-01-06..2027-01-06' });
    });

    it('a lag in weeks is 5 working days', () => {
      expectDates(plan`
        task a { duration 1d }
        task b { after a + 1w  duration 1d }
      `, { b: '2027-01-12..2027-01-12' });
    });

    it('a lag in months is 20 working days', () => {
      expectDates(plan`
        task a { duration 1d }
        task b { after a + 1mo  duration 1d }
      `, { b: '2027-02-02..2027-02-02' });
    });

    it('the worked example of the language reference (7.3)', () => {
      const text = `project demo "Time points" { start 2027-03-01 }
task a "Analysis" { duration 3d }
milestone m "Analysis done" { after a }
task b { after m  duration 2d }
task c { after start of a + 1d  duration 1d }
task d { after a - 1d  duration 1d }
task e { after a + 0.5d  duration 4h }
milestone n { after start of b }
task h { after n  duration 1d }
`;
      expectCodes(text, []);
      expectDates(text, {
        a: '2027-03-01..2027-03-03', m: '2027-03-03..2027-03-03', b: '2027-03-04..2027-03-05', c: '2027-03-02..2027-03-02',
        d: '2027-03-03..2027-03-03', e: '2027-03-05..2027-03-05', n: '2027-03-04..2027-03-04', h: '2027-03-04..2027-03-04',
      });
    });
  });

  describe('rule 3: the length of a leaf', () => {
    const cases: [string, string, string][] = [
      ['duration 1d', '', '2027-01-04..2027-01-04'],
      ['duration 1.5d (rounded up)', '', '2027-01-04..2027-01-05'],
      ['duration 0.5d (at least one day)', '', '2027-01-04..2027-01-04'],
      ['duration 4h', '', '2027-01-04..2027-01-04'],
      ['duration 12h', '', '2027-01-04..2027-01-05'],
      ['duration 2w', '', '2027-01-04..2027-01-15'],
      ['duration 1mo', '', '2027-01-04..2027-01-29'],
      ['duration 0.5w', '', '2027-01-04..2027-01-06'],
      ['effort 6d', 'assign a, b 50%', '2027-01-04..2027-01-07'],
      ['effort 5d', 'assign a 50%', '2027-01-04..2027-01-15'],
      ['effort 3d', 'assign team 300%', '2027-01-04..2027-01-04'],
      ['effort 4d', 'assign a, b, c', '2027-01-04..2027-01-05'],
      ['effort 1d', 'assign a 30%', '2027-01-04..2027-01-07'],
      ['effort 12h', 'assign a', '2027-01-04..2027-01-05'],
      ['duration 3d', 'assign b 50%', '2027-01-04..2027-01-06'],
      ['duration 3d', 'assign team 300%', '2027-01-04..2027-01-06'],
    ];
    for (const [estimate, assign, dates] of cases) {
      it(`${estimate} ${assign}: ${dates}`, () => {
        const text = plan`
          resource a { rate 1/d }
          resource b { rate 1/d }
          resource c { rate 1/d }
          resource team { rate 1/d  capacity 300% }
          task t { ${estimate.replace(/ \(.*\)$/, '')}  ${assign} }
        `;
        expectCodes(text, []);
        expectDates(text, { t: dates });
      });
    }

    it("durations and efforts in hours convert with the project calendar's hours", () => {
      const text = `project p { start 2027-01-04  calendar six }
calendar six { hours 6 }
resource r { rate 1/d }
task a { effort 12h  assign r }
task b { duration 3h }
task c { duration 18h }
task d { duration 7h }
`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-04..2027-01-05', b: '2027-01-04..2027-01-04', c: '2027-01-04..2027-01-06', d: '2027-01-04..2027-01-05' });
    });

    it('after a milestone at the start of D, a leaf starts on D', () => {
      expectDates(plan`
        milestone m { on 2027-01-06 }
        task t { after m  duration 1d }
      `, { t: '2027-01-06..2027-01-06' });
    });

    it('reports the length in working days as duration', () => {
      const s = scheduleOf(plan`
        resource a { rate 1/d }
        task t { effort 5d  assign a 50% }
        task u { duration 2w }
      `);
      assert.equal(s.t!.duration, 10);
      assert.equal(s.u!.duration, 10);
    });
  });

  describe('rule 4: missing estimates', () => {
    it('a leaf with neither duration nor effort lasts one day: missing-estimate (warning) on its id', () => {
      const text = plan`
        task a
        task b { owner nobody_here }
        task c { }
      `;
      const all = diagnosticsOf(text).filter((d) => d.code === 'missing-estimate');
      assert.equal(all.length, 3, describe_(diagnosticsOf(text)));
      expectRange(all.find((d) => d.line === 3)!, text, 'c');
      assert.ok(all.every((d) => d.severity === 'warning'));
      expectDates(text, { a: '2027-01-04..2027-01-04', c: '2027-01-04..2027-01-04' });
    });

    it('effort without assign is effort-without-assignee (warning) on the effort, scheduled as a duration', () => {
      const text = plan`
        task a { effort 3d }
        task b { after a  duration 1d }
      `;
      const d = expectCodes(text, ['effort-without-assignee@1'])[0]!;
      expectRange(d, text, 'effort 3d');
      assert.equal(d.severity, 'warning');
      expectDates(text, { a: '2027-01-04..2027-01-06', b: '2027-01-07..2027-01-07' });
    });
  });

  describe('rule 5: groups', () => {
    it("a group spans from its earliest child's start to its latest child's end", () => {
      const text = plan`
        task g {
          task x { duration 2d }
          task y { not before 2027-01-06  duration 3d }
        }
      `;
      expectCodes(text, []);
      expectDates(text, { g: '2027-01-04..2027-01-08', x: '2027-01-04..2027-01-05', y: '2027-01-06..2027-01-08' });
      const s = scheduleOf(text);
      assert.equal(s.g!.kind, 'group');
      assert.equal(s.g!.duration, 5);
    });

    it('after on a group applies to each of its children', () => {
      expectDates(plan`
        task a { duration 2d }
        task g {
          after a
          task x { duration 1d }
          task y { duration 2d }
        }
      `, { x: '2027-01-06..2027-01-06', y: '2027-01-06..2027-01-07', g: '2027-01-06..2027-01-07' });
    });

    it('after on a group applies to grandchildren too', () => {
      expectDates(plan`
        task a { duration 1d }
        task outer {
          after a
          task inner {
            task leaf { duration 1d }
          }
        }
      `, { leaf: '2027-01-05..2027-01-05', inner: '2027-01-05..2027-01-05', outer: '2027-01-05..2027-01-05' });
    });

    it('a group as predecessor: after its latest child ends', () => {
      expectDates(plan`
        task g {
          task x { duration 1d }
          task y { duration 3d }
        }
        task b { after g  duration 1d }
      `, { b: '2027-01-07..2027-01-07' });
    });

    it('after start of a group: when its earliest child starts', () => {
      expectDates(plan`
        task g {
          task x { not before 2027-01-06  duration 1d }
          task y { not before 2027-01-05  duration 1d }
        }
        task b { after start of g  duration 1d }
      `, { b: '2027-01-05..2027-01-05' });
    });

    it('the worked example of the language reference (7.7): a lag on a group', () => {
      const text = plan`
        task spec { duration 4d }
        task g {
          after spec + 2d
          task g1 { duration 1d }
          task g2 { after g1  duration 2d }
        }
      `;
      expectCodes(text, []);
      expectDates(text, { spec: '2027-01-04..2027-01-07', g1: '2027-01-12..2027-01-12', g2: '2027-01-13..2027-01-14', g: '2027-01-12..2027-01-14' });
    });

    it('not before on a group applies to its descendants', () => {
      expectDates(plan`
        task g {
          not before 2027-01-06
          task x { duration 1d }
          task h { task y { duration 1d } }
        }
      `, { x: '2027-01-06..2027-01-06', y: '2027-01-06..2027-01-06', g: '2027-01-06..2027-01-06' });
    });

    it('start on a group is a floor for its descendants', () => {
      const text = plan`
        task g {
          start 2027-01-06
          task x { duration 1d }
          task y { not before 2027-01-07  duration 1d }
        }
      `;
      expectCodes(text, []);
      expectDates(text, { x: '2027-01-06..2027-01-06', y: '2027-01-07..2027-01-07', g: '2027-01-06..2027-01-07' });
    });

    it('a group containing a milestone ends at the milestone when it is latest', () => {
      expectDates(plan`
        task g {
          task x { duration 1d }
          milestone m { on 2027-01-06 }
        }
      `, { g: '2027-01-04..2027-01-06', m: '2027-01-06..2027-01-06' });
    });

    it('a task after a group waits for a nested child', () => {
      expectDates(plan`
        task g {
          task h {
            task deep { duration 4d }
          }
          task x { duration 1d }
        }
        task b { after g  duration 1d }
      `, { b: '2027-01-08..2027-01-08' });
    });

    it('effort is summed for a group in the report', () => {
      const s = scheduleOf(plan`
        resource r { rate 1/d  capacity 300% }
        task g {
          task x { effort 2d  assign r }
          task y { duration 3d  assign r 50% }
        }
      `);
      assert.equal(s.g!.effort, 3.5);
      assert.equal(s.g!.parent, null);
      assert.equal(s.x!.parent, 'g');
    });
  });

  describe('rule 6: milestones', () => {
    it('a milestone after a task that ends on D falls on D; a task after it starts the next working day', () => {
      const text = plan`
        task a { duration 3d }
        milestone m { after a }
        task b { after m  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { m: '2027-01-06..2027-01-06', b: '2027-01-07..2027-01-07' });
    });

    it('a milestone after a task that ends on Friday falls on Friday; the next task starts Monday', () => {
      expectDates(plan`
        task a { duration 5d }
        milestone m { after a }
        task b { after m  duration 1d }
      `, { m: '2027-01-08..2027-01-08', b: '2027-01-11..2027-01-11' });
    });

    it('a milestone without dependencies sits at the project start; a task after it starts that day', () => {
      expectDates(plan`
        milestone m
        task t { after m  duration 1d }
      `, { m: '2027-01-04..2027-01-04', t: '2027-01-04..2027-01-04' });
    });

    it('a milestone on D sits at the start of D; a task after it starts on D', () => {
      const text = plan`
        milestone m { on 2027-01-06 }
        task t { after m  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { m: '2027-01-06..2027-01-06', t: '2027-01-06..2027-01-06' });
    });

    it('a start point on a non-working day moves to the start of the next working day', () => {
      const text = plan`
        milestone m { not before 2027-01-09 }
        task t { after m  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { m: '2027-01-11..2027-01-11', t: '2027-01-11..2027-01-11' });
    });

    it('a milestone after start of a task falls on the day it starts', () => {
      expectDates(plan`
        task a { not before 2027-01-05  duration 3d }
        milestone m { after start of a }
      `, { m: '2027-01-05..2027-01-05' });
    });

    it('a milestone after a task with a lag falls on the end of the lag', () => {
      expectDates(plan`
        task a { duration 2d }
        milestone m { after a + 2d }
        task b { after m  duration 1d }
      `, { m: '2027-01-07..2027-01-07', b: '2027-01-08..2027-01-08' });
    });

    it('a milestone after a milestone at the start of D sits at the start of D', () => {
      expectDates(plan`
        milestone m1 { on 2027-01-06 }
        milestone m2 { after m1 }
        task t { after m2  duration 1d }
      `, { m2: '2027-01-06..2027-01-06', t: '2027-01-06..2027-01-06' });
    });

    it('a lag after a start point moves to the start of a later working day', () => {
      expectDates(plan`
        milestone m1 { on 2027-01-08 }
        milestone m2 { after m1 + 1d }
        task t { after m2  duration 1d }
      `, { m2: '2027-01-11..2027-01-11', t: '2027-01-11..2027-01-11' });
    });

    it('milestones are reported with kind milestone and duration 0', () => {
      const s = scheduleOf(plan`milestone m "Gate" { on 2027-01-05 }`);
      assert.equal(s.m!.kind, 'milestone');
      assert.equal(s.m!.duration, 0);
      assert.equal(s.m!.name, 'Gate');
      assert.equal(s.m!.start, s.m!.end);
    });
  });

  describe('rule 7: pins', () => {
    it('start D on a leaf starts it on D', () => {
      const text = plan`task a { start 2027-01-06  duration 2d }`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-06..2027-01-07' });
    });

    it('a pin after what the dependencies require is fine', () => {
      const text = plan`
        task design { duration 3d }
        task test { after design  start 2027-01-07  duration 2d }
        task later { after design  start 2027-01-12  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { test: '2027-01-07..2027-01-08', later: '2027-01-12..2027-01-12' });
    });

    it('a pin on the day the predecessor ends is start-before-dependency on the start property', () => {
      const text = plan`
        task design { duration 3d }
        task build { after design  start 2027-01-06  duration 2d }
      `;
      const d = expectCodes(text, ['start-before-dependency@2'])[0]!;
      expectRange(d, text, 'start 2027-01-06');
      assert.equal(d.severity, 'error');
      assert.ok(d.message.includes('design'), d.message);
      assert.ok(d.message.includes('2027-01-06'), d.message);
      expectDates(text, { build: '2027-01-06..2027-01-07' });
    });

    it('a pin before the predecessor ends is start-before-dependency and the pin still wins', () => {
      const text = plan`
        task design { duration 3d }
        task build { after design  start 2027-01-05  duration 1d }
        task next { after build  duration 1d }
      `;
      expectCodes(text, ['start-before-dependency@2']);
      expectDates(text, { build: '2027-01-05..2027-01-05', next: '2027-01-06..2027-01-06' });
    });

    it('start-to-start: a pin on the day the predecessor starts is fine, the day before is not', () => {
      expectCodes(plan`
        task a { not before 2027-01-06  duration 3d }
        task ok { after start of a  start 2027-01-06  duration 1d }
      `, []);
      const text = plan`
        task a { not before 2027-01-06  duration 3d }
        task bad { after start of a  start 2027-01-05  duration 1d }
      `;
      const d = expectCodes(text, ['start-before-dependency@2'])[0]!;
      assert.ok(d.message.includes('a'), d.message);
    });

    it('a lag counts in the conflict: after a + 2d', () => {
      expectCodes(plan`
        task a { duration 1d }
        task b { after a + 2d  start 2027-01-06  duration 1d }
      `, ['start-before-dependency@2']);
      expectCodes(plan`
        task a { duration 1d }
        task b { after a + 2d  start 2027-01-07  duration 1d }
      `, []);
    });

    it("a dependency inherited from the group conflicts with a child's pin", () => {
      const text = plan`
        task a { duration 2d }
        task g {
          after a
          task x { start 2027-01-05  duration 1d }
        }
      `;
      const d = expectCodes(text, ['start-before-dependency@4'])[0]!;
      assert.ok(d.message.includes('a'), d.message);
    });

    it('not before does not conflict with a pin: the pin wins', () => {
      const text = plan`task a { start 2027-01-05  not before 2027-01-07  duration 1d }`;
      expectCodes(text, []);
      expectDates(text, { a: '2027-01-05..2027-01-05' });
    });

    it('a milestone on the day its predecessor ends sits at the end of that day', () => {
      const text = plan`
        task b { duration 2d }
        milestone review { after b  on 2027-01-05 }
        task next { after review  duration 1d }
      `;
      expectCodes(text, []);
      expectDates(text, { review: '2027-01-05..2027-01-05', next: '2027-01-06..2027-01-06' });
    });

    it('a milestone on a day before its predecessor ends is start-before-dependency on the on, and stays at the start of D', () => {
      const text = plan`
        task b { duration 2d }
        milestone review { after b  on 2027-01-04 }
        task next { after review  duration 1d }
      `;
      const d = expectCodes(text, ['start-before-dependency@2'])[0]!;
      expectRange(d, text, 'on 2027-01-04');
      assert.ok(d.message.includes('b'), d.message);
      assert.ok(d.message.includes('2027-01-05'), d.message);
      expectDates(text, { review: '2027-01-04..2027-01-04', next: '2027-01-04..2027-01-04' });
    });

    it('a milestone on a day after its predecessor ends sits at the start of that day', () => {
      expectDates(plan`
        task b { duration 2d }
        milestone m { after b  on 2027-01-07 }
        task next { after m  duration 1d }
      `, { m: '2027-01-07..2027-01-07', next: '2027-01-07..2027-01-07' });
    });

    it('a start before the project start is invalid-value, not start-before-dependency', () => {
      const text = plan`task a { start 2026-12-28  duration 1d }`;
      const d = expectCodes(text, ['invalid-value@0'])[0]!;
      expectRange(d, text, '2026-12-28');
    });

    it('an on before the project start is invalid-value', () => {
      const text = plan`
        milestone m { on 2026-12-31 }
      `;
      const d = expectCodes(text, ['invalid-value@1'])[0]!;
      expectRange(d, text, '2026-12-31');
    });

    it('a pin on a Saturday is non-working-day (error) on the date', () => {
      const text = plan`task a { start 2027-01-09  duration 1d }`;
      const d = expectCodes(text, ['non-working-day@0'])[0]!;
      expectRange(d, text, '2027-01-09');
      assert.equal(d.severity, 'error');
    });

    it('an on on a Sunday is non-working-day', () => {
      expectCodes(plan`
        milestone m { on 2027-01-10 }
      `, ['non-working-day@1']);
    });

    it('a pin on a holiday of the project calendar is non-working-day', () => {
      const text = `project p { start 2027-01-04  calendar c }
calendar c { holiday 2027-04-05 }
task a { start 2027-04-05  duration 1d }
milestone m { on 2027-04-05 }
`;
      expectCodes(text, ['non-working-day@2', 'non-working-day@3']);
    });
  });

  describe('rule 9: cycles', () => {
    it('a three-task cycle: dependency-cycle on every reference in it, listing the cycle', () => {
      const text = plan`
        task a { after b  duration 1d }
        task b { after c  duration 1d }
        task c { after a  duration 1d }
        task d { duration 2d }
      `;
      const all = expectCodes(text, ['dependency-cycle@1', 'dependency-cycle@2', 'dependency-cycle@3']);
      expectRange(all[0]!, text, 'b', 1);
      expectRange(all[1]!, text, 'c', 1);
      expectRange(all[2]!, text, 'a', 2);
      for (const d of all) {
        assert.equal(d.severity, 'error');
        assert.ok(d.message.includes('a → b → c → a'), d.message);
      }
    });

    it('the tasks of a cycle are unscheduled; everything else is scheduled', () => {
      const s = scheduleOf(plan`
        task a { after b  duration 1d }
        task b { after a  duration 1d }
        task d { duration 2d }
        task e { after d  duration 1d }
      `);
      for (const id of ['a', 'b']) {
        assert.equal(s[id]!.start, null);
        assert.equal(s[id]!.end, null);
        assert.equal(s[id]!.duration, null);
        assert.equal(s[id]!.slack, null);
        assert.equal(s[id]!.critical, false);
      }
      assert.equal(`${s.d!.start}..${s.d!.end}`, '2027-01-04..2027-01-05');
      assert.equal(s.e!.start, '2027-01-06');
    });

    it('a two-task cycle lists both: a → b → a', () => {
      const all = withCode(plan`
        task a { after b  duration 1d }
        task b { after a  duration 1d }
      `, 'dependency-cycle');
      assert.equal(all.length, 2);
      assert.ok(all.every((d) => d.message.includes('a → b → a')), describe_(all));
    });

    it('the cycle starts with its first task in document order', () => {
      const all = withCode(plan`
        task b { after c  duration 1d }
        task a { after b  duration 1d }
        task c { after a  duration 1d }
      `, 'dependency-cycle');
      assert.equal(all.length, 3);
      assert.ok(all.every((d) => d.message.includes('b → c → a → b')), describe_(all));
    });

    it('a task after itself is a cycle', () => {
      const text = plan`
        task a { after a  duration 1d }
      `;
      const d = expectCodes(text, ['dependency-cycle@1'])[0]!;
      expectRange(d, text, 'a', 2);
      assert.equal(scheduleOf(text).a!.start, null);
    });

    it('only the references inside the cycle are reported', () => {
      const text = plan`
        task x { duration 1d }
        task a { after b, x  duration 1d }
        task b { after a  duration 1d }
      `;
      const all = expectCodes(text, ['dependency-cycle@2', 'dependency-cycle@3']);
      expectRange(all[0]!, text, 'b', 1);
    });

    it('start-to-start references can form a cycle too', () => {
      expectCodes(plan`
        task a { after start of b  duration 1d }
        task b { after start of a  duration 1d }
      `, ['dependency-cycle@1', 'dependency-cycle@2']);
    });

    it('a cycle through a milestone', () => {
      expectCodes(plan`
        task t { after m  duration 1d }
        milestone m { after t }
      `, ['dependency-cycle@1', 'dependency-cycle@2']);
    });

    it('a cycle through a group is reported on its references', () => {
      const text = plan`
        task g {
          task x { after y  duration 1d }
        }
        task y { after g  duration 1d }
      `;
      const all = withCode(text, 'dependency-cycle');
      assert.equal(all.length, 2, describe_(diagnosticsOf(text)));
      assert.deepEqual(all.map((d) => d.line).sort(), [2, 4]);
      assert.ok(all.every((d) => /g/.test(d.message) && /y/.test(d.message)), describe_(all));
    });

    it('a successor of a cycle member is still scheduled', () => {
      const text = plan`
        task a { after b  duration 1d }
        task b { after a  duration 1d }
        task e { after a  duration 2d }
      `;
      expectDates(text, { e: '2027-01-04..2027-01-05' });
    });

    it('other problems are still found next to a cycle', () => {
      const text = plan`
        task a { after b  duration 1d }
        task b { after a  duration 1d }
        task d { duration 5d  deadline 2027-01-06 }
        task e { after ghost  duration 1d }
        resource r { rate 1/d }
        task f { duration 2d  assign r }
        task g { duration 2d  assign r }
      `;
      expectCodes(text, [
        'dependency-cycle@1', 'dependency-cycle@2', 'deadline-missed@3', 'unknown-reference@4',
        'resource-overallocated@6', 'resource-overallocated@7',
      ]);
    });
  });

  describe('rule 10: deadlines and lateness', () => {
    it('a task ending after its deadline is deadline-missed on the deadline, by working days', () => {
      const text = plan`
        task a { duration 5d  deadline 2027-01-06 }
      `;
      const d = expectCodes(text, ['deadline-missed@1'])[0]!;
      expectRange(d, text, 'deadline 2027-01-06');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /\b2 working days\b/);
      assert.ok(d.message.includes('a'));
    });

    it('ending on the deadline is fine', () => {
      expectCodes(plan`task a { duration 5d  deadline 2027-01-08 }`, []);
    });

    it('a deadline on a Saturday: ending the Monday after is one working day late', () => {
      const d = only(plan`task a { duration 6d  deadline 2027-01-09 }`, 'deadline-missed');
      assert.match(d.message, /\b1 working day\b/);
    });

    it('a late milestone', () => {
      const text = plan`
        task a { duration 5d }
        milestone m { after a  deadline 2027-01-07 }
      `;
      const d = expectCodes(text, ['deadline-missed@2'])[0]!;
      assert.match(d.message, /\b1 working day\b/);
      assert.ok(d.message.includes('m'));
    });

    it('a late group', () => {
      const text = plan`
        task g {
          deadline 2027-01-05
          task x { duration 3d }
        }
      `;
      const d = expectCodes(text, ['deadline-missed@2'])[0]!;
      assert.match(d.message, /\b1 working day\b/);
    });

    it('the project ending after its deadline: on the project deadline', () => {
      const text = 'project p { start 2027-01-04  deadline 2027-01-08 }\ntask a { duration 2w }\n';
      const d = expectCodes(text, ['deadline-missed@0'])[0]!;
      expectRange(d, text, 'deadline 2027-01-08');
      assert.match(d.message, /\b5 working days\b/);
    });

    it('a leaf past its end at the status date with progress below 100% is late (warning) on its id', () => {
      const text = `project p { start 2027-01-04  status 2027-01-11 }
task survey { duration 5d  progress 80% }
task done { duration 5d  progress 100% }
task running { duration 6d  progress 10% }
`;
      const d = expectCodes(text, ['late@1'])[0]!;
      expectRange(d, text, 'survey');
      assert.equal(d.severity, 'warning');
    });

    it('a leaf without progress past its end is late', () => {
      expectCodes('project p { start 2027-01-04  status 2027-01-11 }\ntask t { duration 1d }\n', ['late@1']);
    });

    it('a leaf ending on the status date is not late', () => {
      expectCodes('project p { start 2027-01-04  status 2027-01-08 }\ntask t { duration 5d }\n', []);
    });

    it('without a status date nothing is late', () => {
      expectCodes(plan`task t { duration 1d  progress 0% }`, []);
    });

    it('groups are not late by themselves; their leaves are', () => {
      expectCodes('project p { start 2027-01-04  status 2027-02-01 }\ntask g {\n  task x { duration 1d }\n}\n', ['late@2']);
    });
  });

  describe('rule 11: slack and the critical path', () => {
    const example = plan`
      milestone kickoff { on 2027-01-04 }
      task a { after kickoff  duration 5d }
      task b { after kickoff  duration 2d }
      task c { after a, b  duration 1d }
    `;

    it('slack is latest start minus earliest start; slack 0 is critical', () => {
      const s = scheduleOf(example);
      assert.deepEqual(
        ['kickoff', 'a', 'b', 'c'].map((id) => [id, s[id]!.slack, s[id]!.critical]),
        [['kickoff', 0, true], ['a', 0, true], ['b', 3, false], ['c', 0, true]],
      );
      assert.equal(s.c!.start, '2027-01-11');
    });

    it('a later project deadline gives every task that much more slack', () => {
      const text = example.replace('project p { start 2027-01-04 }', 'project p { start 2027-01-04  deadline 2027-01-15 }');
      const s = scheduleOf(text);
      assert.deepEqual(['kickoff', 'a', 'b', 'c'].map((id) => [id, s[id]!.slack, s[id]!.critical]),
        [['kickoff', 4, false], ['a', 4, false], ['b', 7, false], ['c', 4, false]]);
    });

    it('an earlier project deadline does not take slack below zero: the backward pass starts from the end', () => {
      const text = example.replace('project p { start 2027-01-04 }', 'project p { start 2027-01-04  deadline 2027-01-06 }');
      const s = scheduleOf(text);
      assert.deepEqual(['a', 'b', 'c'].map((id) => s[id]!.slack), [0, 3, 0]);
    });

    it('independent tasks: the longest is critical, the others have the difference as slack', () => {
      const s = scheduleOf(plan`
        task long { duration 5d }
        task short { duration 2d }
      `);
      assert.deepEqual([s.long!.slack, s.short!.slack, s.long!.critical, s.short!.critical], [0, 3, true, false]);
    });

    it('slack counts working days across a weekend', () => {
      const s = scheduleOf(plan`
        task long { duration 7d }
        task short { duration 2d }
      `);
      assert.equal(s.short!.slack, 5);
    });

    it('a milestone that nothing waits for has the slack up to the project end', () => {
      const s = scheduleOf(plan`
        task a { duration 2d }
        milestone m { after a }
        task b { duration 3d }
      `);
      assert.equal(s.m!.slack, 1);
      assert.equal(s.a!.slack, 1);
      assert.equal(s.b!.slack, 0);
    });

    it("a group's slack is the smallest slack of its children", () => {
      const s = scheduleOf(plan`
        task g {
          task x { duration 2d }
          task y { duration 1d }
        }
        task z { duration 4d }
      `);
      assert.deepEqual([s.x!.slack, s.y!.slack, s.g!.slack, s.g!.critical], [2, 3, 2, false]);
    });

    it('a chain through a lag is critical end to end', () => {
      const s = scheduleOf(plan`
        task a { duration 2d }
        task b { after a + 2d  duration 1d }
        task c { duration 1d }
      `);
      assert.deepEqual([s.a!.slack, s.b!.slack, s.c!.slack], [0, 0, 4]);
    });

    it('a pinned successor leaves its predecessor the room up to the pin', () => {
      const s = scheduleOf(plan`
        task a { duration 2d }
        task b { after a  start 2027-01-11  duration 1d }
      `);
      assert.deepEqual([s.a!.slack, s.b!.slack, s.b!.critical], [3, 0, true]);
    });

    it('start-to-start: the successor may slide to the project end, the predecessor is critical', () => {
      const s = scheduleOf(plan`
        task a { duration 5d }
        task b { after start of a  duration 1d }
      `);
      assert.deepEqual([s.a!.slack, s.b!.slack], [0, 4]);
    });

    it('a lead keeps both tasks critical', () => {
      const s = scheduleOf(plan`
        task a { duration 3d }
        task b { after a - 1d  duration 2d }
      `);
      assert.deepEqual([s.a!.slack, s.b!.slack], [0, 0]);
      assert.equal(s.b!.end, '2027-01-07');
    });

    it('a group as predecessor: only its latest child is critical', () => {
      const s = scheduleOf(plan`
        task g {
          task x { duration 2d }
          task y { duration 4d }
        }
        task b { after g  duration 1d }
      `);
      assert.deepEqual([s.x!.slack, s.y!.slack, s.g!.slack, s.b!.slack], [2, 0, 0, 0]);
    });

    it("after on a group constrains its predecessor by the group's most urgent child", () => {
      // a 01-04; x 01-05; y 01-05..01-07; z 01-04..01-11 sets the end.
      const s = scheduleOf(plan`
        task a { duration 1d }
        task g {
          after a
          task x { duration 1d }
          task y { duration 3d }
        }
        task z { duration 6d }
      `);
      assert.deepEqual([s.a!.slack, s.x!.slack, s.y!.slack, s.g!.slack, s.z!.slack], [2, 4, 2, 2, 0]);
    });

    it('a chain through a milestone at the end of a day stays critical (end of D = start of D+1)', () => {
      const s = scheduleOf(plan`
        task a { duration 2d }
        milestone m { after a }
        task b { after m  duration 1d }
        task side { duration 1d }
      `);
      assert.deepEqual([s.a!.slack, s.m!.slack, s.b!.slack, s.side!.slack], [0, 0, 0, 2]);
      assert.deepEqual([s.a!.critical, s.m!.critical, s.b!.critical], [true, true, true]);
    });

    it('the project end is the latest end of any task or milestone', () => {
      const r = reportOf(plan`
        task a { duration 2d }
        milestone m { on 2027-01-13 }
      `);
      assert.equal(r.project.end, '2027-01-13');
    });
  });
});
