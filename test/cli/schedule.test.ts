/** planc schedule: JSON and CSV output of the schedule, exit codes. Values computed by hand. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoCrash, ensureBuilt, garbageBytes, planc, removeTempDirs, ROOT, tempDir } from './helpers';
import { CLEAN_CSV, CLEAN_PLAN, CLEAN_SCHEDULE, CYCLE_PLAN, WEEKEND_PLAN } from './plans';

const TASK_KEYS = ['id', 'name', 'kind', 'parent', 'start', 'end', 'duration', 'effort', 'cost', 'budget', 'slack', 'critical'];
const PROJECT_KEYS = ['id', 'name', 'start', 'end', 'cost', 'budget', 'currency'];
const CSV_HEADER = 'id,name,kind,parent,start,end,duration,effort,cost,budget,slack,critical';

interface Schedule { project: Record<string, unknown>; tasks: Record<string, unknown>[] }

function assertShape(report: Schedule): void {
  assert.deepEqual(Object.keys(report), ['project', 'tasks']);
  assert.deepEqual(Object.keys(report.project).sort(), [...PROJECT_KEYS].sort());
  for (const t of report.tasks) {
    assert.deepEqual(Object.keys(t).sort(), [...TASK_KEYS].sort());
    assert.ok(['leaf', 'group', 'milestone'].includes(t.kind as string));
    for (const k of ['start', 'end']) assert.ok(t[k] === null || /^\d{4}-\d{2}-\d{2}$/.test(t[k] as string), `${k} ${t[k]}`);
    assert.equal(typeof t.critical, 'boolean');
  }
}

describe('planc schedule', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());
  after(() => removeTempDirs());

  it('prints the schedule as JSON by default (exact values)', () => {
    const dir = tempDir({ 'demo.plan': CLEAN_PLAN });
    const r = planc(['schedule', 'demo.plan'], { cwd: dir });
    assertNoCrash(r);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout) as Schedule;
    assertShape(report);
    assert.deepEqual(report, CLEAN_SCHEDULE);
    // pretty-printed with two spaces, as JSON.stringify(report, null, 2)
    assert.equal(r.stdout.trimEnd(), JSON.stringify(report, null, 2));
    assert.deepEqual(JSON.parse(planc(['schedule', 'demo.plan', '--format', 'json'], { cwd: dir }).stdout), CLEAN_SCHEDULE);
  });

  it('prints CSV with the contract header, one row per task in plan order', () => {
    const dir = tempDir({ 'demo.plan': CLEAN_PLAN });
    const r = planc(['schedule', 'demo.plan', '--format', 'csv'], { cwd: dir });
    assertNoCrash(r);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.replace(/\r?\n$/, '').split(/\r?\n/);
    assert.equal(rows[0], CSV_HEADER);
    assert.deepEqual(rows, CLEAN_CSV);
  });

  it('counts working days across weekends and lags; a Saturday project start moves to Monday', () => {
    const dir = tempDir({ 'wk.plan': WEEKEND_PLAN });
    const r = planc(['schedule', 'wk.plan'], { cwd: dir });
    assertNoCrash(r);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Schedule;
    assertShape(report);
    assert.equal(report.project.start, '2027-01-04');
    assert.equal(report.project.end, '2027-01-11');
    assert.equal(report.project.currency, null);
    assert.equal(report.project.budget, null);
    assert.deepEqual(report.tasks.map((t) => [t.id, t.name, t.kind, t.parent, t.start, t.end, t.duration, t.effort, t.slack, t.critical]), [
      ['a', 'a', 'leaf', null, '2027-01-04', '2027-01-06', 3, 0, 0, true],
      ['b', 'b', 'leaf', null, '2027-01-08', '2027-01-11', 2, 0, 0, true],
    ]);
  });

  it('a plan with errors still prints its schedule, exits 0 and notes the errors on stderr', () => {
    const dir = tempDir({ 'c.plan': CYCLE_PLAN });
    const r = planc(['schedule', 'c.plan'], { cwd: dir });
    assertNoCrash(r);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, 'planc: c.plan has 2 errors; the schedule may be incomplete\n');
    const report = JSON.parse(r.stdout) as Schedule;
    assertShape(report);
    const byId = new Map(report.tasks.map((t) => [t.id, t]));
    for (const id of ['a', 'b']) {
      assert.equal(byId.get(id)!.start, null);
      assert.equal(byId.get(id)!.end, null);
      assert.equal(byId.get(id)!.critical, false);
    }
    assert.equal(byId.get('z')!.start, '2027-01-04');
    assert.equal(byId.get('z')!.end, '2027-01-05');

    const csv = planc(['schedule', 'c.plan', '--format', 'csv'], { cwd: dir });
    assert.equal(csv.status, 0);
    const rows = csv.stdout.replace(/\r?\n$/, '').split(/\r?\n/);
    assert.equal(rows[0], CSV_HEADER);
    assert.match(rows[1], /^a,a,leaf,,,,/);
  });

  it('binary garbage → a schedule (possibly empty) and exit 0, no crash', () => {
    const dir = tempDir({ 'garbage.plan': garbageBytes() });
    const r = planc(['schedule', 'garbage.plan'], { cwd: dir });
    assertNoCrash(r);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^planc: garbage\.plan has \d+ errors?; the schedule may be incomplete\n$/);
    assertShape(JSON.parse(r.stdout));
  });

  it('schedules the repository\'s example plans', function () {
    const examples = path.join(ROOT, 'examples');
    const plans = fs.existsSync(examples) ? fs.readdirSync(examples, { recursive: true }).map(String).filter((f) => f.endsWith('.plan')) : [];
    assert.ok(plans.length > 0, 'examples/ holds plans');
    for (const plan of plans) {
      const r = planc(['schedule', path.join(examples, plan)]);
      assertNoCrash(r);
      assert.equal(r.status, 0, `${plan}: ${r.stderr}`);
      assertShape(JSON.parse(r.stdout));
      const csv = planc(['schedule', path.join(examples, plan), '--format', 'csv']);
      assert.equal(csv.status, 0);
      assert.equal(csv.stdout.split(/\r?\n/)[0], CSV_HEADER);
    }
  });
});
