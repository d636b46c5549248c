// Incremental re-parsing gives exactly the document a full parse gives, and falls back when it must.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePlan } from '../../server/src/language/parse';
import { reparsePlan, type TextChange } from '../../server/src/language/incremental';
import { analyzePlan, reanalyzePlan } from '../../server/src/language/analyze';

const example = readFileSync(new URL('../../examples/website-relaunch.plan', import.meta.url), 'utf8');

function plain(doc: object): string {
  return JSON.stringify(doc, (key, value) => (key === 'parent' ? undefined : value));
}

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a * 1664525 + 1013904223) >>> 0; return a / 4294967296; };
}

describe('incremental re-parsing', () => {
  it('typing a digit in a duration re-parses one block and equals a full parse', () => {
    const at = example.indexOf('effort ') + 'effort '.length;
    const change = { start: at, end: at, text: '1' };
    const next = apply(example, change);
    const doc = reparsePlan(parsePlan(example), next, change);
    assert.ok(doc, 'the edit is local to one block');
    assert.equal(plain(doc), plain(parsePlan(next)));
  });

  it('an edit that removes a closing brace falls back to a full parse', () => {
    const firstTask = example.indexOf('\ntask ');
    const close = example.indexOf('\n}', firstTask) + 1;
    const change = { start: close, end: close + 1, text: '' };
    assert.equal(reparsePlan(parsePlan(example), apply(example, change), change), undefined);
  });

  it('an edit between blocks falls back', () => {
    const between = example.indexOf('\ntask ');
    const change = { start: between, end: between, text: '\n' };
    assert.equal(reparsePlan(parsePlan(example), apply(example, change), change), undefined);
  });

  it('400 random edits: the incremental document always equals the full parse, and so do the diagnostics', () => {
    const random = rng(7);
    const pieces = ['1', 'd', ' ', '\n', '}', '{', '"', 'x', 'after ', '// c\n', '/*', '2027-02-30', ', ', '%'];
    let text = example;
    let analysis = analyzePlan(text);
    let incremental = 0;
    for (let i = 0; i < 400; i++) {
      const start = Math.floor(random() * text.length);
      const end = random() < 0.5 ? start : Math.min(text.length, start + Math.floor(random() * 8));
      const change = { start, end, text: random() < 0.3 ? '' : pieces[Math.floor(random() * pieces.length)] };
      const next = apply(text, change);
      const before = parsePlan(text);
      const doc = reparsePlan(before, next, change);
      if (doc) {
        incremental++;
        assert.equal(plain(doc), plain(parsePlan(next)), `edit ${i} at ${start}: ${JSON.stringify(change)}`);
      }
      analysis = reanalyzePlan(analysis, next, [change]);
      const full = analyzePlan(next);
      assert.deepEqual(analysis.diagnostics.map((d) => [d.start, d.end, d.code, d.message]), full.diagnostics.map((d) => [d.start, d.end, d.code, d.message]), `edit ${i}`);
      // Go on from clean text, so that later edits can be incremental again.
      if (full.document.syntaxErrors.length === 0) text = next;
      else analysis = analyzePlan(text);
    }
    assert.ok(incremental > 100, `only ${incremental} of 400 edits were incremental`);
  });
});
