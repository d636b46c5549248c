/**
 * `planAsCode/timeline` and `planAsCode/export` with the real server: the model of the latest version
 * of an open plan (its dates those of `planc schedule`), a new model after an edit, null for documents
 * that are not open plans, and exports identical to `planc export`'s renderers.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzePlan } from '../../server/src/language/analyze';
import { renderExport } from '../../server/src/language/export/index';
import { timelineModel } from '../../server/src/language/timeline/model';
import type { TimelineModel } from '../../server/src/language/timeline/types';
import { EXPORT_FORMAT_NAMES } from '../../server/src/protocol';
import type { ScheduleReport } from '../../server/src/language/report';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { DEMO_PLAN, docUri, PLANC_JS, ROOT, sleep, useServer } from './lspClient';

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'website-relaunch.plan'), 'utf8');

/** `planc schedule FILE --format json` on a text. */
function plancSchedule(text: string): ScheduleReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-timeline-'));
  try {
    const file = path.join(dir, 'plan.plan');
    fs.writeFileSync(file, text);
    const r = spawnSync(process.execPath, [PLANC_JS, 'schedule', file, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as ScheduleReport;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const datesOf = (tasks: { id: string; start: string | null; end: string | null }[]) => tasks.map((t) => `${t.id} ${t.start}..${t.end}`);

describe('protocol: timeline and export', () => {
  const server = useServer();

  it('the model of an open plan: its version, and the dates planc schedule gives', async () => {
    const client = server.client();
    const uri = docUri('timeline-example.plan');
    await client.open(uri, EXAMPLE);
    const model = await client.request<TimelineModel | null>('planAsCode/timeline', { uri });
    assert.ok(model);
    assert.equal(model.uri, uri);
    assert.equal(model.version, 1);
    const report = plancSchedule(EXAMPLE);
    assert.deepEqual(datesOf(model.tasks), datesOf(report.tasks));
    assert.deepEqual([model.project.start, model.project.end, model.project.cost], [report.project.start, report.project.end, report.project.cost]);
    // The whole model is what the core computes for that text.
    assert.deepEqual(model, JSON.parse(JSON.stringify(timelineModel(analyzePlan(EXAMPLE), uri, 1))));
    assert.ok(model.weeks.length > 0 && model.resources.length > 0 && model.budget.cumulative.length === model.weeks.length);
  });

  it('after an edit: the new version, with the dates moved', async () => {
    const client = server.client();
    const uri = docUri('timeline-edit.plan');
    await client.open(uri, DEMO_PLAN);
    const first = await client.request<TimelineModel>('planAsCode/timeline', { uri });
    assert.equal(first.version, 1);
    const before = first.tasks.find((t) => t.id === 'build')!;
    assert.deepEqual([before.start, before.end], ['2027-01-08', '2027-01-14']);

    const edited = DEMO_PLAN.replace('start 2027-01-04', 'start 2027-02-01');
    assert.notEqual(edited, DEMO_PLAN);
    const version = await client.change(uri, edited);
    // Asked at once: the server waits for the edit to settle and answers for it.
    const second = await client.request<TimelineModel>('planAsCode/timeline', { uri });
    assert.equal(second.version, version);
    assert.deepEqual(datesOf(second.tasks), datesOf(plancSchedule(edited).tasks));
    const after = second.tasks.find((t) => t.id === 'build')!;
    assert.deepEqual([after.start, after.end], ['2027-02-05', '2027-02-11']);
    assert.equal(second.project.start, '2027-02-01');
  });

  it('a burst of edits: the answer is for the last one', async () => {
    const client = server.client();
    const uri = docUri('timeline-burst.plan');
    await client.open(uri, DEMO_PLAN);
    let text = DEMO_PLAN;
    let version = 1;
    for (const days of [2, 3, 4, 5, 6]) {
      text = text.replace(/duration \d+d/, `duration ${days}d`);
      version = await client.change(uri, text);
    }
    const model = await client.request<TimelineModel>('planAsCode/timeline', { uri });
    assert.equal(model.version, version);
    assert.deepEqual(datesOf(model.tasks), datesOf(plancSchedule(text).tasks));
  });

  it('problems count the plan\'s errors and warnings as the status notification does', async () => {
    const client = server.client();
    const uri = docUri('timeline-problems.plan');
    // An unknown reference (error), ana booked twice on 2027-01-04 (two warnings), and a missing policy:
    // an error that comes from the policies, not from the plan's own analysis.
    const text = `${DEMO_PLAN.replace('currency EUR', 'currency EUR\n  uses "./missing.policy"')}
task broken { after nowhere  duration 1d }
task twice { duration 1d  assign ana }
`;
    await client.open(uri, text);
    const status = await client.status(uri, 1);
    const model = await client.request<TimelineModel>('planAsCode/timeline', { uri });
    assert.ok(status.problems.errors > 0 && status.problems.warnings > 0, JSON.stringify(status));
    assert.deepEqual(model.problems, status.problems);
    assert.deepEqual(timelineModel(analyzePlan(text), uri, 1).problems, { errors: status.problems.errors - 1, warnings: status.problems.warnings });
  });

  it('a plan that cannot be scheduled still has a model; names are kept exactly', async () => {
    const client = server.client();
    const uri = docUri('timeline-cycle.plan');
    const text = `project p "Cycle: #1 <b>&amp;</b>" { start 2027-01-04 }
task a "A: \\"quoted\\" <i>x</i>" { after b  duration 1d }
task b { after a  duration 1d }
task c { duration 2d }
`;
    await client.open(uri, text);
    const model = await client.request<TimelineModel>('planAsCode/timeline', { uri });
    assert.equal(model.project.name, 'Cycle: #1 <b>&amp;</b>');
    const a = model.tasks.find((t) => t.id === 'a')!;
    assert.equal(a.name, 'A: "quoted" <i>x</i>');
    assert.equal(a.start, null);
    assert.match(a.unscheduledReason!, /dependency cycle/);
    assert.equal(model.tasks.find((t) => t.id === 'c')!.end, '2027-01-05');
  });

  it('null for a document that is not open and for a policy; a closed plan is not open', async () => {
    const client = server.client();
    assert.equal(await client.request('planAsCode/timeline', { uri: docUri('never-opened.plan') }), null);
    assert.equal(await client.request('planAsCode/export', { uri: docUri('never-opened.plan'), format: 'csv' }), null);
    const policy = docUri('timeline.policy');
    await client.open(policy, 'policy p "P" {\n  rule r error "R" {\n    each task require has owner\n  }\n}\n', 'plan-policy');
    assert.equal(await client.request('planAsCode/timeline', { uri: policy }), null);
    assert.equal(await client.request('planAsCode/export', { uri: policy, format: 'mermaid' }), null);
    const uri = docUri('timeline-closed.plan');
    await client.open(uri, DEMO_PLAN);
    assert.ok(await client.request('planAsCode/timeline', { uri }));
    await client.close(uri);
    assert.equal(await client.request('planAsCode/timeline', { uri }), null);
  });

  it('malformed parameters: null or an error response, and the server keeps answering', async () => {
    const client = server.client();
    assert.equal(await client.request('planAsCode/timeline', {}), null);
    assert.equal(await client.request('planAsCode/timeline', { uri: 42 }), null);
    const uri = docUri('timeline-params.plan');
    await client.open(uri, DEMO_PLAN);
    await assert.rejects(client.request('planAsCode/export', { uri, format: 'pdf' }), /Unknown export format "pdf"/);
    assert.equal((await client.request<TimelineModel>('planAsCode/timeline', { uri })).version, 1);
  });

  it('exports: every format is the text planc export renders for the current version', async () => {
    const client = server.client();
    const uri = docUri('timeline-export.plan');
    await client.open(uri, EXAMPLE);
    const edited = EXAMPLE.replace(/duration (\d+)d/, (_m, d: string) => `duration ${Number(d) + 3}d`);
    assert.notEqual(edited, EXAMPLE);
    await client.change(uri, edited);
    const analysis = analyzePlan(edited);
    // iCalendar stamps each export with the time it was made.
    const withoutStamp = (s: string) => s.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP');
    for (const format of EXPORT_FORMAT_NAMES) {
      const answer = await client.request<{ text: string } | null>('planAsCode/export', { uri, format });
      assert.ok(answer, format);
      const expected = format === 'markdown' ? renderExport(analysis, 'mermaid', { markdown: true }) : renderExport(analysis, format);
      assert.equal(withoutStamp(answer.text), withoutStamp(expected), format);
    }
    const markdown = (await client.request<{ text: string }>('planAsCode/export', { uri, format: 'markdown' })).text;
    assert.match(markdown, /^```mermaid\ngantt\n/);
  });
});

describe('protocol: timeline while edits settle', () => {
  // A long diagnostics delay: a request after a burst of edits waits for the burst to settle.
  const server = useServer({ settings: () => ({ diagnostics: { delay: 1000 } }) });

  async function openAndEditTwice(uri: string): Promise<number> {
    const client = server.client();
    await client.open(uri, DEMO_PLAN);
    await client.waitFor('the settings of the plan', () => (client.configurationRequests.some((r) => r.items.some((i) => i.scopeUri === uri)) ? true : undefined));
    await client.diagnostics(uri, 1);
    await client.change(uri, DEMO_PLAN.replace('duration 5d', 'duration 6d'));
    return client.change(uri, DEMO_PLAN.replace('duration 5d', 'duration 7d'));
  }

  it('answers for the version the burst ends with', async () => {
    const client = server.client();
    const uri = docUri('timeline-settle.plan');
    const version = await openAndEditTwice(uri);
    const model = await client.request<TimelineModel>('planAsCode/timeline', { uri });
    assert.equal(model.version, version);
    assert.equal(model.tasks.find((t) => t.id === 'build')!.duration, 7);
  });

  it('a request cancelled while it waits is answered as cancelled', async () => {
    const client = server.client();
    const uri = docUri('timeline-cancel.plan');
    await openAndEditTwice(uri);
    const source = new CancellationTokenSource();
    const answer = client.connection.sendRequest('planAsCode/timeline', { uri }, source.token);
    await sleep(100);
    source.cancel();
    await assert.rejects(answer, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled && /planAsCode\/timeline was cancelled/.test(e.message));
  });
});
