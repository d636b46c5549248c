/**
 * The analysis pipeline: parse → bind → schedule → check dates and resources → cost → policies (when given).
 * Pure: text in, results out. The language server, the CLI, tests and the benchmark all call this.
 */
import type { PlanDocument } from './ast';
export type { TextChange } from './incremental';
import { DiagnosticSink, compareDiagnostics, type Diagnostic } from './diagnostics';
import { LineIndex } from './text';
import { parsePlan } from './parse';
import { reparsePlan, type TextChange } from './incremental';
import { bindPlan } from './bind';
import { schedulePlan, type Schedule } from './schedule';
import { checkDates } from './checks';
import { checkResources, type ResourceLoad } from './resources';
import { computeCosts, type Costs } from './costs';
import type { PlanModel } from './model';
import { checkPolicies } from './policy/check';
import type { PolicyCheckResult, PolicySet } from './policy/types';

export interface PhaseTimings { parse: number; bind: number; schedule: number; cost: number; diagnostics: number; policies: number; total: number }

export interface AnalyzeOptions {
  /** Measure each phase — for the benchmark. */
  timings?: boolean;
  /** Policies to check the scheduled plan against (policy/load.ts); their findings join the diagnostics. */
  policies?: PolicySet;
}

export interface PlanAnalysis {
  text: string;
  lines: LineIndex;
  document: PlanDocument;
  model: PlanModel;
  schedule: Schedule;
  costs: Costs;
  load: ResourceLoad;
  diagnostics: Diagnostic[];
  /** The policy check, when `policies` were given: waived violations and unused waivers. */
  policy?: PolicyCheckResult;
  timings?: PhaseTimings;
}

const now = () => performance.now();

export function analyzePlan(text: string, options: AnalyzeOptions = {}): PlanAnalysis {
  const t0 = now();
  return analyzeDocument(text, parsePlan(text), t0, options);
}

/**
 * Re-analyses after edits, re-parsing only the block an edit touched when it can (incremental.ts).
 * `previous` must be the analysis of the text before the changes; it must not be used afterwards.
 */
export function reanalyzePlan(previous: PlanAnalysis, newText: string, changes: TextChange[], options: AnalyzeOptions = {}): PlanAnalysis {
  const t0 = now();
  let document: PlanDocument | undefined;
  if (changes.length === 1) document = reparsePlan(previous.document, newText, changes[0]);
  return analyzeDocument(newText, document ?? parsePlan(newText), t0, options);
}

function analyzeDocument(text: string, document: PlanDocument, t0: number, options: AnalyzeOptions): PlanAnalysis {
  const t1 = now();
  const sink = new DiagnosticSink('plan');
  for (const e of document.syntaxErrors) sink.report('syntax', e, e.message);
  const model = bindPlan(document, sink);
  const t2 = now();
  const schedule = schedulePlan(model, sink);
  const t3 = now();
  const costs = computeCosts(model, sink);
  const t4 = now();
  checkDates(model, schedule, sink);
  const load = checkResources(model, schedule, sink);
  const diagnostics = sink.items.sort(compareDiagnostics);
  const t5 = now();
  const analysis: PlanAnalysis = { text, lines: new LineIndex(text), document, model, schedule, costs, load, diagnostics };
  if (options.policies) {
    const policy = checkPolicies(analysis, options.policies);
    analysis.policy = policy;
    if (policy.diagnostics.length > 0) analysis.diagnostics = diagnostics.concat(policy.diagnostics).sort(compareDiagnostics);
  }
  const t6 = now();
  if (options.timings) {
    analysis.timings = { parse: t1 - t0, bind: t2 - t1, schedule: t3 - t2, cost: t4 - t3, diagnostics: t5 - t4, policies: t6 - t5, total: t6 - t0 };
  }
  return analysis;
}
