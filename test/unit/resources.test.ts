// Resource load (rule 8): capacity, over-allocation, leave, resource calendars. Version 1 reports
// and never moves tasks. January 2027: Mon 04 … Fri 08, Mon 11 … Fri 15.
import { strict as assert } from 'node:assert';
import { describe_, diagnosticsOf, expectCodes, expectDates, expectRange, plan, withCode } from './helpers';

describe('resources', () => {
  describe('over-allocation', () => {
    it('two parallel full-time tasks: both assigns are reported (warning), on the resource', () => {
      const text = plan`
        resource alice { rate 1/d }
        task spec { duration 2d  assign alice }
        task review { duration 2d  assign alice }
      `;
      const all = expectCodes(text, ['resource-overallocated@2', 'resource-overallocated@3']);
      expectRange(all[0]!, text, 'alice', 2);
      expectRange(all[1]!, text, 'alice', 3);
      assert.ok(all.every((d) => d.severity === 'warning'));
    });

    it('the message names the other task and the first over-allocated day', () => {
      // spec 01-04..01-07 at 100%, review 01-06..01-07 at 50%: 150% from 2027-01-06.
      const text = plan`
        resource alice { rate 700/d }
        task spec { effort 4d  assign alice }
        task review { duration 2d  assign alice 50%  not before 2027-01-06 }
      `;
      const all = expectCodes(text, ['resource-overallocated@2', 'resource-overallocated@3']);
      const [onSpec, onReview] = all as [typeof all[0], typeof all[0]];
      assert.ok(onSpec.message.includes('review'), onSpec.message);
      assert.ok(onReview.message.includes('spec'), onReview.message);
      for (const d of all) {
        assert.ok(d.message.includes('2027-01-06'), d.message);
        assert.ok(!d.message.includes('2027-01-04'), d.message);
        assert.ok(d.message.includes('alice'), d.message);
      }
    });

    it('names every other task involved', () => {
      const text = plan`
        resource r { rate 1/d  capacity 200% }
        task a { duration 1d  assign r }
        task b { duration 1d  assign r }
        task c { duration 1d  assign r }
      `;
      const all = withCode(text, 'resource-overallocated');
      assert.equal(all.length, 3, describe_(diagnosticsOf(text)));
      const onA = all.find((d) => d.line === 2)!;
      assert.ok(onA.message.includes('b') && onA.message.includes('c'), onA.message);
    });

    it('the first day is where the overlap begins, not where the tasks begin', () => {
      const text = plan`
        resource r { rate 1/d }
        task a { duration 5d  assign r }
        task b { not before 2027-01-07  duration 3d  assign r }
      `;
      const all = withCode(text, 'resource-overallocated');
      assert.equal(all.length, 2);
      for (const d of all) assert.ok(d.message.includes('2027-01-07'), d.message);
    });

    it('each assign gets the first day of its own overload', () => {
      // a runs 01-04..01-08; b overlaps it on 01-04, c on 01-08.
      const text = plan`
        resource r { rate 1/d }
        task a { duration 5d  assign r }
        task b { duration 1d  assign r 50% }
        task c { not before 2027-01-08  duration 1d  assign r 50% }
      `;
      const all = expectCodes(text, ['resource-overallocated@2', 'resource-overallocated@3', 'resource-overallocated@4']);
      assert.ok(all[0]!.message.includes('2027-01-04') && all[0]!.message.includes('b'), all[0]!.message);
      assert.ok(all[1]!.message.includes('2027-01-04') && all[1]!.message.includes('a'), all[1]!.message);
      assert.ok(all[2]!.message.includes('2027-01-08') && all[2]!.message.includes('a'), all[2]!.message);
    });

    it('sequential tasks do not over-allocate', () => {
      expectCodes(plan`
        resource r { rate 1/d }
        task a { duration 2d  assign r }
        task b { after a  duration 2d  assign r }
      `, []);
    });

    it('a lead that makes sequential tasks overlap over-allocates', () => {
      expectCodes(plan`
        resource r { rate 1/d }
        task a { duration 2d  assign r }
        task b { after a - 1d  duration 2d  assign r }
      `, ['resource-overallocated@2', 'resource-overallocated@3']);
    });

    it('allocations that add up to exactly the capacity are fine', () => {
      expectCodes(plan`
        resource r { rate 1/d }
        task a { duration 2d  assign r 50% }
        task b { duration 2d  assign r 50% }
      `, []);
    });

    it('a team with capacity 300% takes three full-time tasks at once', () => {
      expectCodes(plan`
        resource team { rate 1/d  capacity 300% }
        task a { duration 2d  assign team }
        task b { duration 2d  assign team }
        task c { duration 2d  assign team }
      `, []);
    });

    it('a fourth full-time task over-allocates the team of three', () => {
      const text = plan`
        resource team { rate 1/d  capacity 300% }
        task a { duration 2d  assign team }
        task b { duration 2d  assign team }
        task c { duration 2d  assign team }
        task d { duration 2d  assign team }
      `;
      assert.equal(withCode(text, 'resource-overallocated').length, 4);
    });

    it('a resource with capacity below 100% assigned at the default 100% is over-allocated, alone', () => {
      const text = plan`
        resource seo { rate 1/d  capacity 50% }
        task t { duration 3d  assign seo }
      `;
      const d = expectCodes(text, ['resource-overallocated@2'])[0]!;
      expectRange(d, text, 'seo', 2);
      assert.ok(d.message.includes('2027-01-04'), d.message);
    });

    it('a resource with capacity 50% assigned at 50% is fine', () => {
      expectCodes(plan`
        resource seo { rate 1/d  capacity 50% }
        task t { duration 3d  assign seo 50% }
      `, []);
    });

    it('a single allocation above 100% over-allocates a person', () => {
      expectCodes(plan`
        resource r { rate 1/d }
        task t { effort 4d  assign r 200% }
      `, ['resource-overallocated@2']);
    });

    it('only the assigns involved are reported', () => {
      const text = plan`
        resource r { rate 1/d }
        resource s { rate 1/d }
        task a { duration 2d  assign r, s }
        task b { duration 2d  assign r }
        task c { after a  duration 2d  assign s }
      `;
      const all = expectCodes(text, ['resource-overallocated@3', 'resource-overallocated@4']);
      expectRange(all[0]!, text, 'r', 2);
    });

    it('tasks are not moved: the over-allocated tasks keep their dates', () => {
      expectDates(plan`
        resource r { rate 1/d }
        task a { duration 2d  assign r }
        task b { duration 2d  assign r }
      `, { a: '2027-01-04..2027-01-05', b: '2027-01-04..2027-01-05' });
    });
  });

  describe('leave', () => {
    it('work on a leave day is resource-on-leave (warning) on the resource in the assign', () => {
      const text = plan`
        resource alice { rate 1/d  leave 2027-01-06 }
        task t { duration 5d  assign alice }
      `;
      const all = withCode(text, 'resource-on-leave');
      assert.ok(all.length >= 1, describe_(diagnosticsOf(text)));
      for (const d of all) {
        expectRange(d, text, 'alice', 2);
        assert.equal(d.severity, 'warning');
        assert.ok(d.message.includes('alice') && d.message.includes('t'), d.message);
      }
      assert.ok(all.some((d) => d.message.includes('2027-01-06')), describe_(all));
    });

    it('leave outside the task is fine', () => {
      expectCodes(plan`
        resource alice { rate 1/d  leave 2027-01-11..2027-01-15 }
        task t { duration 5d  assign alice }
      `, []);
    });

    it('a leave range overlapping the end of a task is reported', () => {
      const text = plan`
        resource alice { rate 1/d  leave 2027-01-08..2027-01-20 }
        task t { duration 5d  assign alice }
      `;
      assert.ok(withCode(text, 'resource-on-leave').length >= 1);
      assert.ok(withCode(text, 'resource-on-leave').some((d) => d.message.includes('2027-01-08')));
    });

    it('leave on a weekend inside a task is not work on leave', () => {
      expectCodes(plan`
        resource alice { rate 1/d  leave 2027-01-09..2027-01-10 }
        task t { duration 10d  assign alice }
      `, []);
    });

    it('leave does not move the task', () => {
      expectDates(plan`
        resource alice { rate 1/d  leave 2027-01-04..2027-01-05 }
        task t { duration 3d  assign alice }
      `, { t: '2027-01-04..2027-01-06' });
    });

    it('the leave of one resource does not concern another one on the same task', () => {
      const text = plan`
        resource alice { rate 1/d  leave 2027-01-05 }
        resource bob { rate 1/d }
        task t { duration 3d  assign bob 50%, alice 50% }
      `;
      const all = withCode(text, 'resource-on-leave');
      assert.ok(all.length >= 1);
      for (const d of all) expectRange(d, text, 'alice', 2);
    });

    it('a leave given as several entries: each counts', () => {
      const text = plan`
        resource alice { rate 1/d  leave 2027-01-04  leave 2027-01-20 }
        task a { duration 1d  assign alice }
        task b { not before 2027-01-20  duration 1d  assign alice }
        task c { not before 2027-01-12  duration 1d  assign alice }
      `;
      const lines = new Set(withCode(text, 'resource-on-leave').map((d) => d.line));
      assert.deepEqual([...lines].sort(), [2, 3]);
    });
  });

  describe('resource calendars', () => {
    it("work on a day outside the resource's own calendar is resource-on-leave", () => {
      const text = plan`
        calendar mon-thu { workdays mon-thu }
        resource pat { rate 600/d  calendar mon-thu }
        task t { duration 5d  assign pat }
      `;
      const all = withCode(text, 'resource-on-leave');
      assert.ok(all.length >= 1, describe_(diagnosticsOf(text)));
      for (const d of all) expectRange(d, text, 'pat', 2);
      assert.ok(all.some((d) => d.message.includes('2027-01-08')), describe_(all));
    });

    it("a resource calendar does not change the project's timeline", () => {
      expectDates(plan`
        calendar mon-thu { workdays mon-thu }
        resource pat { rate 600/d  calendar mon-thu }
        task t { duration 5d  assign pat }
      `, { t: '2027-01-04..2027-01-08' });
    });

    it("a task on the resource's working days only is fine", () => {
      expectCodes(plan`
        calendar mon-thu { workdays mon-thu }
        resource pat { rate 600/d  calendar mon-thu }
        task t { duration 4d  assign pat }
      `, []);
    });

    it("a holiday of the resource's calendar inside the task is reported", () => {
      const text = plan`
        calendar local { holiday 2027-01-05 }
        resource r { rate 1/d  calendar local }
        task t { duration 3d  assign r }
      `;
      assert.ok(withCode(text, 'resource-on-leave').some((d) => d.message.includes('2027-01-05')), describe_(diagnosticsOf(text)));
    });

    it('the example of the language reference: leave and a mon-thu calendar on one task', () => {
      const text = `project demo "Load" { start 2027-03-01 }
resource pat "Pat" { rate 600/d  calendar mon-thu  leave 2027-03-04 }
calendar mon-thu { workdays mon-thu }
task t { duration 5d  assign pat }
`;
      const all = withCode(text, 'resource-on-leave');
      assert.ok(all.length >= 1);
      assert.ok(all.every((d) => d.line === 3));
      expectDates(text, { t: '2027-03-01..2027-03-05' });
    });
  });

  it('tasks caught in a cycle are not booked', () => {
    expectCodes(plan`
      resource r { rate 1/d }
      task a { after b  duration 2d  assign r }
      task b { after a  duration 2d  assign r }
    `, ['dependency-cycle@2', 'dependency-cycle@3']);
  });
});
