/**
 * Diagnostics: pushed on open and (debounced) on change with the document version; the last version
 * always wins; pull diagnostics for clients that ask; policies get their syntax diagnostics; the
 * `planAsCode/status` notification follows every analysis.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, clientCapabilities, DEMO_PLAN, docUri, ensureBuilt, sleep, startClient, type TestClient } from './lspClient';

export const BROKEN_PLAN = `project demo "Demo" {
  start 2027-01-04
}

resource ana "Ana" { rate 500/d }

task write "Write" {
  after desing
  duration 2d
  assign ana
}
task review "Review" { effort 2d }
`;

/** What the core reports for BROKEN_PLAN (the same as `planc check --format json`), as LSP diagnostics. */
const BROKEN_DIAGNOSTICS = [
  {
    range: { start: { line: 7, character: 8 }, end: { line: 7, character: 14 } },
    severity: 1,
    code: 'unknown-reference',
    source: 'plan',
    message: "Unknown task or milestone 'desing' in the dependencies of write.",
  },
  {
    range: { start: { line: 11, character: 23 }, end: { line: 11, character: 32 } },
    severity: 2,
    code: 'effort-without-assignee',
    source: 'plan',
    message: "review has an effort but nobody is assigned; it is scheduled as a duration of the same length. Add 'assign'.",
  },
];

export const BROKEN_POLICY = `policy standard "ACME PMO standard" {
  rule owner-required error "Every task needs an accountable owner" {
    each task require has owner
  }
  rule broken warning {
    each leaf require
  }
}
`;

/** Diagnostics without `data` (fix facts, checked by the code action tests) and related information. */
function essentials(ds: Diagnostic[]) {
  return ds.map(({ range, severity, code, source, message }) => ({ range, severity, code, source, message }));
}

