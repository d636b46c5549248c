// The schedule report (planc schedule): JSON shape and values, and RFC 4180 CSV.
import { strict as assert } from 'node:assert';
import { scheduleCsv, type ScheduleReport } from '../../server/src/language/report';
import { CONTRACT_EXAMPLE, diagnosticsOf, describe_, plan, reportOf, scheduleOf } from './helpers';

const TASK_KEYS = ['id', 'name', 'kind', 'parent', 'start', 'end', 'duration', 'effort', 'cost', 'budget', 'slack', 'critical'];
const PROJECT_KEYS = ['id', 'name', 'start', 'end', 'cost', 'budget', 'currency'];

/** A small RFC 4180 reader: rows of cells, CRLF between records, quotes doubled inside quoted cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('report', () => {
  describe('JSON', () => {
    const text = plan`
      resource r { rate 100/d }
      milestone kickoff "Kick-off" { on 2027-01-04 }
      task design "Design" {
        after kickoff
        budget 5_000
        task wireframes { effort 3d  assign r }
        task visual { after wireframes  duration 2d  assign r 50% }
        milestone approved { after visual }
      }
      task loose { duration 1d }
    `;
    const report = reportOf(text);

    it('has exactly the contract keys for the project and each task', () => {
      assert.deepEqual(Object.keys(report.project).sort(), [...PROJECT_KEYS].sort());
      for (const t of report.tasks) assert.deepEqual(Object.keys(t).sort(), [...TASK_KEYS].sort(), t.id);
    });

    it('survives a JSON round trip unchanged (no undefined, no NaN)', () => {
      assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    });

    it('lists tasks and milestones in document order, a group before its children', () => {
      assert.deepEqual(report.tasks.map((t) => t.id), ['kickoff', 'design', 'wireframes', 'visual', 'approved', 'loose']);
    });

    it('gives each its kind and parent', () => {
      assert.deepEqual(report.tasks.map((t) => [t.id, t.kind, t.parent]), [
        ['kickoff', 'milestone', null], ['design', 'group', null], ['wireframes', 'leaf', 'design'],
        ['visual', 'leaf', 'design'], ['approved', 'milestone', 'design'], ['loose', 'leaf', null],
      ]);
    });

    it('the name is the quoted name, else the id', () => {
      assert.deepEqual(report.tasks.map((t) => t.name), ['Kick-off', 'Design', 'wireframes', 'visual', 'approved', 'loose']);
    });

    it('dates, lengths and effort', () => {
      const byId = Object.fromEntries(report.tasks.map((t) => [t.id, t]));
      assert.deepEqual(['kickoff', 'design', 'wireframes', 'visual', 'approved', 'loose'].map((id) => [id, byId[id]!.start, byId[id]!.end, byId[id]!.duration, byId[id]!.effort]), [
        ['kickoff', '2027-01-04', '2027-01-04', 0, 0],
        ['design', '2027-01-04', '2027-01-08', 5, 4],
        ['wireframes', '2027-01-04', '2027-01-06', 3, 3],
        ['visual', '2027-01-07', '2027-01-08', 2, 1],
        ['approved', '2027-01-08', '2027-01-08', 0, 0],
        ['loose', '2027-01-04', '2027-01-04', 1, 0],
      ]);
    });

    it('cost and budget (null when none)', () => {
      const byId = Object.fromEntries(report.tasks.map((t) => [t.id, t]));
      assert.equal(byId.design!.cost, 400);
      assert.equal(byId.design!.budget, 5000);
      assert.equal(byId.loose!.budget, null);
      assert.equal(byId.kickoff!.budget, null);
    });

    it('the project: id, name (or the id), start, end, cost, budget, currency', () => {
      assert.deepEqual(report.project, { id: 'p', name: 'p', start: '2027-01-04', end: '2027-01-08', cost: 400, budget: null, currency: null });
      const named = reportOf('project web "Website relaunch" { start 2027-01-02  currency EUR  budget 9_000 }\ntask t { duration 1d }\n');
      assert.deepEqual(named.project, { id: 'web', name: 'Website relaunch', start: '2027-01-04', end: '2027-01-04', cost: 0, budget: 9000, currency: 'EUR' });
    });

    it('numbers are JSON numbers and critical is a boolean', () => {
      for (const t of report.tasks) {
        assert.equal(typeof t.duration, 'number');
        assert.equal(typeof t.effort, 'number');
        assert.equal(typeof t.cost, 'number');
        assert.equal(typeof t.slack, 'number');
        assert.equal(typeof t.critical, 'boolean');
      }
    });

    it('unscheduled tasks have null dates, duration and slack', () => {
      const s = scheduleOf(plan`
        task a { after b  duration 1d }
        task b { after a  duration 1d }
      `);
      assert.deepEqual([s.a!.start, s.a!.end, s.a!.duration, s.a!.slack, s.a!.critical], [null, null, null, null, false]);
    });

    it('effort: an effort without assignee books nothing; a duration task books allocation × length', () => {
      const s = scheduleOf(plan`
        resource r { rate 1/d }
        task e { effort 3d }
        task d { duration 4d  assign r 25% }
      `);
      assert.equal(s.e!.effort, 0);
      assert.equal(s.d!.effort, 1);
    });

    it('a project whose tasks are all in a cycle has no end', () => {
      const r = reportOf(plan`
        task a { after b  duration 1d }
        task b { after a  duration 1d }
      `);
      assert.equal(r.project.end, null);
      assert.equal(r.project.start, '2027-01-04');
    });

    it('the example plan of LANGUAGE.md: dates, costs and diagnostics', () => {
      // kickoff start of 01-04; wireframes 5d; visual 8d / 1.5 = 6 days; build after design + 2d: 20 days.
      const r = reportOf(CONTRACT_EXAMPLE);
      const row = (id: string) => r.tasks.find((t) => t.id === id)!;
      assert.deepEqual(['kickoff', 'design', 'wireframes', 'visual', 'build', 'launch'].map((id) => `${id} ${row(id).start}..${row(id).end}`), [
        'kickoff 2027-01-04..2027-01-04',
        'design 2027-01-04..2027-01-18',
        'wireframes 2027-01-04..2027-01-08',
        'visual 2027-01-11..2027-01-18',
        'build 2027-01-21..2027-02-17',
        'launch 2027-02-17..2027-02-17',
      ]);
      assert.equal(row('wireframes').cost, 3250);
      assert.equal(row('visual').cost, 5386.67);
      assert.equal(row('design').cost, 8636.67);
      assert.equal(row('build').cost, 34400);
      assert.equal(row('build').effort, 40);
      assert.equal(r.project.cost, 43036.67);
      assert.deepEqual([r.project.start, r.project.end, r.project.currency, r.project.budget], ['2027-01-04', '2027-02-17', 'EUR', 250000]);
      // The project deadline 2027-06-30 is the horizon: 94 working days after 2027-02-17 (Easter Monday off).
      assert.equal(row('build').slack, 94);
      assert.equal(row('launch').slack, 94);
      assert.ok(r.tasks.every((t) => !t.critical));
      // At the status date 2027-02-15 the two design leaves ended with no progress: late.
      const core = diagnosticsOf(CONTRACT_EXAMPLE).filter((d) => !['policy-not-found', 'unknown-rule'].includes(d.code));
      assert.deepEqual(core.map((d) => `${d.code}@${d.line}`).sort(), ['late@31', 'late@32'], describe_(core));
    });
  });

  describe('CSV', () => {
    const csvOf = (text: string) => scheduleCsv(reportOf(text));

    it('starts with the contract header and has one row per task, CRLF-terminated', () => {
      const csv = csvOf(plan`
        task a { duration 1d }
        milestone m { after a }
      `);
      assert.ok(csv.startsWith('id,name,kind,parent,start,end,duration,effort,cost,budget,slack,critical\r\n'));
      assert.ok(csv.endsWith('\r\n'));
      const rows = readCsv(csv);
      assert.equal(rows.length, 3);
      assert.deepEqual(rows[1], ['a', 'a', 'leaf', '', '2027-01-04', '2027-01-04', '1', '0', '0', '', '0', 'true']);
      assert.deepEqual(rows[2], ['m', 'm', 'milestone', '', '2027-01-04', '2027-01-04', '0', '0', '0', '', '0', 'true']);
    });

    it('quotes a name with a comma', () => {
      const csv = csvOf(plan`task a "Design, build" { duration 1d }`);
      assert.ok(csv.includes('\r\na,"Design, build",leaf,'), csv);
    });

    it('doubles quotes inside a quoted name', () => {
      const csv = csvOf(plan`task a "The \"big\" one" { duration 1d }`);
      assert.ok(csv.includes('\r\na,"The ""big"" one",leaf,'), csv);
      assert.equal(readCsv(csv)[1]![1], 'The "big" one');
    });

    it('quotes a name with a line break', () => {
      const csv = csvOf(plan`task a "two\nlines" { duration 1d }`);
      assert.equal(readCsv(csv)[1]![1], 'two\nlines');
      assert.ok(csv.includes('"two\nlines"'), csv);
    });

    it('leaves plain names unquoted and keeps non-ASCII text', () => {
      const csv = csvOf(plan`task a "Anna Krüger" { duration 1d }`);
      assert.ok(csv.includes('\r\na,Anna Krüger,leaf,'), csv);
    });

    it('null values are empty cells, numbers are plain', () => {
      const csv = csvOf(plan`
        resource r { rate 1_234.5/d }
        task g {
          budget 12_500
          task a { after b  duration 1d }
          task b { after a  duration 1d  assign r }
          task c { duration 2d  assign r }
        }
      `);
      const rows = readCsv(csv);
      const byId = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
      assert.deepEqual(byId.a!.slice(3), ['g', '', '', '', '0', '0', '', '', 'false']);
      assert.equal(byId.g![9], '12500');
      assert.equal(byId.c![8], '2469');
      assert.equal(byId.b![8], '1234.5');
    });

    it('every row has as many cells as the header', () => {
      const report: ScheduleReport = reportOf(CONTRACT_EXAMPLE);
      const rows = readCsv(scheduleCsv(report));
      assert.equal(rows.length, report.tasks.length + 1);
      for (const r of rows) assert.equal(r.length, 12);
    });
  });
});
