/**
 * Selection ranges (expand / shrink selection): the word → the reference or value it belongs to
 * (`design + 2d`, `alice 50%`, `2027-12-24..2027-12-31`) → the property → the block's body → the
 * block → the enclosing blocks' bodies and blocks → the whole document. Each range strictly
 * contains the previous one.
 */
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { IToken } from 'chevrotain';
import type * as A from '../language/ast';
import type { PlanAnalysis } from '../language/analyze';
import { tokenize } from '../language/lexer';
import { offsetAt, rangeOf, type PlanContext } from './context';
import { blockAt } from './nodeAt';

/**
 * The token under the offset; at the very end of a token (the cursor after a word), that token.
 * Only the top-level block around the offset (or the gap between two blocks) is scanned.
 */
function tokenAt(analysis: PlanAnalysis, offset: number): A.Span | undefined {
  const { text, document } = analysis;
  const blocks = document.blocks;
  let lo = 0, hi = blocks.length - 1, hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) { hit = mid; lo = mid + 1; } else hi = mid - 1;
  }
  let from: number, to: number;
  if (hit >= 0 && offset <= blocks[hit].end) { from = blocks[hit].start; to = blocks[hit].end; }
  else { from = hit >= 0 ? blocks[hit].end : 0; to = hit + 1 < blocks.length ? blocks[hit + 1].start : text.length; }
  // Comments are not part of blocks' spans; scanning from a block start or end never starts inside one.
  const lexed = tokenize(text.slice(from, to), 'plan', true);
  let found: A.Span | undefined;
  const visit = (t: IToken) => {
    const start = from + t.startOffset, end = start + t.image.length;
    if (offset >= start && offset <= end && (found === undefined || offset < end)) found = { start, end };
  };
  for (const t of lexed.tokens) visit(t);
  for (const t of lexed.comments) visit(t);
  return found;
}

/** Spans inside a property (its values and their parts) that contain the offset, outermost first. */
function partsAt(p: A.Property, offset: number): A.Span[] {
  const out: A.Span[] = [];
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x); return; }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      if (offset < o.start || offset > o.end) return;
      if (o !== (p as unknown)) out.push({ start: o.start, end: o.end });
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'keyword') visit(x);
  };
  visit(p);
  // Date ranges have no node of their own: `FROM..TO` and the list of ids a waiver covers.
  if (p.key === 'leave' || p.key === 'holiday') {
    if (p.from && p.to && offset >= p.from.start && offset <= p.to.end) out.push({ start: p.from.start, end: p.to.end });
  }
  if (p.key === 'waive' && p.on.length > 1) {
    const first = p.on[0], last = p.on[p.on.length - 1];
    if (offset >= first.start && offset <= last.end) out.push({ start: first.start, end: last.end });
  }
  if ((p.key === 'after' && p.deps.length > 1) || (p.key === 'assign' && p.assignments.length > 1) || (p.key === 'workdays' && p.days.length > 1)) {
    const list: A.Span[] = p.key === 'after' ? p.deps : p.key === 'assign' ? p.assignments : p.days;
    const whole = { start: list[0].start, end: list[list.length - 1].end };
    if (offset >= whole.start && offset <= whole.end) out.push(whole);
  }
  return out;
}

/** The body of a block between its braces, without the surrounding blanks. */
function bodyOf(text: string, b: A.Block): A.Span | undefined {
  if (b.open === undefined) return undefined;
  let s = b.open + 1, e = b.close ?? b.end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : undefined;
}

function chainAt(analysis: PlanAnalysis, offset: number): A.Span[] {
  const { text, document } = analysis;
  // Innermost first; filtered below so that each one strictly contains the previous.
  const spans: A.Span[] = [];
  const token = tokenAt(analysis, offset);
  if (token) spans.push(token);
  const block = blockAt(document, offset);
  if (block) {
    const prop = block.props.find((p) => offset >= p.start && offset <= p.end);
    if (prop) {
      const parts = partsAt(prop, offset).sort((a, b) => (a.end - a.start) - (b.end - b.start));
      spans.push(...parts, prop);
    }
    for (let b: A.Block | undefined = block; b; b = b.parent) {
      const body = bodyOf(text, b);
      if (body && offset >= body.start && offset <= body.end) spans.push(body);
      spans.push(b);
    }
  }
  spans.push({ start: 0, end: text.length });
  const chain: A.Span[] = [];
  for (const s of spans) {
    const last = chain[chain.length - 1];
    if (last && !(s.start <= last.start && s.end >= last.end && (s.start < last.start || s.end > last.end))) continue;
    chain.push(s);
  }
  return chain;
}

export function selectionRanges(ctx: PlanContext, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const chain = chainAt(ctx.analysis, offsetAt(ctx, position));
    let range: SelectionRange | undefined;
    for (let k = chain.length - 1; k >= 0; k--) range = { range: rangeOf(ctx, chain[k]), parent: range };
    // Drop the `parent: undefined` of the outermost range, which LSP leaves absent.
    const clean = (r: SelectionRange): SelectionRange => (r.parent ? { range: r.range, parent: clean(r.parent) } : { range: r.range });
    return clean(range!);
  });
}
