// The timeline model (server/src/language/timeline/model.ts): tasks with their place in the plan, the
// weeks, resource load per week and the budget picture. Expected numbers are worked out by hand in the
// comments. January 2027: Mon 04 … Fri 08, Mon 11 … Fri 15, Mon 18 … Fri 22.
import { strict as assert } from 'node:assert';
import { timelineModel } from '../../server/src/language/timeline/model';
import type { TimelineModel, TimelineTask } from '../../server/src/language/timeline/types';
import { MAX_WEEKS } from '../../server/src/language/timeline/weeks';
import { analyze, CONTRACT_EXAMPLE, describe_, located, plan, reportOf } from './helpers';

const URI = 'file:///plans/demo.plan';

function modelOf(text: string, version: number | null = 1): TimelineModel {
  return timelineModel(analyze(text), URI, version);
}

function task(m: TimelineModel, id: string): TimelineTask {
  const t = m.tasks.find((x) => x.id === id);
  assert.ok(t, `no task ${id}`);
  return t;
}

function resource(m: TimelineModel, id: string) {
  const r = m.resources.find((x) => x.id === id);
  assert.ok(r, `no resource ${id}`);
  return r;
}

describe('timeline model', () => {
  describe('tasks', () => {
    it('carries the uri and version it was computed for', () => {
      const m = modelOf(plan`task a { duration 1d }`, 7);
      assert.equal(m.uri, URI);
      assert.equal(m.version, 7);
      assert.equal(modelOf(plan`task a { duration 1d }`, null).version, null);
    });

    it('has every task in plan order with the dates, slack and criticality of the schedule report', () => {
      const text = CONTRACT_EXAMPLE;
      const m = modelOf(text);
      const report = reportOf(text);
      assert.deepEqual(m.tasks.map((t) => t.id), report.tasks.map((t) => t.id));
      for (const [i, t] of m.tasks.entries()) {
        const r = report.tasks[i];
        assert.deepEqual(
          { start: t.start, end: t.end, duration: t.duration, slack: t.slack, critical: t.critical, effort: t.effort, cost: t.cost, budget: t.budget, kind: t.kind, name: t.name },
          { start: r.start, end: r.end, duration: r.duration, slack: r.slack, critical: r.critical, effort: r.effort, cost: r.cost, budget: r.budget, kind: r.kind, name: r.name },
          t.id,
        );
      }
      assert.deepEqual(
        { start: m.project.start, end: m.project.end, cost: m.project.cost, budget: m.project.budget, currency: m.project.currency },
        { start: report.project.start, end: report.project.end, cost: report.project.cost, budget: report.project.budget, currency: report.project.currency },
      );
      assert.equal(m.project.deadline, '2027-06-30');
      assert.equal(m.project.status, '2027-02-15');
      assert.equal(m.project.id, 'web');
      assert.equal(m.project.name, 'Website relaunch');
      // build: progress 40%, deadline 2027-03-31; visual is assigned bob and alice.
      assert.equal(task(m, 'build').progress, 0.4);
      assert.equal(task(m, 'build').deadline, '2027-03-31');
      assert.deepEqual(task(m, 'visual').resources, ['bob', 'alice']);
      assert.deepEqual(task(m, 'design').resources, []);
    });

    it('parent indices and depth: parents come before their children', () => {
      const m = modelOf(plan`
        task outer {
          task mid {
            task leaf1 { duration 1d }
            task leaf2 { duration 1d }
          }
          task leaf3 { duration 1d }
        }
        milestone done { after outer }
      `);
      assert.deepEqual(m.tasks.map((t) => [t.id, t.parent, t.depth, t.kind]), [
        ['outer', -1, 0, 'group'],
        ['mid', 0, 1, 'group'],
        ['leaf1', 1, 2, 'leaf'],
        ['leaf2', 1, 2, 'leaf'],
        ['leaf3', 0, 1, 'leaf'],
        ['done', -1, 0, 'milestone'],
      ]);
    });

    it('positions: the id token (0-based) and the last line of the block', () => {
      const text = [
        'project p { start 2027-01-04 }',
        '',
        'task design "Design" {',
        '  task  wireframes { duration 2d }',
        '  task visual {',
        '    after wireframes',
        '    duration 3d',
        '  }',
        '}',
        'milestone launch { after design }',
        'resource   alice { rate 1/d }',
      ].join('\n');
      const m = modelOf(text);
      const at = (id: string) => { const t = task(m, id); return [t.line, t.character, t.endLine]; };
      assert.deepEqual(at('design'), [2, 5, 8]);
      assert.deepEqual(at('wireframes'), [3, 8, 3]);
      assert.deepEqual(at('visual'), [4, 7, 7]);
      assert.deepEqual(at('launch'), [9, 10, 9]);
      const alice = resource(m, 'alice');
      assert.deepEqual([alice.line, alice.character], [10, 11]);
    });

    it('late: ends after its own deadline (a milestone on its deadline is not late)', () => {
      const m = modelOf(plan`
        task a { duration 5d  deadline 2027-01-06 }
        task b { duration 5d  deadline 2027-01-08 }
        milestone onTime { after a  deadline 2027-01-08 }
        milestone tooLate { after a  deadline 2027-01-07 }
        task free { duration 1d }
      `);
      assert.deepEqual(m.tasks.map((t) => [t.id, t.end, t.late]), [
        ['a', '2027-01-08', true],
        ['b', '2027-01-08', false],
        ['onTime', '2027-01-08', false],
        ['tooLate', '2027-01-08', true],
        ['free', '2027-01-04', false],
      ]);
    });

    it('names with ":", "#", ";", quotes and HTML are kept exactly', () => {
      const m = modelOf(plan`
        task t1 "Fix: #1; \"quoted\" <b>bold</b> &amp; 'single'" { duration 1d }
        resource r1 "<script>alert(1)</script>" { rate 1/d }
      `);
      assert.equal(task(m, 't1').name, `Fix: #1; "quoted" <b>bold</b> &amp; 'single'`);
      assert.equal(resource(m, 'r1').name, '<script>alert(1)</script>');
      // Plain JSON: survives a round trip unchanged.
      assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
    });
  });

  describe('unscheduled tasks', () => {
    it('a cycle: null dates and the cycle as the reason; its group says why', () => {
      const text = plan`
        task g {
          task x { after y  duration 1d }
          task y { after x  duration 1d }
        }
        task later { after x  duration 2d }
        task fine { duration 2d }
      `;
      const m = modelOf(text);
      for (const id of ['g', 'x', 'y']) {
        const t = task(m, id);
        assert.deepEqual([t.start, t.end, t.duration, t.slack, t.late], [null, null, null, null, false], id);
      }
      assert.match(task(m, 'x').unscheduledReason!, /dependency cycle: .*x.*y|dependency cycle: .*y.*x/);
      assert.match(task(m, 'y').unscheduledReason!, /dependency cycle/);
      // The scheduler leaves out a dependency on a task without dates.
      assert.deepEqual([task(m, 'later').start, task(m, 'later').unscheduledReason], ['2027-01-04', null]);
      assert.equal(task(m, 'g').unscheduledReason, 'none of its tasks can be scheduled');
      assert.equal(task(m, 'fine').unscheduledReason, null);
      assert.equal(task(m, 'fine').start, '2027-01-04');
      assert.ok(m.problems.errors >= 1, describe_(located(analyze(text))));
    });

    it('no project start: a model without dates or weeks, every task saying why', () => {
      const m = modelOf(`project p "No start" { currency EUR }
resource dev { rate 100/d  leave 2027-01-05..2027-01-06 }
task a { duration 2d  assign dev }
milestone m { after a  cost 50 }
`);
      assert.equal(m.project.start, null);
      assert.equal(m.project.end, null);
      assert.deepEqual(m.weeks, []);
      for (const t of m.tasks) {
        assert.equal(t.start, null);
        assert.equal(t.unscheduledReason, 'the project has no start date');
      }
      assert.deepEqual(resource(m, 'dev').weeks, []);
      assert.equal(resource(m, 'dev').booked, 0);
      assert.deepEqual(m.budget.cumulative, []);
      assert.equal(m.budget.cost, 250);
      assert.equal(m.budget.currency, 'EUR');
    });

    it('dates after the year 9999: no dates for what follows, and why', () => {
      const m = modelOf(plan`
        task forever { duration 9999999d }
        task next { after forever  duration 1d }
      `);
      assert.deepEqual([task(m, 'next').start, task(m, 'next').unscheduledReason], [null, 'its dates are after the year 9999']);
      assert.equal(task(m, 'forever').start, '2027-01-04');
      assert.deepEqual(m.weeks, ['2027-01-04']);
    });

    it('syntax errors still give a model of what could be read', () => {
      const m = modelOf(plan`
        task a { duration 2d
        task b { after a  duration } }} {{
        task c "unterminated
      `);
      assert.ok(m.problems.errors > 0);
      assert.ok(m.tasks.some((t) => t.id === 'a'));
      assert.doesNotThrow(() => JSON.stringify(m));
    });

    it('an empty document and a document with only garbage give empty models', () => {
      for (const text of ['', '}}} "', 'project', 'task']) {
        const m = modelOf(text);
        assert.deepEqual(m.tasks.length === 0 || m.tasks.every((t) => t.start === null), true, text);
        assert.deepEqual(m.weeks, [], text);
      }
    });
  });

  describe('weeks', () => {
    it('Mondays from the week of the earliest date to the week of the latest', () => {
      // status 2026-12-30 (a Wednesday) is before the start; the deadline 2027-02-03 after the end (01-15).
      const m = modelOf(`project p { start 2027-01-04  status 2026-12-30  deadline 2027-02-03 }
task a { duration 10d }
`);
      assert.deepEqual(m.weeks, ['2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01']);
    });

    it('a start in mid-week begins at that week\'s Monday; one day, one week', () => {
      const m = modelOf(`project p { start 2027-01-07 }
task a { duration 1d }
`);
      assert.deepEqual(m.weeks, ['2027-01-04']);
    });
  });

  describe('resource load', () => {
    // alice: a Mon 04..Wed 06 at 100%, b Wed 06..Mon 11 at 50%.
    // Per day: Mon 1, Tue 1, Wed 1.5, Thu 0.5, Fri 0.5 | Mon 0.5.
    const OVER = plan`
      resource alice "Alice" { rate 100/d }
      resource idle { rate 1/d }
      task a { duration 3d  assign alice }
      task b { not before 2027-01-06  duration 4d  assign alice 50% }
    `;

    it('booked, available, peak, over and tasks per week', () => {
      const m = modelOf(OVER);
      const alice = resource(m, 'alice');
      assert.deepEqual(alice.weeks, [
        { week: '2027-01-04', booked: 4.5, available: 5, peak: 1.5, over: true, tasks: [0, 1] },
        { week: '2027-01-11', booked: 0.5, available: 5, peak: 0.5, over: false, tasks: [1] },
      ]);
      assert.equal(alice.booked, 5);
      assert.equal(alice.overallocated, true);
      assert.equal(alice.capacity, 1);
      assert.equal(alice.name, 'Alice');
      const idle = resource(m, 'idle');
      assert.deepEqual([idle.weeks, idle.booked, idle.overallocated], [[], 0, false]);
      assert.deepEqual(m.weeks, ['2027-01-04', '2027-01-11']);
    });

    it('agrees with the over-allocated diagnostic', () => {
      const analysis = analyze(OVER);
      const m = timelineModel(analysis, URI, 1);
      const diags = analysis.diagnostics.filter((d) => d.code === 'resource-overallocated');
      assert.equal(diags.length, 2);
      for (const d of diags) {
        const r = resource(m, String(d.data!.resource));
        assert.equal(r.overallocated, true);
        const day = String(d.data!.day);
        assert.equal(day, '2027-01-06');
        assert.equal(r.weeks.find((w) => w.week === '2027-01-04')!.over, true);
      }
      assert.equal(resource(m, 'idle').overallocated, false);
    });

    it('exactly at capacity is not over (shares summed exactly)', () => {
      const m = modelOf(plan`
        resource r { rate 1/d }
        task a { duration 2d  assign r 30% }
        task b { duration 2d  assign r 30% }
        task c { duration 2d  assign r 40% }
        task d { duration 2d  assign r 10%  not before 2027-01-07 }
      `);
      const r = resource(m, 'r');
      assert.deepEqual(r.weeks, [{ week: '2027-01-04', booked: 2.2, available: 5, peak: 1, over: false, tasks: [0, 1, 2, 3] }]);
      assert.equal(r.overallocated, false);
    });

    it('availability: capacity × working days, without holidays, leave and the resource\'s own days off', () => {
      // Project calendar: Wed 06 is a holiday, so a runs Mon 04, Tue 05, Thu 07, Fri 08, Mon 11 … Thu 14 (8 days).
      // bob 50% capacity, on leave Tue 12 and Wed 13: week 04 works 4 days (avail 2), week 11 works 5 − 2 = 3 (avail 1.5).
      // carol works mon-thu: week 04 works Mon, Tue, Thu (avail 3); week 11 Mon … Thu (avail 4).
      // dan has no work, only leave on Mon 18 and Tue 19 (within the plan's weeks thanks to the deadline): 3 days.
      const text = `project p { start 2027-01-04  calendar office  deadline 2027-01-22 }
calendar office { holiday 2027-01-06 "Epiphany" }
calendar parttime { workdays mon-thu }
resource bob { rate 1/d  capacity 50%  leave 2027-01-12..2027-01-13 }
resource carol { rate 1/d  calendar parttime }
resource dan { rate 1/d  leave 2027-01-18..2027-01-19 }
task a { duration 8d  assign bob 50%, carol }
`;
      const m = modelOf(text);
      assert.equal(task(m, 'a').end, '2027-01-14');
      assert.deepEqual(resource(m, 'bob').weeks, [
        { week: '2027-01-04', booked: 2, available: 2, peak: 1, over: false, tasks: [0] },
        { week: '2027-01-11', booked: 2, available: 1.5, peak: 1, over: false, tasks: [0] },
      ]);
      assert.deepEqual(resource(m, 'carol').weeks, [
        { week: '2027-01-04', booked: 4, available: 3, peak: 1, over: false, tasks: [0] },
        { week: '2027-01-11', booked: 4, available: 4, peak: 1, over: false, tasks: [0] },
      ]);
      assert.deepEqual(resource(m, 'dan').weeks, [
        { week: '2027-01-18', booked: 0, available: 3, peak: 0, over: false, tasks: [] },
      ]);
      assert.equal(resource(m, 'dan').booked, 0);
    });

    it('leave outside the plan\'s weeks is not listed', () => {
      const m = modelOf(plan`
        resource r { rate 1/d  leave 2030-01-01..2030-12-31 }
        task a { duration 1d  assign r }
      `);
      assert.deepEqual(resource(m, 'r').weeks.map((w) => w.week), ['2027-01-04']);
    });

    it('a task lasting ten years: one entry per week, nothing blows up', () => {
      const m = modelOf(plan`
        resource r { rate 1/d  capacity 200% }
        task long { duration 520w  assign r }
        task short { duration 1d  assign r }
      `);
      const r = resource(m, 'r');
      // 520 weeks of 5 working days from Mon 2027-01-04.
      assert.equal(task(m, 'long').end, '2036-12-19');
      assert.equal(m.weeks.length, 520);
      assert.equal(r.weeks.length, 520);
      assert.equal(r.booked, 2601);
      assert.deepEqual(r.weeks[0], { week: '2027-01-04', booked: 6, available: 10, peak: 1, over: false, tasks: [0, 1] });
      assert.deepEqual(r.weeks[519], { week: '2036-12-15', booked: 5, available: 10, peak: 0.5, over: false, tasks: [0] });
    });

    it('a plan reaching past a century (a typo): at most MAX_WEEKS weeks, bookings after them left out', () => {
      const m = modelOf(plan`
        resource r { rate 1/d }
        task typo { duration 100000w  assign r  cost 1_000 }
      `);
      assert.equal(task(m, 'typo').start, '2027-01-04');
      assert.equal(m.weeks.length, MAX_WEEKS);
      assert.equal(m.weeks[MAX_WEEKS - 1], '2126-12-30');
      const r = resource(m, 'r');
      assert.equal(r.weeks.length, MAX_WEEKS);
      assert.equal(r.booked, 5 * MAX_WEEKS);
      assert.equal(m.budget.cumulative.length, MAX_WEEKS);
    });

    it('random plans: every week agrees with a day-by-day count of the bookings, and with the diagnostics', () => {
      for (let seed = 1; seed <= 25; seed++) {
        const text = randomPlan(seed);
        const analysis = analyze(text);
        const m = timelineModel(analysis, URI, seed);
        const expected = naiveLoad(analysis.load.bookings, analysis, m);
        for (const [ri, r] of m.resources.entries()) {
          const booked = new Map(r.weeks.map((w) => [w.week, w]));
          for (const [week, e] of expected[ri]) {
            const w = booked.get(week);
            assert.ok(w, `seed ${seed}: ${r.id} has no week ${week}`);
            assert.ok(Math.abs(w.booked - e.booked) < 1e-6, `seed ${seed}: ${r.id} ${week} booked ${w.booked} ≠ ${e.booked}`);
            assert.ok(Math.abs(w.peak - e.peak / r.capacity) < 1e-3, `seed ${seed}: ${r.id} ${week} peak ${w.peak} ≠ ${e.peak / r.capacity}`);
            assert.equal(w.over, e.peak > r.capacity + 1e-9, `seed ${seed}: ${r.id} ${week} over`);
            assert.deepEqual(w.tasks, [...e.tasks].sort((a, b) => a - b), `seed ${seed}: ${r.id} ${week} tasks`);
          }
          for (const w of r.weeks) if (!expected[ri].has(w.week)) assert.equal(w.booked, 0, `seed ${seed}: ${r.id} ${w.week}`);
          // The diagnostic names exactly the over-allocated resources, and its day lies in an over week.
          const diags = analysis.diagnostics.filter((d) => d.code === 'resource-overallocated' && d.data?.resource === r.id);
          assert.equal(r.overallocated, diags.length > 0, `seed ${seed}: ${r.id} overallocated`);
          for (const d of diags) {
            const day = String(d.data!.day);
            const week = r.weeks.find((w) => w.week <= day && day <= sundayOf(w.week));
            assert.ok(week?.over, `seed ${seed}: ${r.id} is over on ${day} but its week is not`);
          }
        }
      }
    });
  });

  describe('budget', () => {
    // g's own 500 is spread over its 15 working days (04..22): 33.33 a day.
    // a: 5 d × 100 = 500 in week 04; b: 1,000 over 10 days (11..22): 500 a week; m: 300 on Fri 22;
    // c: 60 in week 04. Week 04: 500 + 166.67 + 60 = 726.67; week 11: +500 +166.67 = 1,393.33;
    // week 18: +500 +166.67 +300 = 2,360 = the project cost.
    const BUDGET = `project p { start 2027-01-04  currency EUR  budget 10_000 }
resource dev { rate 100/d }
task g "Group" {
  cost 500 "Licences"
  budget 1_800
  task a { duration 5d  assign dev }
  task b { after a  duration 10d  cost 1_000 }
}
milestone m { after g  cost 300 }
task c { duration 2d  cost 60  budget 50 }
task free { duration 1d }
`;

    it('cost against budget of the project and of its top-level groups and costed tasks', () => {
      const m = modelOf(BUDGET);
      assert.equal(m.budget.currency, 'EUR');
      assert.equal(m.budget.cost, 2360);
      assert.equal(m.budget.budget, 10000);
      assert.deepEqual(m.budget.groups, [
        { task: 0, cost: 2000, budget: 1800 },
        { task: 3, cost: 300, budget: null },
        { task: 4, cost: 60, budget: 50 },
      ]);
      assert.equal(m.tasks[0].id, 'g');
      assert.equal(m.project.cost, 2360);
    });

    it('cumulative planned cost per week, ending at the project cost', () => {
      const m = modelOf(BUDGET);
      assert.equal(task(m, 'm').start, '2027-01-22');
      assert.deepEqual(m.budget.cumulative, [
        { date: '2027-01-10', cumulative: 726.67 },
        { date: '2027-01-17', cumulative: 1393.33 },
        { date: '2027-01-24', cumulative: 2360 },
      ]);
    });

    it('the last point equals the project cost on the language guide\'s example and on random plans', () => {
      for (const text of [CONTRACT_EXAMPLE, ...Array.from({ length: 10 }, (_, i) => randomPlan(100 + i))]) {
        const m = modelOf(text);
        if (m.tasks.some((t) => t.start === null)) continue;
        const points = m.budget.cumulative;
        assert.equal(points.length, m.weeks.length);
        assert.ok(Math.abs(points[points.length - 1].cumulative - m.project.cost) <= 0.01, `${points[points.length - 1].cumulative} vs ${m.project.cost}`);
        for (let i = 1; i < points.length; i++) assert.ok(points[i].cumulative >= points[i - 1].cumulative - 0.01, 'never decreases');
      }
    });

    it('no currency, no budget: nulls', () => {
      const m = modelOf(plan`task a { duration 1d }`);
      assert.deepEqual([m.budget.currency, m.budget.budget, m.budget.cost, m.budget.groups], [null, null, 0, []]);
      assert.deepEqual(m.budget.cumulative, [{ date: '2027-01-10', cumulative: 0 }]);
    });
  });

  describe('problems', () => {
    it('counts the error and warning diagnostics', () => {
      const text = plan`
        resource r { rate 1/d }
        task a { duration 2d  assign r }
        task b { duration 2d  assign r }
        task c { after nowhere  duration 1d }
      `;
      const m = modelOf(text);
      const all = located(analyze(text));
      assert.deepEqual(m.problems, {
        errors: all.filter((d) => d.severity === 'error').length,
        warnings: all.filter((d) => d.severity === 'warning').length,
      });
      assert.deepEqual(m.problems, { errors: 1, warnings: 2 }, describe_(all));
    });
  });
});

