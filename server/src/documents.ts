/**
 * Open documents as the server sees them: which are plans and which are policies, one analysis per
 * document version (cached by uri + version, computed on first need), and the debounced diagnostics
 * pipeline with its two guarantees:
 *  - a newer edit cancels what is pending for an older version (the timer is reset, and an analysis
 *    that has not started yet is skipped when the document moved on while it waited);
 *  - results for an older version are never published after those of a newer one.
 * No connection in here: `publish` is a callback, so the logic is testable without a client.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { analyzePlan, reanalyzePlan, type PlanAnalysis, type TextChange } from './language/analyze';
import { formatDay } from './language/dates';
import type { PlanContext } from './service/context';
import type { PlanStatus } from './protocol';

/** What the server needs of a text document (vscode-languageserver-textdocument's TextDocument fits). */
export interface DocumentLike {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
}

export type DocumentKind = 'plan' | 'policy';

/** `plan-policy` documents (or, for clients with other language ids, `*.policy` files) are policies; everything else is a plan. */
export function documentKind(doc: Pick<DocumentLike, 'languageId' | 'uri'>): DocumentKind {
  if (doc.languageId === 'plan-policy') return 'policy';
  if (doc.languageId === 'plan') return 'plan';
  return /\.policy$/i.test(doc.uri.replace(/[?#].*$/, '')) ? 'policy' : 'plan';
}

/** The result of one analysis that may be published. */
export interface Analysed {
  uri: string;
  version: number;
  kind: DocumentKind;
  diagnostics: Diagnostic[];
  status: PlanStatus;
}

export interface PlanDocumentsOptions {
  /** The open documents (the server's TextDocuments). */
  get(uri: string): DocumentLike | undefined;
  /** LSP diagnostics of an analysed plan. */
  planDiagnostics(ctx: PlanContext): Diagnostic[];
  /** LSP diagnostics of a policy text. */
  policyDiagnostics(uri: string, text: string): Diagnostic[];
  /** Called with each analysis the debounced pipeline completes for the current version. */
  publish(result: Analysed): void;
  log(message: string): void;
  /** The analysis function (tests may replace it); by default analyzePlan, incremental after edits. */
  analyze?: (text: string) => PlanAnalysis;
}

interface CacheEntry {
  version: number;
  ctx: PlanContext | undefined;
  error: unknown;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class PlanDocuments {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; version: number }>();
  private readonly lastPublished = new Map<string, number>();
  private readonly changedAt = new Map<string, number>();
  private readonly analyze: ((text: string) => PlanAnalysis) | undefined;

  constructor(private readonly options: PlanDocumentsOptions) {
    this.analyze = options.analyze;
  }

  document(uri: string): DocumentLike | undefined {
    return this.options.get(uri);
  }

  kind(uri: string): DocumentKind | undefined {
    const doc = this.options.get(uri);
    return doc && documentKind(doc);
  }

  /**
   * The analysis of the current version of an open plan (computed now if this version has not been
   * analysed yet). Undefined when the document is not open, is a policy, or its analysis failed.
   */
  plan(uri: string): PlanContext | undefined {
    const doc = this.options.get(uri);
    if (!doc || documentKind(doc) !== 'plan') return undefined;
    return this.entry(doc).ctx;
  }

  private entry(doc: DocumentLike): CacheEntry {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    let entry: CacheEntry;
    try {
      const analysis = this.analyzeVersion(doc.getText(), cached?.ctx?.analysis);
      entry = { version: doc.version, ctx: { uri: doc.uri, analysis }, error: undefined };
    } catch (e) {
      this.options.log(`Analysis of ${doc.uri} (version ${doc.version}) failed: ${errorText(e)}`);
      entry = { version: doc.version, ctx: undefined, error: e };
    }
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /**
   * Analyses `text`. After an edit (`previous` is the analysis of an earlier version of the same
   * document) the edits since then are one change — the span between the common prefix and the
   * common suffix — and the core re-parses only the block it touched when it can. `previous` is
   * consumed: the cache entry that held it is replaced right after.
   */
  private analyzeVersion(text: string, previous: PlanAnalysis | undefined): PlanAnalysis {
    if (this.analyze) return this.analyze(text);
    if (!previous) return analyzePlan(text);
    if (previous.text === text) return previous;
    const change = singleChange(previous.text, text);
    try {
      return reanalyzePlan(previous, text, [change]);
    } catch (e) {
      this.options.log(`Incremental analysis failed (${errorText(e)}); analysing the whole document.`);
      return analyzePlan(text);
    }
  }

  /** Diagnostics and status of the current version of an open document. */
  analyse(uri: string): Analysed | undefined {
    const doc = this.options.get(uri);
    if (!doc) return undefined;
    const kind = documentKind(doc);
    let diagnostics: Diagnostic[];
    let projectEnd: string | null = null;
    if (kind === 'policy') {
      try {
        diagnostics = this.options.policyDiagnostics(uri, doc.getText());
      } catch (e) {
        this.options.log(`Checking the policy ${uri} failed: ${errorText(e)}`);
        diagnostics = [internalErrorDiagnostic(e)];
      }
    } else {
      const entry = this.entry(doc);
      if (entry.ctx) {
        try {
          diagnostics = this.options.planDiagnostics(entry.ctx);
        } catch (e) {
          this.options.log(`Diagnostics of ${uri} failed: ${errorText(e)}`);
          diagnostics = [internalErrorDiagnostic(e)];
        }
        projectEnd = projectEndOf(entry.ctx.analysis);
      } else {
        diagnostics = [internalErrorDiagnostic(entry.error)];
      }
    }
    let errors = 0, warnings = 0;
    for (const d of diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
    return { uri, version: doc.version, kind, diagnostics, status: { uri, version: doc.version, projectEnd, problems: { errors, warnings } } };
  }

  /**
   * Analyses the document after `delayMs` without a newer change, then publishes. A newer call for
   * the same document replaces the pending one.
   */
  schedule(uri: string, delayMs: number): void {
    const doc = this.options.get(uri);
    if (!doc) return;
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending.timer);
    const version = doc.version;
    const timer = setTimeout(() => {
      if (this.timers.get(uri)?.timer === timer) this.timers.delete(uri);
      void this.run(uri, version);
    }, Math.max(0, delayMs));
    this.timers.set(uri, { timer, version });
  }

  /** The document was edited (not opened): debounce delays count from now. Returns the ms since the previous edit. */
  noteChange(uri: string): number {
    const now = performance.now();
    const previous = this.changedAt.get(uri);
    this.changedAt.set(uri, now);
    return previous === undefined ? Infinity : now - previous;
  }

  /**
   * Resolves once the document has gone `delayMs` without an edit — at once when its current version
   * was analysed already or it was never edited since it was opened. For pull requests, so that the
   * debounce applies to pulled diagnostics too. Stops waiting when `cancelled()` turns true.
   */
  async settled(uri: string, delayMs: number, cancelled: () => boolean = () => false): Promise<void> {
    for (;;) {
      const doc = this.options.get(uri);
      if (!doc || cancelled()) return;
      if (this.cache.get(uri)?.version === doc.version) return;
      const changed = this.changedAt.get(uri);
      if (changed === undefined) return;
      const wait = changed + delayMs - performance.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    }
  }

  /** Whether an analysis is waiting for its debounce delay. */
  isPending(uri: string): boolean {
    return this.timers.has(uri);
  }

  private async run(uri: string, version: number): Promise<void> {
    try {
      // Let changes that already arrived be applied first: if the document moved on, the newer
      // change has scheduled its own run and this one is cancelled before any work is done.
      await yieldToEventLoop();
      if (this.options.get(uri)?.version !== version) return;
      const result = this.analyse(uri);
      if (!result || result.version !== version) return;
      this.publishIfFresh(result);
    } catch (e) {
      this.options.log(`Publishing diagnostics of ${uri} failed: ${errorText(e)}`);
    }
  }

  /** Publishes unless the document changed meanwhile or a newer version was already published. */
  publishIfFresh(result: Analysed): boolean {
    const current = this.options.get(result.uri);
    if (!current || current.version !== result.version) return false;
    const last = this.lastPublished.get(result.uri);
    if (last !== undefined && result.version < last) return false;
    this.lastPublished.set(result.uri, result.version);
    this.options.publish(result);
    return true;
  }

  /** The document was opened (again): forget anything about an earlier incarnation. */
  opened(uri: string): void {
    this.forget(uri);
  }

  /** The document was closed: cancel its pending work and drop its analysis. */
  closed(uri: string): void {
    this.forget(uri);
  }

  private forget(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.lastPublished.delete(uri);
    this.changedAt.delete(uri);
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.cache.clear();
  }
}

/** The one change that turns `before` into `after`: what lies between their common prefix and common suffix. */
export function singleChange(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** The project's computed end (YYYY-MM-DD), or null when nothing could be scheduled. */
export function projectEndOf(analysis: PlanAnalysis): string | null {
  const { schedule } = analysis;
  if (schedule.projectEndPt < 0 || !schedule.timeline) return null;
  const day = schedule.timeline.dayOf(schedule.projectEndPt >> 1);
  return day === undefined ? null : formatDay(day);
}

function internalErrorDiagnostic(e: unknown): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'internal-error',
    source: 'plan',
    message: `Internal error while analysing this document: ${errorText(e)}. Please report it; the other features may be incomplete.`,
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
