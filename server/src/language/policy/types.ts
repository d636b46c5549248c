/**
 * The policy engine's shared types (LANGUAGE.md, "Policy file"). The engine is pure: it reads
 * policy files only through a `PolicyHost`, which decides where `extends`/`uses` may point.
 */
import type { PolicyDocument, Rule, WaiveProperty } from '../ast';
import type { Diagnostic } from '../diagnostics';

export interface PolicyHost {
  /** The text of the file at an absolute path (as returned by `resolve`), or undefined when it cannot be read. */
  read(path: string): string | undefined;
  /**
   * Maps a `uses`/`extends` string (relative `./x.policy`, `../pmo/std.policy`, or a package path
   * `@acme/pmo/standard.policy`) named in `fromFile` to an absolute path, or undefined when it cannot.
   */
  resolve(spec: string, fromFile: string): string | undefined;
}

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface EffectiveRule {
  id: string;
  severity: RuleSeverity;
  message: string;
  docs?: string;
  rule: Rule;
  /** The policy file that defines the rule in effect. */
  file: string;
  policyId: string;
  policyVersion?: string;
  /** The earlier definitions this one replaced, oldest first. */
  overrides: { file: string; policyId: string }[];
  /** True when the rule has problems (bad subject, type errors, bad regex…): it is not evaluated. */
  invalid?: boolean;
}

export interface PolicyFile {
  text: string;
  document: PolicyDocument;
  /** Problems found in that policy file, offsets into its text (source `plan-policy`). */
  diagnostics: Diagnostic[];
}

export interface PolicySet {
  /** The rules in effect by id; a later rule with the same id replaced the earlier one. */
  rules: Map<string, EffectiveRule>;
  /** Every policy file loaded, by absolute path, in load order. */
  files: Map<string, PolicyFile>;
}

/** A violation that a plan's `waive` suppressed. */
export interface WaivedViolation {
  rule: string;
  /** The subject's id (the project's id for `project` rules). */
  subject: string;
  /** The diagnostic that would have been reported. */
  diagnostic: Diagnostic;
  waiver: WaiveProperty;
}

/** A waiver (or one id of its `on` list) that matched no violation. */
export interface UnusedWaiver {
  rule: string;
  /** The id of the `on` list that matched nothing; undefined for a whole-plan waiver. */
  id?: string;
  waiver: WaiveProperty;
}

export interface PolicyCheckResult {
  /** Violations (code `policy/<rule-id>`), `unknown-rule` errors and `unused-waiver` hints, sorted. */
  diagnostics: Diagnostic[];
  waived: WaivedViolation[];
  unusedWaivers: UnusedWaiver[];
}

/** Types of policy values. Counts (`quality`, `children`…) are numbers. */
export type ValueType = 'number' | 'duration' | 'percent' | 'money' | 'date' | 'string' | 'bool';

/**
 * A run-time value: numbers (durations in working days, percents as fractions, money, dates as
 * day numbers), strings, booleans; null for a missing fact (no owner, an unscheduled task).
 */
export type Value = number | string | boolean | null;
