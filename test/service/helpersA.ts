/**
 * Helpers for the language-service tests (symbols, hover, navigation, rename, folding, selection
 * ranges, semantic tokens). Positions are LSP positions: 0-based line and character.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-types';
import { analyzePlan } from '../../server/src/language/analyze';
import type { PlanContext } from '../../server/src/service/context';

export const URI = 'file:///t.plan';

export function ctxOf(text: string): PlanContext {
  return { uri: URI, analysis: analyzePlan(text) };
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A snippet with one `|` marking the cursor → the text without it, the cursor's position and offset. */
export function cursor(snippet: string): { text: string; position: Position; offset: number } {
  const offset = snippet.indexOf('|');
  assert.ok(offset >= 0, 'test bug: the snippet has no | cursor');
  assert.equal(snippet.indexOf('|', offset + 1), -1, 'test bug: more than one | in the snippet');
  const text = snippet.slice(0, offset) + snippet.slice(offset + 1);
  return { text, position: positionAt(text, offset), offset };
}

const WORD = /[A-Za-z0-9_-]/;

/** Offset of the `occurrence`-th (1-based) `needle`; needles that start/end with word characters match whole words. */
export function offsetOf(text: string, needle: string, occurrence = 1): number {
  const wordStart = WORD.test(needle[0] ?? ''), wordEnd = WORD.test(needle[needle.length - 1] ?? '');
  let at = -1;
  for (let i = 0; i < occurrence; ) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`test bug: occurrence ${occurrence} of ${JSON.stringify(needle)} not found`);
    if (wordStart && at > 0 && WORD.test(text[at - 1]!)) continue;
    if (wordEnd && WORD.test(text[at + needle.length] ?? '')) continue;
    i++;
  }
  return at;
}

/** Position `delta` characters into the `occurrence`-th `needle`. */
export function posOf(text: string, needle: string, occurrence = 1, delta = 0): Position {
  return positionAt(text, offsetOf(text, needle, occurrence) + delta);
}

/** The range covering the `occurrence`-th `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 1): Range {
  const at = offsetOf(text, needle, occurrence);
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** `line:char-line:char`, for compact range assertions. */
export function r(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** Applies non-overlapping text edits to a text. */
export { applyEdits } from '../support/edits';

/** The realistic example plan of the repository. */
export function examplePlan(): string {
  return readFileSync(fileURLToPath(new URL('../../examples/website-relaunch.plan', import.meta.url)), 'utf8');
}

/** Every position of a text (each character of each line, and each line end) — for smoke tests. */
export function* everyPosition(text: string, step = 1): Generator<Position> {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line].length; character += step) yield { line, character };
  }
}
