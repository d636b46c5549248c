// Robustness of completion, formatting, code actions, inlay hints and CodeLens: every position of
// every fixture plan (broken ones included) gives a well-formed answer and never throws.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../server/src/service/completion';
import { format } from '../../server/src/service/formatting';
import { codeActions } from '../../server/src/service/codeActions';
import { inlayHints } from '../../server/src/service/inlayHints';
import { codeLenses } from '../../server/src/service/codeLens';
import { planDiagnostics } from '../../server/src/service/diagnostics';
import { policyDiagnostics, policySymbols } from '../../server/src/service/policy';
import { applyEdits, ctxOf, positionAt, URI } from './helpersB';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'plans');
const plans = [
  { name: 'website-relaunch.plan', text: readFileSync(join(ROOT, 'examples', 'website-relaunch.plan'), 'utf8') },
  { name: 'website-relaunch-broken.plan', text: readFileSync(join(ROOT, 'examples', 'website-relaunch-broken.plan'), 'utf8') },
  ...readdirSync(FIXTURES).sort().map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') })),
];

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

describe('editing features on every fixture (robustness)', () => {
  it('completion at every position: items with a one-line textEdit around the cursor', () => {
    let positions = 0;
    for (const { name, text } of plans) {
      const ctx = ctxOf(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const pos = positionAt(text, offset);
        const list = completion(ctx, pos);
        positions++;
        for (const item of list.items) {
          const edit = item.textEdit as TextEdit;
          assert.ok(edit && typeof edit.newText === 'string', `${name}@${offset}: ${item.label} has a textEdit`);
          assert.equal(edit.range.start.line, pos.line, `${name}@${offset}: one line`);
          assert.ok(before(edit.range.start, pos) && before(pos, edit.range.end), `${name}@${offset}: the range holds the cursor`);
          assert.ok(item.kind !== undefined && item.sortText !== undefined && item.documentation !== undefined,
            `${name}@${offset}: ${item.label} has a kind, a sortText and documentation`);
        }
      }
    }
    assert.ok(positions > 20_000);
  });

  it('formatting: [] for broken plans, idempotent for the others', () => {
    for (const { name, text } of plans) {
      const ctx = ctxOf(text);
      const edits = format(ctx, { tabSize: 2, insertSpaces: true });
      if (ctx.analysis.document.syntaxErrors.length > 0) { assert.deepEqual(edits, [], name); continue; }
      const once = applyEdits(text, edits);
      assert.deepEqual(format(ctxOf(once), { tabSize: 2, insertSpaces: true }), [], name);
    }
  });

  it('code actions for every diagnostic: edits of this document that leave analysable text', () => {
    let actions = 0;
    for (const { name, text } of plans) {
      const ctx = ctxOf(text);
      for (const d of planDiagnostics(ctx)) {
        for (const a of codeActions(ctx, d.range, [d])) {
          actions++;
          const edits = a.edit!.changes![URI];
          assert.ok(edits.length > 0, `${name}: ${a.title}`);
          const fixed = ctxOf(applyEdits(text, edits)).analysis;
          assert.ok(!fixed.diagnostics.some((x) => x.code === 'syntax') || ctx.analysis.diagnostics.some((x) => x.code === 'syntax'),
            `${name}: '${a.title}' introduces no syntax error`);
        }
      }
    }
    assert.ok(actions >= 40, `${actions} actions`);
  });

  it('inlay hints and CodeLens on every fixture', () => {
    for (const { text } of plans) {
      const ctx = ctxOf(text);
      const hints = inlayHints(ctx, { start: { line: 0, character: 0 }, end: positionAt(text, text.length) });
      for (const h of hints) assert.ok(typeof h.label === 'string' && h.label.length > 0);
      assert.ok(codeLenses(ctx).length <= 1);
    }
  });

  it('policy services on plans, garbage and deep nesting do not throw', () => {
    for (const { text } of plans) {
      assert.ok(Array.isArray(policyDiagnostics('file:///x.policy', text)));
      assert.ok(Array.isArray(policySymbols(text)));
    }
    const garbage = '\u0000\uffff{{{ rule ((( "\n'.repeat(50) + '('.repeat(500);
    assert.ok(policyDiagnostics('file:///x.policy', garbage).length > 0);
    assert.ok(Array.isArray(policySymbols(garbage)));
  });
});
