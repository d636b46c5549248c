/**
 * Custom messages between the Plan as Code server and its clients, typed once and imported by both
 * sides (server/src/planServer.ts and client/src/extension.ts). Only `vscode-jsonrpc` types: no
 * server or client library is pulled into the other bundle.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { TimelineModel } from './language/timeline/types';

/** Summary of one analysed document, for a status bar. */
export interface PlanStatus {
  uri: string;
  /** The document version the summary belongs to (absent when unknown). */
  version?: number;
  /** The project's computed end date (YYYY-MM-DD, inclusive); null when it cannot be scheduled or the document is a policy. */
  projectEnd: string | null;
  problems: { errors: number; warnings: number };
}

/**
 * `planAsCode/status` (server → client): sent after each analysis of an open document whose result
 * was published; never for a version older than one already reported.
 */
export const StatusNotification = new NotificationType<PlanStatus>('planAsCode/status');

/** The settings the server reads per document (section `planAsCode`). */
export interface PlanSettings {
  diagnostics: { delay: number };
  inlayHints: { enabled: boolean };
  policies: string[];
}

export const DEFAULT_SETTINGS: PlanSettings = Object.freeze({
  diagnostics: Object.freeze({ delay: 50 }),
  inlayHints: Object.freeze({ enabled: true }),
  policies: Object.freeze([]) as unknown as string[],
}) as PlanSettings;

/** Settings as a client sent them (anything) → complete, valid settings. */
export function normalizeSettings(raw: unknown): PlanSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const diag = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const hints = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  const delay = typeof diag.delay === 'number' && Number.isFinite(diag.delay) ? Math.min(Math.max(0, diag.delay), 10_000) : DEFAULT_SETTINGS.diagnostics.delay;
  return {
    diagnostics: { delay },
    inlayHints: { enabled: typeof hints.enabled === 'boolean' ? hints.enabled : DEFAULT_SETTINGS.inlayHints.enabled },
    policies: Array.isArray(r.policies) ? r.policies.filter((p): p is string => typeof p === 'string') : [],
  };
}

// ------------------------------------------------------------------ policies

/** One rule in force for a plan, as `planAsCode/effectivePolicy` reports it. */
export interface EffectiveRuleInfo {
  id: string;
  severity: 'error' | 'warning' | 'info' | 'hint' | 'off';
  message: string;
  /** The rule's documentation link (`docs`), when it has one. */
  docs?: string;
  /** The policy file that defines the rule in force (a file URI). */
  file: string;
  /** Where the rule is defined in that file (0-based line/character of its id). */
  line: number;
  character: number;
  policyId: string;
  policyVersion?: string;
  /** Earlier definitions with the same id that this one replaces (parents first). */
  overrides: { file: string; policyId: string }[];
  /** The plan's waivers of this rule. */
  waivers: { on: string[]; reason?: string; line: number }[];
}

export interface EffectivePolicyParams {
  /** The plan (an open document). */
  uri: string;
}

export interface EffectivePolicyResult {
  uri: string;
  /** The policy files the plan's `uses` and the `planAsCode.policies` setting name, resolved (file URIs). */
  entries: string[];
  /** `uses` strings (or setting entries) that name no readable policy file. */
  notFound: string[];
  /** Every loaded policy file (file URIs), including those reached through `extends`. */
  files: string[];
  rules: EffectiveRuleInfo[];
  /** Waivers naming no rule of the plan's policies. */
  unknownWaivers: string[];
}

/**
 * `planAsCode/effectivePolicy` (client → server): the rules in force for an open plan — each with its
 * severity, message, defining file and policy, what it overrides and the plan's waivers of it.
 * Answers null when the document is not an open plan.
 */
export const EffectivePolicyRequest = new RequestType<EffectivePolicyParams, EffectivePolicyResult | null, void>('planAsCode/effectivePolicy');

// ------------------------------------------------------------------ timeline preview and exports

export type { TimelineModel };

export interface TimelineParams {
  /** An open plan. */
  uri: string;
}

/**
 * `planAsCode/timeline` (client → server): the timeline model of an open plan at its latest analysed
 * version (tasks with dates, resource load per week, budget). Answers null when the document is not an
 * open plan.
 */
export const TimelineRequest = new RequestType<TimelineParams, TimelineModel | null, void>('planAsCode/timeline');

export const EXPORT_FORMAT_NAMES = ['mermaid', 'markdown', 'html', 'svg', 'csv', 'ics'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ExportParams {
  uri: string;
  /** `markdown` is the mermaid gantt inside a ```mermaid fence. */
  format: ExportFormatName;
}

/** `planAsCode/export` (client → server): an open plan rendered as `planc export` would; null when not an open plan. */
export const ExportRequest = new RequestType<ExportParams, { text: string } | null, void>('planAsCode/export');
