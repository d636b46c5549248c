// Text edits as editors apply them: shared by the service, protocol and editor-side tests.
import type { Position, Range } from 'vscode-languageserver-types';

/** Offset of an LSP position in `text` (lines split on \n; characters count UTF-16 units). */
export function offsetOf(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + p.character;
}

/** Applies LSP text edits (non-overlapping, any order) to `text`. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const resolved = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
