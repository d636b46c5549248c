/**
 * Folding ranges: every block body (from the line of `{` to the line before `}`), block comments
 * over several lines, runs of two or more whole-line `//` comments, and `// #region` … `// #endregion`.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type * as A from '../language/ast';
import type { PlanContext } from './context';

const REGION_START = /^\/\/\s*#region\b/;
const REGION_END = /^\/\/\s*#endregion\b/;

export function foldingRanges(ctx: PlanContext): FoldingRange[] {
  const { text, lines, document } = ctx.analysis;
  const line = (offset: number) => lines.position(offset).line;
  const out: FoldingRange[] = [];

  const stack: A.Block[] = [...document.blocks].reverse();
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.open !== undefined) {
      const startLine = line(b.open);
      // An unclosed block folds to its last line of content.
      const endLine = b.close !== undefined ? line(b.close) - 1 : line(Math.max(b.open, b.end - 1));
      if (endLine > startLine) out.push({ startLine, endLine });
    }
    for (let i = b.children.length - 1; i >= 0; i--) stack.push(b.children[i]);
  }

  // Comments: block comments on their own, line comments in runs of whole-line comments.
  const regions: number[] = [];
  let runStart = -1, runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
    runStart = runEnd = -1;
  };
  for (const c of document.comments) {
    const startLine = line(c.start);
    if (c.block) {
      flush();
      const endLine = line(c.end - 1);
      if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
      continue;
    }
    const body = text.slice(c.start, c.end);
    if (REGION_START.test(body)) { flush(); regions.push(startLine); continue; }
    if (REGION_END.test(body)) {
      flush();
      const from = regions.pop();
      if (from !== undefined && startLine > from) out.push({ startLine: from, endLine: startLine, kind: FoldingRangeKind.Region });
      continue;
    }
    if (!startsLine(text, c.start)) { flush(); continue; }
    if (runStart >= 0 && startLine === runEnd + 1) runEnd = startLine;
    else { flush(); runStart = runEnd = startLine; }
  }
  flush();
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}

/** True when only blanks stand before `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