describe('protocol: diagnostics (push)', () => {
  let client: TestClient;
  before(async () => { ensureBuilt(); client = await startClient(); });
  after(async () => { await client?.shutdown().catch(() => {}); client?.kill(); });

  it('on open: the core diagnostics, with ranges, codes, messages and the document version', async () => {
    const uri = docUri('broken.plan');
    await client.open(uri, BROKEN_PLAN);
    const published = await client.diagnostics(uri, 1);
    assert.deepEqual(essentials(published.diagnostics), BROKEN_DIAGNOSTICS);
    // Fix facts travel with each diagnostic, for code actions.
    assert.deepEqual(published.diagnostics[0].data, { ...published.diagnostics[0].data, start: BROKEN_PLAN.indexOf('desing'), end: BROKEN_PLAN.indexOf('desing') + 6 });
  });

  it('status notification: project end and problem counts of the analysed version', async () => {
    const uri = docUri('broken.plan');
    const status = await client.status(uri, 1);
    // write: 2 days from Mon 2027-01-04; review: its 2-day effort as a duration, in parallel.
    assert.deepEqual(status, { uri, version: 1, projectEnd: '2027-01-05', problems: { errors: 1, warnings: 1 } });
  });

  it('on change: fixed problems disappear, the version follows', async () => {
    const uri = docUri('broken.plan');
    const fixed = BROKEN_PLAN.replace('after desing\n', '').replace('{ effort 2d }', '{ after write  effort 2d  assign ana }');
    const version = await client.change(uri, fixed);
    const published = await client.diagnostics(uri, version);
    assert.deepEqual(published.diagnostics, []);
    assert.deepEqual((await client.status(uri, version)).problems, { errors: 0, warnings: 0 });
  });

  it('incremental changes are applied like an editor sends them', async () => {
    const uri = docUri('incremental.plan');
    await client.open(uri, DEMO_PLAN);
    await client.diagnostics(uri, 1);
    // Type "x" after "after design" → unknown reference 'designx'.
    const at = { line: 15, character: '  after design'.length };
    const version = await client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    const published = await client.diagnostics(uri, version);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), [
      ['unknown-reference', { start: { line: 15, character: 8 }, end: { line: 15, character: 15 } }],
    ]);
  });

  it('rapid edits: debounced, and the last published diagnostics are those of the last version', async () => {
    const uri = docUri('rapid.plan');
    await client.open(uri, DEMO_PLAN);
    await client.diagnostics(uri, 1);
    const before = client.publishesOf(uri).length;
    const edits = 25;
    let last = 0;
    for (let i = 1; i <= edits; i++) {
      // Not awaited one by one in spirit: the notifications go out back to back, like fast typing.
      last = await client.change(uri, DEMO_PLAN.replace('after design', `after missing${i}`));
    }
    const published = await client.diagnostics(uri, last);
    assert.deepEqual(published.diagnostics.map((d) => d.message), [`Unknown task or milestone 'missing${edits}' in the dependencies of build.`]);
    await sleep(400); // nothing older may arrive afterwards
    const burst = client.publishesOf(uri).slice(before);
    assert.ok(burst.length < edits, `debounced: ${burst.length} publishes for ${edits} edits`);
    const versions = burst.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions never go back');
    assert.equal(versions.at(-1), last);
    for (const p of burst) {
      // Every publish matches the text of its own version.
      assert.deepEqual(p.diagnostics.map((d) => d.message), [`Unknown task or milestone 'missing${p.version! - 1}' in the dependencies of build.`]);
    }
    const statuses = client.statuses.filter((s) => s.uri === uri);
    assert.equal(statuses.at(-1)?.version, last);
  });

  it('a policy document gets its syntax diagnostics (like planc check)', async () => {
    const uri = docUri('broken.policy');
    await client.open(uri, BROKEN_POLICY, 'plan-policy');
    const published = await client.diagnostics(uri, 1);
    assert.deepEqual(essentials(published.diagnostics), [
      {
        range: { start: { line: 4, character: 14 }, end: { line: 4, character: 21 } },
        severity: 1, code: 'syntax', source: 'plan-policy',
        message: 'Rule broken needs a message (a string) after its severity.',
      },
      {
        range: { start: { line: 6, character: 2 }, end: { line: 6, character: 3 } },
        severity: 1, code: 'syntax', source: 'plan-policy',
        message: "Expected a number, a duration (like 5d), a percentage (like 50%), a date (YYYY-MM-DD), a string, 'has' or another after 'require' but found '}'.",
      },
    ]);
    assert.deepEqual(await client.status(uri, 1), { uri, version: 1, projectEnd: null, problems: { errors: 2, warnings: 0 } });
  });

  it('a *.policy file opened with another language id is still read as a policy', async () => {
    const uri = docUri('other-id.policy');
    await client.open(uri, BROKEN_POLICY, 'plaintext');
    const published = await client.diagnostics(uri, 1);
    assert.deepEqual(published.diagnostics.map((d) => d.source), ['plan-policy', 'plan-policy']);
  });

  it('several documents at once: each gets its own diagnostics', async () => {
    const uris = [0, 1, 2].map((i) => docUri(`multi-${i}.plan`));
    await Promise.all(uris.map((uri, i) => client.open(uri, DEMO_PLAN.replace('after design', `after ghost${i}`))));
    for (const [i, uri] of uris.entries()) {
      const published = await client.diagnostics(uri, 1);
      assert.deepEqual(published.diagnostics.map((d) => d.message), [`Unknown task or milestone 'ghost${i}' in the dependencies of build.`]);
    }
  });

  it('close: the document\'s problems are cleared', async () => {
    const uri = docUri('multi-0.plan');
    const count = client.publishesOf(uri).length;
    await client.close(uri);
    const cleared = await client.waitFor('the clearing publish', () => client.publishesOf(uri)[count]);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('a plan re-opened after close is analysed afresh', async () => {
    const uri = docUri('multi-0.plan');
    const count = client.publishesOf(uri).length;
    await client.open(uri, BROKEN_PLAN);
    const published = await client.waitFor('the publish after re-open', () => client.publishesOf(uri)[count]);
    assert.equal(published.version, 1);
    assert.deepEqual(essentials(published.diagnostics), BROKEN_DIAGNOSTICS);
  });
});

