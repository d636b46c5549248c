/**
 * Every feature of this group on broken plans: mutations of the example (cut, duplicated and
 * garbled spans) and binary garbage, at many positions. Nothing may throw, and the results keep
 * their shape (ranges inside the document, tokens well formed).
 */
import { mulberry32 } from '../support/random';
import { strict as assert } from 'node:assert';
import type { Position, Range } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/service/symbols';
import { hover } from '../../server/src/service/hover';
import { definition, documentHighlights, references } from '../../server/src/service/navigation';
import { prepareRename, rename, RenameError } from '../../server/src/service/rename';
import { foldingRanges } from '../../server/src/service/folding';
import { selectionRanges } from '../../server/src/service/selectionRanges';
import { semanticTokens } from '../../server/src/service/semanticTokens';
import { ctxOf, examplePlan } from './helpersA';

const rng = mulberry32;

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * out.length);
    const len = Math.floor(random() * 80);
    const kind = random();
    if (kind < 0.4) out = out.slice(0, at) + out.slice(at + len);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(Math.max(0, at - len), at) + out.slice(at);
    else {
      const junk = Array.from({ length: 1 + Math.floor(random() * 8) }, () => '{}"/*\n .,+-%:§é🚀\u0000abc'[Math.floor(random() * 22)]).join('');
      out = out.slice(0, at) + junk + out.slice(at);
    }
  }
  return out;
}

function inside(text: string, range: Range): boolean {
  const lines = text.split('\n');
  const ok = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(range.start) && ok(range.end);
}

function exercise(text: string, random: () => number): void {
  const ctx = ctxOf(text);
  const lines = text.split('\n');
  for (const s of documentSymbols(ctx)) assert.ok(inside(text, s.range) && inside(text, s.selectionRange));
  for (const f of foldingRanges(ctx)) assert.ok(f.startLine < f.endLine && f.endLine < lines.length);
  const data = semanticTokens(ctx).data;
  assert.equal(data.length % 5, 0);
  for (let k = 0; k < data.length; k += 5) assert.ok(data[k] >= 0 && data[k + 1] >= 0 && data[k + 2] > 0);
  const positions: Position[] = [];
  for (let k = 0; k < 40; k++) {
    const line = Math.floor(random() * lines.length);
    positions.push({ line, character: Math.floor(random() * (lines[line].length + 1)) });
  }
  for (const r of selectionRanges(ctx, positions)) assert.ok(inside(text, r.range));
  for (const p of positions) {
    const h = hover(ctx, p);
    if (h?.range) assert.ok(inside(text, h.range));
    for (const l of [...definition(ctx, p), ...references(ctx, p, true)]) assert.ok(inside(text, l.range));
    documentHighlights(ctx, p);
    if (prepareRename(ctx, p)) {
      try { rename(ctx, p, 'renamed_id'); } catch (e) { assert.ok(e instanceof RenameError); }
    }
  }
}

describe('service (symbols, hover, navigation, rename, folding, selection, semantic tokens): robustness', () => {
  it('mutations of the example plan', () => {
    const base = examplePlan();
    const random = rng(7);
    for (let n = 0; n < 40; n++) exercise(mutate(base, random), random);
  });

  it('garbage and degenerate inputs', () => {
    const random = rng(11);
    const inputs = [
      '', '\n\n\n', '{', '}', '"', '/*', '//', 'task', 'task a {', 'project', 'project p { start',
      'task a { after a }', 'task a { task b { task c { after a } } }',
      String.fromCharCode(...Array.from({ length: 400 }, () => Math.floor(random() * 0x3000))),
      'project p { start 2027-01-04 }\n' + 'task t { '.repeat(200) + '}'.repeat(200),
      '\r\n\r\nproject p {\r\n start 2027-01-04\r\n}\r\n',
    ];
    for (const text of inputs) exercise(text, random);
  });
});
