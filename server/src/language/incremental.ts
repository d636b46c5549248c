/**
 * Incremental re-parsing for the editor: when an edit stays inside one closed top-level block,
 * only that block's text is parsed again and the blocks after it move by the edit's length. A
 * keystroke in a 10,000-task plan then re-parses a few lines instead of the whole file; binding,
 * scheduling and checks still run on the whole plan (they are global by nature).
 */
import type { Block, Comment, PlanDocument, SyntaxError } from './ast';
import { parsePlan } from './parse';

/** One edit of the old text: [start, end) replaced by `text`. */
export interface TextChange { start: number; end: number; text: string }

/** Moves every offset in a syntax subtree by `delta` (the tree has no shared nodes; `parent` links are skipped). */
export function shiftTree(root: object, delta: number): void {
  if (delta === 0) return;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) { const v = node[i]; if (v !== null && typeof v === 'object') stack.push(v); }
      continue;
    }
    for (const key in node) {
      if (key === 'parent') continue;
      const v = node[key];
      if (typeof v === 'number') {
        if (key === 'start' || key === 'end' || key === 'open' || key === 'close') node[key] = v + delta;
      } else if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

function shiftSpans<T extends { start: number; end: number }>(items: T[], delta: number): T[] {
  for (const s of items) { s.start += delta; s.end += delta; }
  return items;
}

/**
 * The document of `newText`, re-using `previous` (the document of the old text, which this
 * consumes: its later blocks are moved in place). Undefined when the edit is not local to one
 * closed top-level block, or the block does not re-parse as one closed block: parse in full then.
 */
export function reparsePlan(previous: PlanDocument, newText: string, change: TextChange): PlanDocument | undefined {
  const blocks = previous.blocks;
  // The top-level block strictly containing the edit (its keyword and closing brace untouched).
  let lo = 0, hi = blocks.length - 1, index = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start < change.start) { index = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (index < 0) return undefined;
  const old = blocks[index];
  if (old.close === undefined || old.open === undefined || change.end > old.close || change.start <= old.keyword.end) return undefined;
  // A structural error anywhere (an unclosed or stray brace) can change how later text nests.
  if (previous.syntaxErrors.some((e) => /not closed|no block is open|must stand inside a block|Expected a block/.test(e.message))) return undefined;

  const delta = change.text.length - (change.end - change.start);
  const start = old.start, end = old.end + delta;
  const fragment = newText.slice(start, end);
  const parsed = parsePlan(fragment);
  const block = parsed.blocks[0];
  if (parsed.blocks.length !== 1 || block.close !== fragment.length - 1 || block.kind !== old.kind) return undefined;

  shiftTree(block, start);
  for (let i = index + 1; i < blocks.length; i++) shiftTree(blocks[i], delta);
  const newBlocks = blocks.slice();
  newBlocks[index] = block;

  const keep = <T extends { start: number; end: number }>(items: T[], replacement: T[]): T[] => {
    const before = items.filter((c) => c.end <= old.start);
    const after = shiftSpans(items.filter((c) => c.start >= old.end), delta);
    return [...before, ...shiftSpans(replacement, start), ...after];
  };
  const comments: Comment[] = keep(previous.comments, parsed.comments);
  const syntaxErrors: SyntaxError[] = keep(previous.syntaxErrors, parsed.syntaxErrors);
  return { blocks: newBlocks, comments, syntaxErrors };
}
