/**
 * What every language-service feature receives: one analysed document. Features are pure
 * functions of it (plus the request's parameters) and return LSP types; they know nothing of the
 * connection, so they are tested directly and reused by any host.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { PlanAnalysis } from '../language/analyze';
import type { Span } from '../language/text';

export interface PlanContext {
  uri: string;
  analysis: PlanAnalysis;
}

export function offsetAt(ctx: PlanContext, position: Position): number {
  return ctx.analysis.lines.offset(position);
}

export function rangeOf(ctx: PlanContext, span: Span): Range {
  return ctx.analysis.lines.range(span);
}
