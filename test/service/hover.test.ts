import { strict as assert } from 'node:assert';
import type { Hover, Position } from 'vscode-languageserver-types';
import { hover } from '../../server/src/service/hover';
import { keywordDoc } from '../../server/src/service/keywordDocs';
import { ctxOf, cursor, everyPosition, examplePlan, posOf, r, rangeOf } from './helpersA';

const PLAN = `project web "Web" {
  start 2027-01-04
  deadline 2027-01-29
  currency EUR
  budget 20_000
  calendar office
  status 2027-01-12
}
calendar office { holiday 2027-01-06 "Epiphany" }
resource alice "Alice Kim" { rate 720/d  leave 2027-01-13 }
resource bob { rate 80/h  capacity 50% }
milestone kickoff { on 2027-01-04 }
task design "Design" {
  after kickoff
  owner alice
  budget 5_000
  task wireframes { effort 5d  assign alice  progress 60% }
  task visual { after wireframes  duration 2d  assign alice, bob 50%  cost 300 "Fonts" }
}
milestone done "Done" { after design  deadline 2027-01-12  quality "Signed" by bob }
`;

function md(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  const c = h.contents as { kind: string; value: string };
  assert.equal(c.kind, 'markdown');
  return c.value;
}

function hoverAt(text: string, position: Position): Hover | null {
  return hover(ctxOf(text), position);
}

/** The hover's bullet lines (without the `- `). */
function bulletsOf(h: Hover | null): string[] {
  return md(h).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
}

