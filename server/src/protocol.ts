/**
 * Custom messages between the Plan as Code server and its clients, typed once and imported by both
 * sides (server/src/planServer.ts and client/src/extension.ts). Only `vscode-jsonrpc` types: no
 * server or client library is pulled into the other bundle.
 */
import { NotificationType } from 'vscode-jsonrpc';

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
