/**
 * Policies with the real server: a temporary workspace folder on disk with a plan and policy files.
 * Violations carry `policy/<id>` and the rule's docs link; problems of a policy file are published on
 * its uri (open or not); editing an open policy or changing one on disk checks the plan again;
 * `planAsCode/effectivePolicy`; completion, hover and definition in policy files and on waivers.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type CompletionList, type Diagnostic, type Hover, type Location,
} from 'vscode-languageserver-protocol/node';
import { clientCapabilities, ensureBuilt, positionOf, ROOT, SERVER_JS, TestClient } from './lspClient';
import type { EffectivePolicyResult } from '../../server/src/protocol';

const BASE = `policy base "PMO base" {
  version "1.0.0"
  rule owner-required error "Every task needs an owner" {
    docs "https://pmo.example/rules/owner-required"
    each task require has owner
  }
  rule max-length warning "Leaf tasks at most 20 days" {
    each leaf require duration <= 20d
  }
}
`;

const TEAM = `policy team "Team policy" {
  version "2.1.0"
  extends "./pmo/base.policy"
  rule max-length error "Leaf tasks at most 5 days" {
    each leaf require duration <= 5d
  }
}
`;

const PLAN = `project demo "Demo" {
  start 2027-03-01
  uses "./team.policy"
  waive max-length on build "The vendor fixes it"
}

resource dev "Developer" { rate 500/d }

task design "Design" { duration 3d  assign dev  owner dev }
task build "Build" { after design  duration 8d  assign dev  owner dev }
task test "Test" { after build  duration 2d  assign dev }
`;

const BROKEN = `policy broken "Broken" {
  extends "./missing.policy"
  rule odd error "Odd" {
    each task require nosuchfact > 1
  }
}
`;

async function startIn(folder: string, settings: (scopeUri?: string) => unknown = () => ({}), capabilities = clientCapabilities()): Promise<TestClient> {
  ensureBuilt();
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = new TestClient(connection, child, settings);
  client.initializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
    capabilities,
  });
  await connection.sendNotification('initialized', {});
  return client;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('protocol: policies', () => {
  let dir: string;
  let client: TestClient;
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-policies-')));
    fs.mkdirSync(path.join(dir, 'pmo'));
    fs.writeFileSync(path.join(dir, 'pmo', 'base.policy'), BASE);
    fs.writeFileSync(path.join(dir, 'team.policy'), TEAM);
    fs.writeFileSync(path.join(dir, 'broken.policy'), BROKEN);
    fs.writeFileSync(path.join(dir, 'demo.plan'), PLAN);
    fs.writeFileSync(path.join(dir, 'extra.policy'), `policy extra "Extra" {\n  rule names info "Names" {\n    each task require id matches "^[a-z]+$"\n  }\n}\n`);
    client = await startIn(dir, () => ({}));
  });
  after(async () => {
    await client?.shutdown().catch(() => {});
    client?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports violations with code policy/<id>, the rule severity and the docs link; waivers apply', async () => {
    await client.open(uri('demo.plan'), PLAN);
    const { diagnostics } = await client.diagnostics(uri('demo.plan'), 1);
    const owner = diagnostics.find((d) => d.code === 'policy/owner-required');
    assert.ok(owner, JSON.stringify(diagnostics));
    assert.equal(owner.severity, 1);
    assert.equal(owner.message, 'Every task needs an owner');
    assert.deepEqual(owner.codeDescription, { href: 'https://pmo.example/rules/owner-required' });
    assert.equal(PLAN.split('\n')[owner.range.start.line].includes('task test'), true);
    // build (8d) is waived; no other leaf is longer than 5 days.
    assert.equal(diagnostics.filter((d) => d.code === 'policy/max-length').length, 0);
  });

  it('hover on a waiver names the rule, its policy file and version; definition goes to the rule', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('demo.plan') }, position: positionOf(PLAN, 'max-length', 2) });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /max-length/);
    assert.match(text, /team\.policy/);
    assert.match(text, /team/);
    assert.match(text, /2\.1\.0/);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('demo.plan') }, position: positionOf(PLAN, 'max-length', 2) });
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, uri('team.policy'));
    assert.equal(defs[0].range.start.line, 3);
  });

  it('hover on a violating subject lists its violations with the rule\'s policy', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('demo.plan') }, position: positionOf(PLAN, 'task test', 6) });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /Policy violations/);
    assert.match(text, /`owner-required`: Every task needs an owner — `pmo\/base\.policy`, policy `base` 1\.0\.0/);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('demo.plan') }, position: positionOf(PLAN, 'task test', 6) });
    assert.deepEqual(defs[0], { uri: uri('pmo/base.policy'), range: { start: { line: 2, character: 7 }, end: { line: 2, character: 21 } } });
  });

  it('completes rule ids after waive', async () => {
    const text = PLAN.replace('waive max-length on build', 'waive ');
    const v = await client.change(uri('demo.plan'), text);
    await client.diagnostics(uri('demo.plan'), v);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri('demo.plan') }, position: positionOf(text, 'waive ', 6) });
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['max-length', 'owner-required']);
    const v2 = await client.change(uri('demo.plan'), PLAN);
    await client.diagnostics(uri('demo.plan'), v2);
  });

  it('answers planAsCode/effectivePolicy with each rule in effect', async () => {
    const r = await client.request<EffectivePolicyResult>('planAsCode/effectivePolicy', { uri: uri('demo.plan') });
    assert.deepEqual(r.entries, [uri('team.policy')]);
    assert.deepEqual(new Set(r.files), new Set([uri('team.policy'), uri('pmo/base.policy')]));
    const byId = new Map(r.rules.map((x) => [x.id, x]));
    const max = byId.get('max-length')!;
    assert.equal(max.severity, 'error');
    assert.equal(max.file, uri('team.policy'));
    assert.equal(max.policyId, 'team');
    assert.equal(max.policyVersion, '2.1.0');
    assert.deepEqual(max.overrides, [{ file: uri('pmo/base.policy'), policyId: 'base' }]);
    assert.deepEqual(max.waivers.map((w) => ({ on: w.on, reason: w.reason })), [{ on: ['build'], reason: 'The vendor fixes it' }]);
    const owner = byId.get('owner-required')!;
    assert.equal(owner.docs, 'https://pmo.example/rules/owner-required');
    assert.equal(owner.policyVersion, '1.0.0');
    assert.equal(await client.request('planAsCode/effectivePolicy', { uri: uri('nothing.plan') }), null);
  });

  it('editing an open policy checks the plans that use it (through extends) again', async () => {
    const before = client.publishesOf(uri('demo.plan')).length;
    await client.open(uri('pmo/base.policy'), BASE, 'plan-policy');
    await client.diagnostics(uri('pmo/base.policy'), 1);
    await client.change(uri('pmo/base.policy'), BASE.replace('each task require has owner', 'each task require has budget'));
    const published = await client.waitFor('a re-check of the plan without owner violations', () => {
      const all = client.publishesOf(uri('demo.plan'));
      const latest = all[all.length - 1];
      return all.length > before && latest.diagnostics.filter((d) => d.code === 'policy/owner-required').length === 3 ? latest : undefined;
    });
    assert.equal(published.version, client.version(uri('demo.plan')), 'the plan itself did not change');
    await client.close(uri('pmo/base.policy'));
    // Closed: the text on disk applies again.
    await client.waitFor('the plan checked against the file on disk', () => {
      const all = client.publishesOf(uri('demo.plan'));
      return all[all.length - 1].diagnostics.filter((d) => d.code === 'policy/owner-required').length === 1 ? true : undefined;
    });
  });

  it('a policy changed on disk (didChangeWatchedFiles) checks the plan again', async () => {
    fs.writeFileSync(path.join(dir, 'team.policy'), TEAM.replace('<= 5d', '<= 1d'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team.policy'), type: 2 }] });
    const latest = await client.waitFor('max-length violations', () => {
      const all = client.publishesOf(uri('demo.plan'));
      const d = all[all.length - 1].diagnostics.filter((x) => x.code === 'policy/max-length');
      return d.length >= 2 ? d : undefined;
    });
    assert.equal(latest.length, 2);
    fs.writeFileSync(path.join(dir, 'team.policy'), TEAM);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team.policy'), type: 2 }] });
    await client.waitFor('no max-length violations', () => {
      const all = client.publishesOf(uri('demo.plan'));
      return all[all.length - 1].diagnostics.some((x) => x.code === 'policy/max-length') ? undefined : true;
    });
  });

  it('problems of a policy file a plan uses are published on the policy uri, even when it is not open', async () => {
    const text = PLAN.replace('uses "./team.policy"', 'uses "./team.policy"\n  uses "./broken.policy"');
    await client.change(uri('demo.plan'), text);
    const published = await client.waitFor('diagnostics of broken.policy', () => {
      const all = client.publishesOf(uri('broken.policy'));
      return all.length > 0 ? all[all.length - 1] : undefined;
    });
    assert.deepEqual(codes(published.diagnostics), ['policy-not-found', 'policy-unknown-fact']);
    assert.ok(published.diagnostics.every((d) => d.source === 'plan-policy'));
    // The plan itself gets no diagnostic for them.
    const plan = client.publishesOf(uri('demo.plan')).at(-1)!;
    assert.ok(!plan.diagnostics.some((d) => String(d.code).startsWith('policy-')), JSON.stringify(plan.diagnostics));
    // No longer used: cleared.
    await client.change(uri('demo.plan'), PLAN);
    await client.waitFor('broken.policy cleared', () => (client.publishesOf(uri('broken.policy')).at(-1)!.diagnostics.length === 0 ? true : undefined));
  });

  it('a uses naming no readable file is policy-not-found in the plan', async () => {
    const text = PLAN.replace('./team.policy', './nope.policy');
    const v = await client.change(uri('demo.plan'), text);
    const { diagnostics } = await client.diagnostics(uri('demo.plan'), v);
    const nf = diagnostics.find((d) => d.code === 'policy-not-found');
    assert.ok(nf);
    assert.equal(nf.range.start.line, 2);
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-rule'));
    const v2 = await client.change(uri('demo.plan'), PLAN);
    await client.diagnostics(uri('demo.plan'), v2);
  });

  it('an open policy document gets the diagnostics of loading it as a set', async () => {
    await client.open(uri('broken.policy'), BROKEN, 'plan-policy');
    const { diagnostics } = await client.diagnostics(uri('broken.policy'), 1);
    assert.deepEqual(codes(diagnostics), ['policy-not-found', 'policy-unknown-fact']);
  });

  it('completion, hover and definition in policy files', async () => {
    await client.open(uri('team.policy'), TEAM, 'plan-policy');
    await client.diagnostics(uri('team.policy'), 1);
    const complete = (text: string, needle: string, delta: number) =>
      client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri('team.policy') }, position: positionOf(text, needle, delta) });
    const labels = async (text: string, needle: string, delta: number) => (await complete(text, needle, delta)).items.map((i) => i.label);
    assert.deepEqual(await labels(TEAM, 'each ', 5), ['task', 'leaf', 'group', 'milestone', 'resource']);
    assert.ok((await labels(TEAM, 'max-length ', 11)).includes('warning'));
    const facts = await labels(TEAM, 'require ', 8);
    for (const f of ['duration', 'owner', 'slack', 'critical', 'has']) assert.ok(facts.includes(f), f);

    const hover = (needle: string, delta = 1) =>
      client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri('team.policy') }, position: positionOf(TEAM, needle, delta) });
    const fact = await hover('duration <=');
    assert.match((fact!.contents as { value: string }).value, /duration.*fact, duration/s);
    const rule = await hover('max-length');
    assert.match((rule!.contents as { value: string }).value, /Leaf tasks at most 5 days/);
    const severity = await hover('error');
    assert.match((severity!.contents as { value: string }).value, /error/);

    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('team.policy') }, position: positionOf(TEAM, './pmo', 3) });
    assert.deepEqual(defs.map((d) => d.uri), [uri('pmo/base.policy')]);
    const overridden = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('team.policy') }, position: positionOf(TEAM, 'max-length', 2) });
    assert.deepEqual(overridden, [{ uri: uri('pmo/base.policy'), range: { start: { line: 6, character: 7 }, end: { line: 6, character: 17 } } }]);
  });
});

describe('protocol: policies from the planAsCode.policies setting', () => {
  let base: string;
  let dir: string;
  let client: TestClient;
  before(async () => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-policies-setting-')));
    dir = path.join(base, 'ws');
    fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
    fs.writeFileSync(path.join(base, 'outside.policy'), 'policy outside {\n  rule everything error "Outside" {\n    each task require id = "never"\n  }\n}\n');
    fs.writeFileSync(path.join(dir, 'rules', 'names.policy'), `policy names "Names" {\n  rule short-ids hint "Ids of at most 5 letters" {\n    docs "https://pmo.example/ids"\n    each task require id matches "^[a-z]{1,5}$"\n  }\n}\n`);
    client = await startIn(dir, () => ({ policies: ['rules/names.policy', '../outside.policy'] }));
  });
  after(async () => {
    await client?.shutdown().catch(() => {});
    client?.kill();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('applies the setting\'s policies (workspace-relative) to every plan', async () => {
    const plan = 'project p "P" {\n  start 2027-03-01\n}\n\ntask longname "L" { duration 1d }\ntask ok "O" { duration 1d }\n';
    const u = pathToFileURL(path.join(dir, 'sub', 'p.plan')).href;
    await client.open(u, plan);
    const d = await client.waitFor('the short-ids violation', () => client.publishesOf(u).at(-1)?.diagnostics.find((x) => x.code === 'policy/short-ids'));
    assert.equal(d.severity, 4);
    assert.deepEqual(d.codeDescription, { href: 'https://pmo.example/ids' });
    assert.equal(d.range.start.line, 4);
  });

  it('a changed setting applies after workspace/didChangeConfiguration', async () => {
    const u = pathToFileURL(path.join(dir, 'sub', 'p.plan')).href;
    client.settings = () => ({ policies: [] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('no short-ids violation', () => (client.publishesOf(u).at(-1)?.diagnostics.some((x) => x.code === 'policy/short-ids') ? undefined : true));
    client.settings = () => ({ policies: ['rules/names.policy', '../outside.policy'] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('the short-ids violation again', () => (client.publishesOf(u).at(-1)?.diagnostics.some((x) => x.code === 'policy/short-ids') ? true : undefined));
  });

  it('a setting path leading out of the workspace is ignored', async () => {
    const r = await client.request<EffectivePolicyResult>('planAsCode/effectivePolicy', { uri: pathToFileURL(path.join(dir, 'sub', 'p.plan')).href });
    assert.deepEqual(r.entries, [pathToFileURL(path.join(dir, 'rules', 'names.policy')).href]);
    assert.deepEqual(r.notFound, ['../outside.policy']);
    assert.ok(!r.rules.some((x) => x.id === 'everything'));
  });
});

describe('protocol: policies with pull diagnostics', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-policies-pull-')));
    fs.mkdirSync(path.join(dir, 'pmo'));
    fs.writeFileSync(path.join(dir, 'pmo', 'base.policy'), BASE);
    fs.writeFileSync(path.join(dir, 'team.policy'), TEAM);
    client = await startIn(dir, () => ({}), clientCapabilities({ pull: true }));
  });
  after(async () => {
    await client?.shutdown().catch(() => {});
    client?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a policy edit makes the pulled result of an unchanged plan new', async () => {
    const plan = pathToFileURL(path.join(dir, 'demo.plan')).href;
    const base = pathToFileURL(path.join(dir, 'pmo', 'base.policy')).href;
    await client.open(plan, PLAN);
    type Report = { kind: string; resultId?: string; items?: Diagnostic[] };
    const first = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: plan } });
    assert.equal(first.items!.filter((d) => d.code === 'policy/owner-required').length, 1);
    await client.open(base, BASE, 'plan-policy');
    await client.change(base, BASE.replace('has owner', 'has budget'));
    await client.waitFor('a diagnostics refresh', () => (client.serverRequests.includes('workspace/diagnostic/refresh') ? true : undefined));
    const second = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: plan }, previousResultId: first.resultId });
    assert.equal(second.kind, 'full');
    assert.equal(second.items!.filter((d) => d.code === 'policy/owner-required').length, 3);
  });
});
