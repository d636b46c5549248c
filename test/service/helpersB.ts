/**
 * Helpers for the tests of the editing features (completion, formatting, code actions, inlay
 * hints, CodeLens, policy files). Positions are LSP positions: 0-based line and character.
 *
 * `cursor(text)` takes a plan with one `|` marking the cursor and returns the text without it,
 * the cursor's position and its offset. Plans never contain `|` elsewhere in these tests.
 */
import { strict as assert } from 'node:assert';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { analyzePlan } from '../../server/src/language/analyze';
import type { PlanContext } from '../../server/src/service/context';

export const URI = 'file:///t.plan';

export function ctxOf(text: string): PlanContext {
  return { uri: URI, analysis: analyzePlan(text) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export { offsetOf } from '../support/edits';

/** The text without its `|` cursor marker, and where the marker stood. */
export function cursor(marked: string): { text: string; pos: Position; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | cursor marker in the text');
  assert.equal(marked.indexOf('|', offset + 1), -1, 'more than one | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, pos: positionAt(text, offset), offset };
}

/** The range of the n-th (0-based) occurrence of `needle` in `text`. */
export function rangeOfText(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' (occurrence ${nth}) not in the text`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** Applies LSP text edits (non-overlapping) to a text. */
export { applyEdits } from '../support/edits';