describe('protocol: diagnostics after many edits', () => {
  let client: TestClient;
  before(async () => {
    ensureBuilt();
    client = await startClient({ settings: () => ({ diagnostics: { delay: 0 } }) });
  });
  after(async () => { await client?.shutdown().catch(() => {}); client?.kill(); });

  it('a document edited 60 times: after each edit, the diagnostics of a fresh analysis of the same text', async () => {
    const original = fs.readFileSync(path.join(ROOT, 'examples', 'website-relaunch.plan'), 'utf8');
    const uri = docUri('edited.plan');
    await client.open(uri, original);
    await client.diagnostics(uri, 1);
    let text = original;
    let seed = 42;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const snippets = ['x', ' ', '\n', '}', '{', 'after kickoff ', 'task t { duration 2d }\n', '"', '2027-', 'effort 3d', '//'];
    const offsetToPosition = (t: string, offset: number) => {
      const before = t.slice(0, offset);
      return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
    };
    for (let i = 0; i < 60; i++) {
      const start = random(text.length);
      const end = Math.min(text.length, start + (random(3) === 0 ? random(40) : 0));
      const insert = random(4) === 0 ? '' : snippets[random(snippets.length)];
      const range = { start: offsetToPosition(text, start), end: offsetToPosition(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      const version = await client.change(uri, [{ range, text: insert }]);
      const edited = (await client.diagnostics(uri, version)).diagnostics;
      const fresh = docUri(`fresh-${i}.plan`);
      await client.open(fresh, text);
      const expected = (await client.diagnostics(fresh, 1)).diagnostics;
      await client.close(fresh);
      assert.deepEqual(essentials(edited), essentials(expected), `after edit ${i + 1}`);
    }
    assert.notEqual(text, original);
    assert.ok((await client.diagnostics(uri)).diagnostics.length > 0, 'the random edits broke something');
  });
});

describe('protocol: diagnostics (pull)', () => {
  let client: TestClient;
  before(async () => { ensureBuilt(); client = await startClient({ capabilities: clientCapabilities({ pull: true }) }); });
  after(async () => { await client?.shutdown().catch(() => {}); client?.kill(); });

  it('a client that supports pull diagnostics is offered textDocument/diagnostic', () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'plan', interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('until it pulls, diagnostics are pushed; its first pull clears what was pushed', async () => {
    const uri = docUri('pull-late.plan');
    await client.open(uri, BROKEN_PLAN);
    const pushed = await client.diagnostics(uri, 1);
    assert.deepEqual(essentials(pushed.diagnostics), BROKEN_DIAGNOSTICS);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(essentials(report.items), BROKEN_DIAGNOSTICS);
    const cleared = await client.waitFor('the clearing publish', () => client.publishesOf(uri).find((p) => p.diagnostics.length === 0));
    assert.equal(cleared.version, undefined);
  });

  it('pull: full report, unchanged with the previous result id, a new report after a change, no more pushes', async () => {
    const uri = docUri('pull.plan');
    const pushesBefore = client.published.length;
    await client.open(uri, BROKEN_PLAN);
    const first = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(essentials(first.items), BROKEN_DIAGNOSTICS);
    assert.equal(typeof first.resultId, 'string');

    const again = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    const version = await client.change(uri, DEMO_PLAN);
    const started = performance.now();
    const after = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    // Pulls are debounced like pushes (50 ms by default after the last edit).
    assert.ok(performance.now() - started >= 30, 'the pull waited for the edits to settle');
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, first.resultId);
    assert.deepEqual(after.items, []);

    // The status bar still hears about every analysis.
    assert.deepEqual((await client.status(uri, version)).problems, { errors: 0, warnings: 0 });
    await sleep(300);
    assert.deepEqual(client.published.slice(pushesBefore).filter((p) => p.diagnostics.length > 0), [], 'nothing pushed in pull mode');
  });

  it('pull of a policy and of a document that is not open', async () => {
    const uri = docUri('pull.policy');
    await client.open(uri, BROKEN_POLICY, 'plan-policy');
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((d) => d.code), ['syntax', 'syntax']);
    const none = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: docUri('never-opened.plan') } });
    assert.deepEqual(none, { kind: 'full', items: [] });
  });

  it('a client that declares pull support but never pulls still gets pushed diagnostics', async () => {
    const other = await startClient({ capabilities: clientCapabilities({ pull: true }) });
    try {
      const uri = docUri('never-pulls.plan');
      await other.open(uri, BROKEN_PLAN);
      assert.deepEqual(essentials((await other.diagnostics(uri, 1)).diagnostics), BROKEN_DIAGNOSTICS);
      const version = await other.change(uri, DEMO_PLAN);
      assert.deepEqual((await other.diagnostics(uri, version)).diagnostics, []);
      await other.shutdown();
    } finally {
      other.kill();
    }
  });
});
