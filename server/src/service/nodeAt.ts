/** What stands at an offset of a plan: a declaration's id, a reference, a keyword, or nothing of note. */
import type * as A from '../language/ast';
import type { PlanSymbol } from '../language/model';
import type { PlanAnalysis } from '../language/analyze';

export type NodeAt =
  | { kind: 'declaration'; block: A.Block; ident: A.Ident; symbol: PlanSymbol | undefined }
  | { kind: 'reference'; ident: A.Ident; symbol: PlanSymbol | undefined; property: A.Property; block: A.Block }
  | { kind: 'keyword'; word: string; span: A.Span; block: A.Block | undefined; property: A.Property | undefined }
  | { kind: 'none'; block: A.Block | undefined; property: A.Property | undefined };

function inside(span: A.Span | undefined, offset: number): span is A.Span {
  return span !== undefined && offset >= span.start && offset <= span.end;
}

/** The innermost block whose text contains the offset. */
export function blockAt(doc: A.PlanDocument, offset: number): A.Block | undefined {
  let list = doc.blocks;
  let found: A.Block | undefined;
  for (;;) {
    // Blocks are in text order: binary search the last one starting at or before the offset.
    let lo = 0, hi = list.length - 1, hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= offset) { hit = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (hit < 0 || offset > list[hit].end) return found;
    found = list[hit];
    list = found.children;
  }
}

/** The identifiers a property refers with, for navigation and rename. */
export function referencesOf(p: A.Property): A.Ident[] {
  switch (p.key) {
    case 'after': return p.deps.flatMap((d) => (d.target ? [d.target] : []));
    case 'assign': return p.assignments.flatMap((a) => (a.resource ? [a.resource] : []));
    case 'owner': case 'calendar': return p.ref ? [p.ref] : [];
    case 'quality': return p.by ? [p.by] : [];
    case 'waive': return p.on;
    default: return [];
  }
}

export function nodeAt(analysis: PlanAnalysis, offset: number): NodeAt {
  const doc = analysis.document;
  const symbols = analysis.model.symbols;
  const block = blockAt(doc, offset);
  if (!block) return { kind: 'none', block: undefined, property: undefined };
  if (inside(block.id, offset)) {
    const symbol = symbols.get(block.id.text);
    return { kind: 'declaration', block, ident: block.id, symbol: symbol?.block === block ? symbol : undefined };
  }
  if (inside(block.keyword, offset)) return { kind: 'keyword', word: block.kind, span: block.keyword, block, property: undefined };
  for (const p of block.props) {
    if (!inside(p, offset)) continue;
    if (inside(p.keyword, offset)) return { kind: 'keyword', word: p.key, span: p.keyword, block, property: p };
    for (const ident of referencesOf(p)) {
      if (inside(ident, offset)) return { kind: 'reference', ident, symbol: symbols.get(ident.text), property: p, block };
    }
    return { kind: 'none', block, property: p };
  }
  return { kind: 'none', block, property: undefined };
}
