/**
 * Go to definition, find references and document highlights. Every place that names an id is
 * either its declaration (the id after `task`, `milestone`, `resource`, `calendar`) or a reference
 * (`after`, `assign`, `owner`, `quality … by`, `calendar`, `waive … on`). References are matched
 * by name, so a reference in a misplaced property or of the wrong kind is still found (and renamed).
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type * as A from '../language/ast';
import type { PlanAnalysis } from '../language/analyze';
import { offsetAt, rangeOf, type PlanContext } from './context';
import { nodeAt, referencesOf } from './nodeAt';

/** All the places that name one id, in document order. */
export interface Occurrences {
  name: string;
  /** Declarations of the id (more than one only when the plan has a `duplicate-id`). */
  declarations: { block: A.Block; ident: A.Ident }[];
  references: A.Ident[];
}

interface NameIndex {
  declarations: Map<string, { block: A.Block; ident: A.Ident }[]>;
  references: Map<string, A.Ident[]>;
}

const indexes = new WeakMap<PlanAnalysis, NameIndex>();

function nameIndex(analysis: PlanAnalysis): NameIndex {
  let index = indexes.get(analysis);
  if (index) return index;
  index = { declarations: new Map(), references: new Map() };
  const { declarations, references } = index;
  // Depth-first in document order.
  const stack: A.Block[] = [...analysis.document.blocks].reverse();
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.id && b.kind !== 'project') {
      let list = declarations.get(b.id.text);
      if (!list) declarations.set(b.id.text, (list = []));
      list.push({ block: b, ident: b.id });
    }
    // Properties and child blocks interleave in the text; collect both, then order by offset.
    for (const p of b.props) {
      for (const ident of referencesOf(p)) {
        let list = references.get(ident.text);
        if (!list) references.set(ident.text, (list = []));
        list.push(ident);
      }
    }
    for (let i = b.children.length - 1; i >= 0; i--) stack.push(b.children[i]);
  }
  for (const list of references.values()) list.sort((x, y) => x.start - y.start);
  indexes.set(analysis, index);
  return index;
}

/** Declarations and references of `name`, each list in document order. */
export function occurrencesOf(analysis: PlanAnalysis, name: string): Occurrences {
  const index = nameIndex(analysis);
  return { name, declarations: index.declarations.get(name) ?? [], references: index.references.get(name) ?? [] };
}

/**
 * What the cursor names: the id, and the declaration it stands for. A later duplicate declaration
 * stands only for itself (references resolve to the first one).
 */
export function targetAt(ctx: PlanContext, position: Position):
  | { name: string; ident: A.Ident; isDeclaration: boolean; declaration: { block: A.Block; ident: A.Ident } | undefined; duplicate: boolean }
  | undefined {
  const analysis = ctx.analysis;
  const node = nodeAt(analysis, offsetAt(ctx, position));
  if (node.kind === 'declaration') {
    if (node.block.kind === 'project') return undefined;
    const first = occurrencesOf(analysis, node.ident.text).declarations[0];
    const duplicate = first !== undefined && first.block !== node.block;
    return { name: node.ident.text, ident: node.ident, isDeclaration: true, declaration: { block: node.block, ident: node.ident }, duplicate };
  }
  if (node.kind === 'reference') {
    const decl = node.symbol ? { block: node.symbol.block, ident: node.symbol.block.id! } : undefined;
    return { name: node.ident.text, ident: node.ident, isDeclaration: false, declaration: decl, duplicate: false };
  }
  return undefined;
}

export function definition(ctx: PlanContext, position: Position): Location[] {
  const target = targetAt(ctx, position);
  if (!target?.declaration) return [];
  return [{ uri: ctx.uri, range: rangeOf(ctx, target.declaration.ident) }];
}

/** The spans that belong to the cursor's id: its declaration (when asked) and every reference to it. */
function related(ctx: PlanContext, position: Position, includeDeclaration: boolean): { span: A.Span; write: boolean }[] {
  const target = targetAt(ctx, position);
  if (!target) return [];
  if (target.duplicate) {
    // A duplicate declaration has no references of its own: they all resolve to the first one.
    return includeDeclaration ? [{ span: target.ident, write: true }] : [];
  }
  const occ = occurrencesOf(ctx.analysis, target.name);
  const out: { span: A.Span; write: boolean }[] = [];
  if (includeDeclaration && target.declaration) out.push({ span: target.declaration.ident, write: true });
  for (const r of occ.references) out.push({ span: r, write: false });
  out.sort((x, y) => x.span.start - y.span.start);
  return out;
}

export function references(ctx: PlanContext, position: Position, includeDeclaration: boolean): Location[] {
  return related(ctx, position, includeDeclaration).map((x) => ({ uri: ctx.uri, range: rangeOf(ctx, x.span) }));
}

export function documentHighlights(ctx: PlanContext, position: Position): DocumentHighlight[] {
  return related(ctx, position, true).map((x) => ({
    range: rangeOf(ctx, x.span),
    kind: x.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