// ------------------------------------------------------------------ helpers

function sundayOf(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** A small plan with overlapping bookings at random shares, leave, a holiday and a part-time calendar. */
function randomPlan(seed: number): string {
  let s = seed * 2654435761 >>> 0;
  const rnd = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lines = [
    'project p { start 2027-01-04  calendar office  currency EUR }',
    'calendar office { holiday 2027-01-20 }',
    'calendar short { workdays mon-wed }',
  ];
  const resources = ['r0', 'r1', 'r2', 'r3'];
  lines.push(`resource r0 { rate 100/d  capacity ${[50, 100, 150][int(0, 2)]}% }`);
  lines.push(`resource r1 { rate 80/d  leave 2027-01-${String(int(5, 20)).padStart(2, '0')}..2027-01-${String(int(21, 28))} }`);
  lines.push('resource r2 { rate 10/h  calendar short  capacity 200% }');
  lines.push('resource r3 { rate 1/d  capacity 30% }');
  const n = int(5, 25);
  for (let i = 0; i < n; i++) {
    const parts = [`duration ${int(1, 12)}d`];
    if (rnd() < 0.6) parts.push(`not before 2027-0${int(1, 2)}-${String(int(1, 28)).padStart(2, '0')}`);
    if (i > 0 && rnd() < 0.3) parts.push(`after t${int(0, i - 1)}`);
    const who = resources.filter(() => rnd() < 0.4).map((r) => `${r} ${[10, 25, 33, 50, 75, 100, 120][int(0, 6)]}%`);
    if (who.length > 0) parts.push(`assign ${who.join(', ')}`);
    if (rnd() < 0.3) parts.push(`cost ${int(1, 999)}.${int(10, 99)}`);
    const milestone = rnd() < 0.1;
    lines.push(milestone ? `milestone t${i} { after t${Math.max(0, i - 1)}  cost ${int(0, 500)} }` : `task t${i} { ${parts.join('  ')} }`);
  }
  return lines.join('\n') + '\n';
}

interface NaiveWeek { booked: number; peak: number; tasks: Set<number> }

/** Day by day, booking by booking: the obvious (slow) way, to check the model against. */
function naiveLoad(bookings: { task: number; start: number; end: number; share: number }[][], analysis: ReturnType<typeof analyze>, m: TimelineModel): Map<string, NaiveWeek>[] {
  const tl = analysis.schedule.timeline!;
  return bookings.map((list) => {
    const perDay = new Map<number, { load: number; tasks: Set<number> }>();
    for (const b of list) {
      for (let d = b.start; d <= b.end; d++) {
        let e = perDay.get(d);
        if (!e) perDay.set(d, (e = { load: 0, tasks: new Set() }));
        e.load += b.share;
        e.tasks.add(b.task);
      }
    }
    const weeks = new Map<string, NaiveWeek>();
    for (const [idx, e] of perDay) {
      const day = tl.dayOf(idx)!;
      const date = new Date(day * 86_400_000);
      const monday = new Date(date);
      monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      const key = monday.toISOString().slice(0, 10);
      assert.ok(m.weeks.includes(key), `week ${key} not in the model's weeks`);
      let w = weeks.get(key);
      if (!w) weeks.set(key, (w = { booked: 0, peak: 0, tasks: new Set() }));
      w.booked += e.load;
      w.peak = Math.max(w.peak, e.load);
      for (const t of e.tasks) w.tasks.add(t);
    }
    return weeks;
  });
}
