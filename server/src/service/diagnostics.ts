/** Core diagnostics as LSP diagnostics: ranges, codes, related information and fix data. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Diagnostic as CoreDiagnostic, Severity } from '../language/diagnostics';
import type { PlanContext } from './context';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(ctx: PlanContext, d: CoreDiagnostic): Diagnostic {
  const lines = ctx.analysis.lines;
  const out: Diagnostic = { range: lines.range(d), severity: SEVERITY[d.severity], code: d.code, source: d.source, message: d.message };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: ctx.uri, range: lines.range(r.span) }, message: r.message }));
  }
  // Fix data travels with the diagnostic so code actions need not re-analyse.
  out.data = { ...(d.data ?? {}), start: d.start, end: d.end };
  return out;
}

export function planDiagnostics(ctx: PlanContext): Diagnostic[] {
  return ctx.analysis.diagnostics.map((d) => toLspDiagnostic(ctx, d));
}
