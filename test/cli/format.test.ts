/** Unit tests of the output formatters (no engine needed): escaping, shapes, counts. */
import * as assert from 'node:assert/strict';
import { escapeData, escapeProperty, formatGithub, formatJson, formatSarif, formatText, countSeverities, type FileResult } from '../../server/src/cli/format';
import { shouldColor } from '../../server/src/cli/color';
import { displayPath, decode } from '../../server/src/cli/files';
import { parseArgs } from '../../server/src/cli/args';
import { checkPolicyText } from '../../server/src/cli/policy';
import { main, reportFailure } from '../../server/src/cli/main';
import type { Io } from '../../server/src/cli/io';

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

const RESULTS: FileResult[] = [
  { file: 'a.plan', absolute: '/w/a.plan', diagnostics: [
    { range: range(0, 0, 0, 7), severity: 'error', code: 'missing-project', source: 'plan', message: 'No project: 100% sure, a, b.' },
    { range: range(2, 4, 3, 1), severity: 'warning', code: 'late', source: 'plan', message: 'Line one\nline two\r\n' },
  ] },
  { file: 'sub/b.plan', absolute: '/w/sub/b.plan', diagnostics: [
    { range: range(1, 2, 1, 3), severity: 'info', code: 'policy/task-ids', source: 'plan', message: 'Ids are kebab-case.' },
    { range: range(1, 5, 1, 6), severity: 'hint', code: 'policy/h', source: 'plan', message: 'Hint.' },
  ] },
  { file: 'c.plan', absolute: '/w/c.plan', diagnostics: [] },
];

