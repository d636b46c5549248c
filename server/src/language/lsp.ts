/** Diagnostics in the shape LSP and `planc check --format json` use: 0-based line/character ranges. */
import type { Diagnostic, Severity } from './diagnostics';
import type { LineIndex, Range } from './text';

export interface LocatedDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: string;
  message: string;
}

export function locate(d: Diagnostic, lines: LineIndex): LocatedDiagnostic {
  return { range: lines.range(d), severity: d.severity, code: d.code, source: d.source, message: d.message };
}
