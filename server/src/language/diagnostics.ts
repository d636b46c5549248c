import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type DiagnosticSource = 'plan' | 'plan-policy';

/** A finding of the core, located by offsets in the analysed text. */
export interface Diagnostic extends Span {
  severity: Severity;
  code: string;
  source: DiagnosticSource;
  message: string;
  /** Other places worth showing with this diagnostic (LSP related information). */
  related?: { span: Span; message: string }[];
  /** Machine-readable facts for quick fixes (e.g. the earliest valid date of a pin). */
  data?: Record<string, unknown>;
}

/** Every code the plan language reports and its severity; the contract of LANGUAGE.md plus our additions. */
export const PLAN_CODES = {
  'syntax': 'error',
  'invalid-date': 'error',
  'invalid-value': 'error',
  'missing-project': 'error',
  'duplicate-project': 'error',
  'missing-property': 'error',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'wrong-kind': 'error',
  'misplaced-property': 'error',
  'duplicate-property': 'error',
  'conflicting-properties': 'error',
  'missing-estimate': 'warning',
  'effort-without-assignee': 'warning',
  'start-before-dependency': 'error',
  'non-working-day': 'error',
  'resource-overallocated': 'warning',
  'resource-on-leave': 'warning',
  'dependency-cycle': 'error',
  'dependency-on-ancestor': 'error',
  'deadline-missed': 'error',
  'late': 'warning',
  'budget-overrun': 'warning',
  'budget-overcommitted': 'error',
  'unpriced-resource': 'warning',
  'currency-mismatch': 'error',
  'waiver-missing-reason': 'error',
  'unknown-rule': 'error',
  'policy-not-found': 'error',
} as const satisfies Record<string, Severity>;

export type PlanCode = keyof typeof PLAN_CODES;

/** Collects diagnostics for one document; severity comes from the code table so it cannot drift. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(readonly source: DiagnosticSource = 'plan') {}

  report(code: PlanCode, span: Span, message: string, extra?: Pick<Diagnostic, 'related' | 'data'>): Diagnostic {
    const d: Diagnostic = { start: span.start, end: span.end, severity: PLAN_CODES[code], code, source: this.source, message };
    if (extra?.related) d.related = extra.related;
    if (extra?.data) d.data = extra.data;
    this.items.push(d);
    return d;
  }

  /** For codes outside the plan table (policy rules carry their own severity). */
  push(d: Diagnostic): void { this.items.push(d); }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);
}