describe('planc formatters (unit)', () => {
  it('escapes GitHub workflow command data and properties', () => {
    assert.equal(escapeData('100% a\r\nb'), '100%25 a%0D%0Ab');
    assert.equal(escapeData('a:b,c'), 'a:b,c');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('github: one command per diagnostic, notice for info and hint', () => {
    const lines = formatGithub(RESULTS).trimEnd().split('\n');
    assert.deepEqual(lines, [
      '::error file=a.plan,line=1,col=1,endLine=1,endColumn=8,title=missing-project::No project: 100%25 sure, a, b.',
      '::warning file=a.plan,line=3,col=5,endLine=4,endColumn=2,title=late::Line one%0Aline two%0D%0A',
      '::notice file=sub/b.plan,line=2,col=3,endLine=2,endColumn=4,title=policy/task-ids::Ids are kebab-case.',
      '::notice file=sub/b.plan,line=2,col=6,endLine=2,endColumn=7,title=policy/h::Hint.',
    ]);
    assert.equal(formatGithub([]), '');
  });

  it('text: compiler-style lines and a summary with plurals', () => {
    const out = formatText(RESULTS, { color: false, summary: true, counts: countSeverities(RESULTS) });
    assert.deepEqual(out.trimEnd().split('\n'), [
      'a.plan:1:1: error missing-project: No project: 100% sure, a, b.',
      'a.plan:3:5: warning late: Line one line two ',
      'sub/b.plan:2:3: info policy/task-ids: Ids are kebab-case.',
      'sub/b.plan:2:6: hint policy/h: Hint.',
      '1 error, 1 warning in 3 files (1 info, 1 hint)',
    ]);
    assert.equal(formatText([], { color: false, summary: true, counts: countSeverities([]) }), '0 errors, 0 warnings in 0 files\n');
  });

  it('json: exactly the contract shape', () => {
    const items = JSON.parse(formatJson(RESULTS));
    assert.equal(items.length, 4);
    assert.deepEqual(items[0], { file: 'a.plan', range: range(0, 0, 0, 7), severity: 'error', code: 'missing-project', source: 'plan', message: 'No project: 100% sure, a, b.' });
    assert.deepEqual(formatJson([]), '[]\n');
  });

  it('sarif: rules from the codes seen, levels, regions', () => {
    const log = JSON.parse(formatSarif(RESULTS, { cwd: '/w', version: '9.9.9' }));
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'planc');
    assert.equal(run.tool.driver.version, '9.9.9');
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['late', 'missing-project', 'policy/h', 'policy/task-ids']);
    assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['error', 'warning', 'note', 'note']);
    assert.deepEqual(run.results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'a.plan', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 2 },
    });
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///w/');
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const outside = JSON.parse(formatSarif([{ file: '../x y.plan', absolute: '/x y.plan', diagnostics: RESULTS[0].diagnostics }], { cwd: '/w', version: '1' }));
    assert.equal(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///x%20y.plan');
  });

  it('colour: flags, FORCE_COLOR, NO_COLOR, TTY', () => {
    assert.equal(shouldColor({}, true), true);
    assert.equal(shouldColor({}, false), false);
    assert.equal(shouldColor({ NO_COLOR: '1' }, true), false);
    assert.equal(shouldColor({ NO_COLOR: '' }, true), true);
    assert.equal(shouldColor({ FORCE_COLOR: '1' }, false), true);
    assert.equal(shouldColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), true);
    assert.equal(shouldColor({ FORCE_COLOR: '0' }, true), false);
    assert.equal(shouldColor({ TERM: 'dumb' }, true), false);
    assert.equal(shouldColor({ FORCE_COLOR: '1' }, true, false), false);
  });

  it('paths: relative inside the cwd, as given outside', () => {
    assert.equal(displayPath('/w/a/b.plan', '/w'), 'a/b.plan');
    assert.equal(displayPath('./a//b.plan', '/w'), 'a/b.plan');
    assert.equal(displayPath('../x.plan', '/w/sub'), '../x.plan');
    assert.equal(displayPath('/elsewhere/x.plan', '/w'), '/elsewhere/x.plan');
  });

  it('decoding: BOM dropped, invalid UTF-8 replaced, UTF-16 with BOM decoded', () => {
    assert.equal(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), 'a');
    assert.equal(decode(new Uint8Array([0x61, 0xff, 0x62])), 'a\uFFFDb');
    assert.equal(decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00])), 'ab');
  });

  it('argument parsing: values, inline values, repeats, --', () => {
    const specs = [{ name: 'format', short: 'f', value: true }, { name: 'policy', value: true }, { name: 'quiet', short: 'q' }];
    const p = parseArgs(['a', '--format=json', '-q', '--policy', 'x', '--policy=y', '--', '--not-an-option'], specs, 'check');
    assert.deepEqual(p.positionals, ['a', '--not-an-option']);
    assert.deepEqual(p.values.get('format'), ['json']);
    assert.deepEqual(p.values.get('policy'), ['x', 'y']);
    assert.ok(p.flags.has('quiet'));
    assert.throws(() => parseArgs(['--nope'], specs, 'check'), /unknown option '--nope'/);
    assert.throws(() => parseArgs(['--format'], specs, 'check'), /needs a value/);
  });

  it('checkPolicyText: syntax errors as plan-policy diagnostics', () => {
    assert.deepEqual(checkPolicyText('policy p {'), [
      { start: 9, end: 10, severity: 'error', code: 'syntax', source: 'plan-policy', message: checkPolicyText('policy p {')[0].message },
    ]);
    assert.deepEqual(checkPolicyText('policy p { version "1" }'), []);
  });

  it('failures become one line on stderr and exit 2, never a stack trace', () => {
    const lines: string[] = [];
    const io = { err: (t: string) => lines.push(t), env: {} };
    const boom = new Error('boom\n    at somewhere (x.ts:1:1)');
    assert.equal(reportFailure(boom, io), 2);
    assert.deepEqual(lines, ['planc: internal error: boom\n']);
    lines.length = 0;
    assert.equal(reportFailure('weird', io), 2);
    assert.deepEqual(lines, ['planc: internal error: weird\n']);
  });

  it('main never throws: usage errors and not-yet-available commands exit 2', () => {
    const out: string[] = [], err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: '/nonexistent-planc-dir', env: {}, stdoutIsTTY: false };
    assert.equal(main(['diff', 'x.plan'], io), 2);
    assert.equal(main(['check', '--format', 'nope'], io), 2);
    assert.equal(main(['check'], io), 2);
    assert.deepEqual(out, []);
    assert.equal(err.length, 3);
    assert.equal(err[0], "planc: 'diff' is not available in this version\n");
    assert.match(err[2], /^planc: cannot read '\.': no such file or directory\n$/);
  });
});
