/**
 * The analysis pipeline: parse → bind → validate → schedule → cost → diagnostics.
 * Pure: text in, results out. The language server, the CLI, tests and the benchmark all call this.
 */
import type { PlanDocument } from './ast';
import type { Diagnostic } from './diagnostics';
import { LineIndex } from './text';

export interface PhaseTimings { parse: number; bind: number; schedule: number; cost: number; diagnostics: number; total: number }

export interface AnalyzeOptions {
  /** Measure each phase (performance.now) — for the benchmark. */
  timings?: boolean;
}

export interface PlanAnalysis {
  text: string;
  lines: LineIndex;
  document: PlanDocument;
  diagnostics: Diagnostic[];
  timings?: PhaseTimings;
}

export function analyzePlan(text: string, options: AnalyzeOptions = {}): PlanAnalysis {
  void options;
  throw new Error('not implemented yet: ' + text.length);
}