describe('service: hover', () => {
  describe('tasks and milestones', () => {
    it('a leaf: dates, length, slack, cost, effort, assignees, progress and lateness', () => {
      const h = hoverAt(PLAN, posOf(PLAN, 'wireframes', 1, 3));
      assert.equal(r(h!.range!), r(rangeOf(PLAN, 'wireframes')));
      const value = md(h);
      assert.ok(value.startsWith('```plan\ntask wireframes\n```\n\n*Task in `design`*'), value);
      assert.deepEqual(bulletsOf(h), [
        '**Start** 2027-01-04 · **End** 2027-01-11 · 5 working days',
        '**Slack** 12 working days · not critical',
        '**Effort** 5 person-days',
        '**Cost** 3600 EUR',
        '**Assigned** `alice` 100% · 5 d',
        '**Progress** 60% — **late**: should have finished on 2027-01-11 (status date 2027-01-12)',
      ]);
    });

    it('a leaf with fixed costs, two assignees and a leave conflict', () => {
      assert.deepEqual(bulletsOf(hoverAt(PLAN, posOf(PLAN, 'visual'))), [
        '**Start** 2027-01-12 · **End** 2027-01-13 · 2 working days',
        '**Slack** 12 working days · not critical',
        '**Effort** 3 person-days',
        '**Cost** 2380 EUR (resources 2080 EUR, fixed 300 EUR)',
        '**Fixed costs** 300 EUR Fonts',
        '**Assigned** `alice` 100% · 2 d, `bob` 50% · 1 d',
        '**After** `wireframes`',
        '⚠ alice is on leave on 2027-01-13 but is assigned to visual (2027-01-12 to 2027-01-13).',
      ]);
    });

    it('a group: span, cost against its budget, owner', () => {
      const h = hoverAt(PLAN, posOf(PLAN, 'design'));
      assert.ok(md(h).includes('```plan\ntask design "Design"\n```\n\n*Group of 2 subtasks*'));
      assert.deepEqual(bulletsOf(h), [
        '**Start** 2027-01-04 · **End** 2027-01-13 · 7 working days',
        '**Slack** 12 working days · not critical',
        '**Effort** 8 person-days',
        '**Cost** 5980 EUR — **over** its budget of 5000 EUR by 980 EUR',
        '**Owner** `alice` (Alice Kim)',
        '**After** `kickoff`',
      ]);
    });

    it('a milestone: its day and point, a missed deadline, quality criteria', () => {
      const h = hoverAt(PLAN, posOf(PLAN, 'done'));
      assert.ok(md(h).startsWith('```plan\nmilestone done "Done"\n```\n\n*Milestone*'));
      assert.deepEqual(bulletsOf(h), [
        '**Date** 2027-01-13, at the end of the day',
        '**Slack** 12 working days · not critical',
        '**Deadline** 2027-01-12 — **missed** by 1 working day',
        '**After** `design`',
        '**Quality** “Signed” — approved by `bob`',
      ]);
      assert.deepEqual(bulletsOf(hoverAt(PLAN, posOf(PLAN, 'kickoff')))[0], '**Date** 2027-01-04 (pinned), at the start of the day');
    });

    it('the same hover on a reference, with the range of the reference', () => {
      const onDecl = hoverAt(PLAN, posOf(PLAN, 'wireframes'));
      const onRef = hoverAt(PLAN, posOf(PLAN, 'wireframes', 2, 2));
      assert.equal(md(onRef), md(onDecl));
      assert.equal(r(onRef!.range!), r(rangeOf(PLAN, 'wireframes', 2)));
      // after, owner, by, assign: every reference kind resolves.
      assert.ok(md(hoverAt(PLAN, posOf(PLAN, 'design', 2))).includes('*Milestone*') === false);
      assert.ok(md(hoverAt(PLAN, posOf(PLAN, 'kickoff', 2))).includes('*Milestone*'));
      assert.ok(md(hoverAt(PLAN, posOf(PLAN, 'alice', 2))).includes('*Resource*'));
      assert.ok(md(hoverAt(PLAN, posOf(PLAN, 'bob', 3))).includes('resource bob'));
      assert.ok(md(hoverAt(PLAN, posOf(PLAN, 'office', 1))).includes('*Calendar*'));
    });

    it('the quoted name of a block shows the same as its id', () => {
      const h = hoverAt(PLAN, posOf(PLAN, '"Design"', 1, 2));
      assert.equal(md(h), md(hoverAt(PLAN, posOf(PLAN, 'design'))));
      assert.equal(r(h!.range!), r(rangeOf(PLAN, '"Design"')));
    });

    it('critical tasks, met deadlines and pinned starts', () => {
      const text = `project p { start 2027-03-01 }
milestone kickoff { on 2027-03-01 }
task a { after kickoff  duration 5d  deadline 2027-03-10 }
task b { after kickoff  duration 2d }
task c { after a, b  duration 1d }
task d { start 2027-03-02  duration 1d }`;
      assert.deepEqual(bulletsOf(hoverAt(text, posOf(text, 'a'))).slice(0, 3), [
        '**Start** 2027-03-01 · **End** 2027-03-05 · 5 working days',
        '**Slack** 0 working days · **critical**: on the critical path',
        '**Deadline** 2027-03-10 — met, 3 working days to spare',
      ]);
      assert.equal(bulletsOf(hoverAt(text, posOf(text, 'b')))[1], '**Slack** 3 working days · not critical');
      assert.equal(bulletsOf(hoverAt(text, posOf(text, 'd')))[0], '**Start** 2027-03-02 (pinned) · **End** 2027-03-02 · 1 working day');
    });

    it('a deadline met on the day', () => {
      const text = 'project p { start 2027-03-01 }\ntask a { duration 2d  deadline 2027-03-02 }';
      assert.ok(bulletsOf(hoverAt(text, posOf(text, 'a'))).includes('**Deadline** 2027-03-02 — met, with no working day to spare'));
    });

    it('an unscheduled task says why', () => {
      const text = `project p { start 2027-03-01 }
task a { after b  duration 1d }
task b { after c  duration 1d }
task c { after a  duration 1d }`;
      const lines = bulletsOf(hoverAt(text, posOf(text, 'b')));
      assert.deepEqual(lines, ['**Not scheduled**: it is part of the dependency cycle a → b → c → a.', '**After** `c`']);
      const noStart = 'project p { }\ntask a { duration 1d }';
      assert.deepEqual(bulletsOf(hoverAt(noStart, posOf(noStart, 'a'))), ['**Not scheduled**: the project has no start date.']);
    });

    it('amounts without a currency when the plan has none', () => {
      const text = 'project p { start 2027-03-01 }\nresource r { rate 100/d }\ntask a { duration 2d  assign r  budget 150 }';
      assert.ok(bulletsOf(hoverAt(text, posOf(text, 'a'))).includes('**Cost** 200 — **over** its budget of 150 by 50'));
    });

    it('a cost within budget says how much is used', () => {
      const text = 'project p { start 2027-03-01  currency USD }\nresource r { rate 100/d }\ntask a { duration 2d  assign r  budget 800 }';
      assert.ok(bulletsOf(hoverAt(text, posOf(text, 'a'))).includes('**Cost** 200 USD of a budget of 800 USD (25% used)'));
    });
  });

  it('text from the plan is escaped Markdown', () => {
    const text = 'project p { start 2027-03-01 }\nresource r "R_1 *lead* <b>" { rate 1/d }\ntask a { duration 1d  owner r  cost 5 "x_y" }';
    const lines = bulletsOf(hoverAt(text, posOf(text, 'a')));
    assert.ok(lines.includes('**Owner** `r` (R\\_1 \\*lead\\* \\<b\\>)'), lines.join('\n'));
    assert.ok(lines.includes('**Fixed costs** 5 x\\_y'), lines.join('\n'));
  });

  describe('resources', () => {
    it('rate per day and per hour, capacity, calendar, leave, bookings and leave conflicts', () => {
      const h = hoverAt(PLAN, posOf(PLAN, 'alice'));
      assert.equal(r(h!.range!), r(rangeOf(PLAN, 'alice')));
      assert.ok(md(h).startsWith('```plan\nresource alice "Alice Kim"\n```\n\n*Resource*'));
      assert.deepEqual(md(h).split('\n').slice(6), [
        '- **Rate** 720 EUR/d (90 EUR/h at 8 h a day)',
        '- **Capacity** 100%',
        '- **Calendar** the project calendar (mon-fri, 8 h a day)',
        '- **Leave** 2027-01-13',
        '- **Booked** 7 person-days on 2 tasks · 5040 EUR · 2027-01-04 → 2027-01-13',
        '- **Assigned to** `wireframes` 100%, `visual` 100%',
        '- **Owner of** `design`',
        '- ⚠ **Booked while away** (1)',
        '  - alice is on leave on 2027-01-13 but is assigned to visual (2027-01-12 to 2027-01-13).',
      ]);
    });

    it('an hourly rate converts with the hours of its own calendar', () => {
      const text = `project p { start 2027-03-01 }
calendar part { workdays mon-thu  hours 6 }
resource r "Rita" { rate 100/h  calendar part }`;
      assert.deepEqual(bulletsOf(hoverAt(text, posOf(text, 'r'))), [
        '**Rate** 100/h (600/d at 6 h a day)',
        '**Capacity** 100%',
        '**Calendar** `part` (mon-thu, 6 h a day)',
        '**Booked** nothing: not assigned to any task',
      ]);
    });

    it('over-allocations from the diagnostics', () => {
      const text = `project p { start 2027-03-01 }
resource alice "Alice" { rate 700/d }
task spec   { effort 4d  assign alice }
task review { duration 2d  assign alice 50%  not before 2027-03-03 }
task other  { duration 1d  owner alice  quality "ok" by alice }`;
      const value = md(hoverAt(text, posOf(text, 'alice', 3)));
      assert.ok(value.includes('- **Booked** 5 person-days on 2 tasks · 3500 · 2027-03-01 → 2027-03-04'), value);
      assert.ok(value.includes('- **Owner of** `other`'));
      assert.ok(value.includes('- **Approves** quality criteria on 1 task or milestone'));
      assert.ok(value.includes('- ⚠ **Over-allocated** (2)\n'
        + '  - alice is over-allocated from 2027-03-03: 150% booked against a capacity of 100%, on spec together with review.\n'
        + '  - alice is over-allocated from 2027-03-03: 150% booked against a capacity of 100%, on review together with spec.'), value);
    });

    it('a resource without a rate', () => {
      const text = 'project p { start 2027-03-01 }\nresource intern { }\ntask t { duration 2d  assign intern }';
      const lines = bulletsOf(hoverAt(text, posOf(text, 'intern')));
      assert.equal(lines[0], '**Rate** none — its work costs nothing');
      assert.equal(lines[3], '**Booked** 2 person-days on 1 task · 2027-03-01 → 2027-03-02');
    });
  });

  it('calendars: working days, hours, holidays, users', () => {
    const text = `project p { start 2027-03-01  calendar office }
calendar office { workdays mon-wed, fri  hours 7.5  holiday 2027-04-05 "Easter Monday"  holiday 2027-12-24..2027-12-31 }
resource r { calendar office }`;
    const h = hoverAt(text, posOf(text, 'office', 2));
    assert.deepEqual(md(h).split('\n').slice(6), [
      '- **Working days** mon-wed, fri',
      '- **Hours** 7.5 a day',
      '- **Holidays** (2)',
      '  - 2027-04-05 Easter Monday',
      '  - 2027-12-24 → 2027-12-31',
      '- **Used by** the project, `r`',
    ]);
    // On the reference too.
    assert.equal(md(hoverAt(text, posOf(text, 'office', 1))), md(h));
  });

  describe('the project', () => {
    it('on its id and on the project keyword: dates, deadline, cost against budget', () => {
      const h = hoverAt(PLAN, posOf(PLAN, 'web'));
      assert.deepEqual(md(h).split('\n').slice(0, 5), ['```plan', 'project web "Web"', '```', '', '*Project*']);
      assert.deepEqual(bulletsOf(h), [
        '**Start** 2027-01-04 · **End** 2027-01-13 · 7 working days',
        '**Deadline** 2027-01-29 — met, 12 working days to spare',
        '**Cost** 5980 EUR of a budget of 20000 EUR (30% used)',
        '**Calendar** `office` (mon-fri, 8 h a day)',
        '**Currency** EUR',
        '**Status date** 2027-01-12',
        '**Plan** 3 tasks (1 group), 2 milestones, 2 resources',
        '**Problems** 1 error, 3 warnings',
      ]);
      const onKeyword = hoverAt(PLAN, { line: 0, character: 2 });
      assert.equal(md(onKeyword), md(h));
      assert.equal(r(onKeyword!.range!), '0:0-0:7');
    });

    it('the critical path, policies and a missed deadline', () => {
      const text = `project p { start 2027-03-01  deadline 2027-03-02  uses "./pmo.policy" }
task a { duration 3d }`;
      const lines = bulletsOf(hoverAt(text, posOf(text, 'p')));
      assert.ok(lines.includes('**Deadline** 2027-03-02 — **missed** by 1 working day'), lines.join('\n'));
      assert.ok(lines.includes('**Critical path** `a`'));
      assert.ok(lines.includes('**Policies** `./pmo.policy`'));
      assert.ok(lines.includes('**Calendar** default (mon-fri, 8 h a day)'));
    });
  });

  describe('keywords and values', () => {
    it('property and block keywords show the language reference', () => {
      const c = cursor('project p { start 2027-03-01 }\ntask a { eff|ort 2d }');
      const h = hoverAt(c.text, c.position);
      assert.equal(md(h), keywordDoc('effort'));
      assert.ok(md(h).includes('Work to be done.'));
      assert.equal(r(h!.range!), r(rangeOf(c.text, 'effort')));
      const t = cursor('project p { start 2027-03-01 }\nta|sk a { duration 2d }');
      assert.equal(md(hoverAt(t.text, t.position)), keywordDoc('task'));
    });

    it('`not before`, `start of`, `by` and `waive … on`', () => {
      const text = `project p { start 2027-03-01  waive x on a "why" }
resource r { }
task a { duration 1d  not before 2027-03-02  quality "q" by r }
task b { after start of a  duration 1d }`;
      const nb = hoverAt(text, posOf(text, 'before'));
      assert.equal(md(nb), keywordDoc('not before'));
      assert.equal(r(nb!.range!), r(rangeOf(text, 'not before')));
      assert.equal(md(hoverAt(text, posOf(text, 'of'))), keywordDoc('start of'));
      assert.equal(md(hoverAt(text, posOf(text, 'start', 2))), keywordDoc('start of'));
      assert.equal(md(hoverAt(text, posOf(text, 'by'))), keywordDoc('by'));
      assert.equal(md(hoverAt(text, posOf(text, 'on'))), keywordDoc('waive'));
    });

    it('a date: weekday, working day or holiday', () => {
      assert.equal(md(hoverAt(PLAN, posOf(PLAN, '2027-01-06', 1, 3))), '**2027-01-06** — Wednesday, not a working day: a holiday (Epiphany)');
      assert.equal(md(hoverAt(PLAN, posOf(PLAN, '2027-01-12'))), '**2027-01-12** — Tuesday, working day 6 of the project');
      const h = hoverAt(PLAN, posOf(PLAN, '2027-01-29'));
      assert.equal(md(h), '**2027-01-29** — Friday, working day 19 of the project');
      assert.equal(r(h!.range!), r(rangeOf(PLAN, '2027-01-29')));
      const weekend = 'project p { start 2027-03-01 }\ntask a { not before 2027-03-06 }';
      assert.equal(md(hoverAt(weekend, posOf(weekend, '2027-03-06'))), '**2027-03-06** — Saturday, not a working day');
    });

    it('a duration in working days', () => {
      const text = 'project p { start 2027-03-01 }\ntask a { duration 2w }\ntask b { after a + 4h  duration 1.5mo }';
      assert.equal(md(hoverAt(text, posOf(text, '2w'))), '`2w` = 10 working days (a week is 5 working days)');
      assert.equal(md(hoverAt(text, posOf(text, '4h'))), '`4h` = 0.5 working days (8 working hours a day)');
      assert.equal(md(hoverAt(text, posOf(text, '1.5mo'))), '`1.5mo` = 30 working days (a month is 20 working days)');
    });

    it('nothing on blanks, comments, punctuation and unknown references', () => {
      const text = '// note\nproject p { start 2027-03-01 }\n\ntask a { after ghost  duration 1d }';
      for (const needle of ['note', '{', 'ghost']) assert.equal(hoverAt(text, posOf(text, needle)), null, needle);
      assert.equal(hoverAt(text, { line: 2, character: 0 }), null);
      assert.equal(hoverAt('', { line: 0, character: 0 }), null);
    });
  });

  it('the example plan (smoke): every position hovers without throwing; every id has a hover', () => {
    const text = examplePlan();
    const ctx = ctxOf(text);
    let count = 0;
    for (const position of everyPosition(text)) if (hover(ctx, position)) count++;
    assert.ok(count > 5000, `only ${count} positions have a hover`);
    const decl = (header: string) => posOf(text, header, 1, header.indexOf(' ') + 1);
    for (const header of ['project relaunch', 'calendar cologne', 'resource petra', 'resource devs', 'milestone kickoff', 'task discovery', 'task cutover', 'milestone go-live', 'milestone closed']) {
      const value = md(hover(ctx, decl(header)));
      assert.ok(value.includes(header), header);
    }
    const cutover = bulletsOf(hover(ctx, decl('task cutover')));
    assert.equal(cutover[0], '**Start** 2027-04-27 (pinned) · **End** 2027-04-27 · 1 working day');
    const devs = bulletsOf(hover(ctx, decl('resource devs')));
    assert.equal(devs[0], '**Rate** 85 EUR/h (680 EUR/d at 8 h a day)');
    assert.equal(devs[1], '**Capacity** 300%');
    const project = bulletsOf(hover(ctx, decl('project relaunch')));
    assert.equal(project[0], '**Start** 2027-01-04 · **End** 2027-05-19 · 94 working days');
    assert.equal(project[2], '**Cost** 249340 EUR of a budget of 290000 EUR (86% used)');
  });
});
