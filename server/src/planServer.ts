/**
 * The language server: LSP requests and notifications wired to the language service. Handlers are
 * thin — convert the parameters, take the analysis of the document's current version (documents.ts),
 * call the feature (service/*.ts) — and guarded: an exception becomes an error response and a log
 * line, never a dead server.
 *
 * Diagnostics: pushed (`textDocument/publishDiagnostics`, with the document version) on open at once
 * and on change after `planAsCode.diagnostics.delay` ms without a newer edit. Clients that support
 * pull diagnostics are also offered `textDocument/diagnostic`; the first pull request switches the
 * server to pull for that client: it clears what it pushed and stops pushing, so a client that does
 * both never shows every problem twice, and a client that declares pull support but never pulls still
 * gets pushed diagnostics. The `planAsCode/status` notification is sent after each analysis either way.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanDocuments, documentKind as documentKindOf, errorText, type Analysed } from './documents';
import { SettingsCache } from './settings';
import {
  EffectivePolicyRequest, EXPORT_FORMAT_NAMES, ExportRequest, StatusNotification, TimelineRequest,
  type EffectivePolicyResult, type ExportFormatName, type TimelineModel,
} from './protocol';
import { PolicyWorkspace, pathToUri, uriToPath } from './policies';
import * as path from 'node:path';
import { VERSION } from './cli/version';
import type { PlanContext } from './service/context';
import { planDiagnostics, toLspDiagnostic } from './service/diagnostics';
import { LineIndex } from './language/text';
import { timelineModel } from './language/timeline/model';
import { renderExport } from './language/export/index';
import { documentSymbols } from './service/symbols';
import { hover } from './service/hover';
import { definition, documentHighlights, references } from './service/navigation';
import { prepareRename, rename, RenameError } from './service/rename';
import { foldingRanges } from './service/folding';
import { selectionRanges } from './service/selectionRanges';
import { semanticTokens, semanticTokensLegend } from './service/semanticTokens';
import { completion } from './service/completion';
import { format } from './service/formatting';
import { codeActions } from './service/codeActions';
import { inlayHints } from './service/inlayHints';
import { codeLenses } from './service/codeLens';
import { policyDiagnostics, policyFileDiagnostics, policySymbols } from './service/policy';
import { policyCompletion, waiverCompletion } from './service/policyCompletion';
import { policyHover, violationHoverMarkdown, waiverHover } from './service/policyHover';
import { overriddenRule, policyDefinition, violationDefinition, waiverDefinition } from './service/policyDefinition';

export const SERVER_NAME = 'Plan as Code';

/** What the server found out about its client at `initialize`. */
interface ClientInfo {
  configuration: boolean;
  dynamicConfigurationChange: boolean;
  pullDiagnostics: boolean;
  diagnosticsRefresh: boolean;
  inlayHintRefresh: boolean;
  prepareRename: boolean;
  codeActionLiterals: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolders: boolean;
}

function clientInfo(caps: ClientCapabilities): ClientInfo {
  return {
    configuration: caps.workspace?.configuration === true,
    dynamicConfigurationChange: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    diagnosticsRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    inlayHintRefresh: caps.workspace?.inlayHint?.refreshSupport === true,
    prepareRename: caps.textDocument?.rename?.prepareSupport === true,
    codeActionLiterals: caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
  };
}

export function serverCapabilities(client: ClientInfo): ServerCapabilities {
  const caps: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: SERVER_NAME },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: client.prepareRename ? { prepareProvider: true } : true,
    completionProvider: { resolveProvider: false, triggerCharacters: [',', '/'] },
    semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: false },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentFormattingProvider: true,
    codeActionProvider: client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false } : true,
    inlayHintProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
  };
  // Workspace folders bound where policy files may come from: follow their changes.
  if (client.workspaceFolders) caps.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  if (client.pullDiagnostics) {
    caps.diagnosticProvider = { identifier: 'plan', interFileDependencies: false, workspaceDiagnostics: false };
  }
  return caps;
}

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** Wires a connection (already created, not yet listening) to the language service and starts listening. */
export function runPlanServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let client: ClientInfo = clientInfo({});
  let settings = new SettingsCache(undefined);
  /** Set by the first pull request: from then on diagnostics are pulled, not pushed. */
  let clientPulls = false;
  /** Documents whose last push carried problems (cleared when switching to pull or on close). */
  const pushedProblems = new Set<string>();
  /** Bumped on configuration changes: part of pull result ids. */
  let generation = 0;
  const resultIds = new Map<string, string>();
  const justOpened = new Set<string>();

  const log = (message: string) => {
    try { connection.console.log(message); } catch { /* the connection is gone */ }
  };
  const logError = (message: string) => {
    try { connection.console.error(message); } catch { /* the connection is gone */ }
  };

  /** Absolute paths of the workspace folders (from `initialize`). */
  let roots: string[] = [];
  /** The open document at an absolute path, if any. */
  const openAt = (file: string) => documents.all().find((d) => uriToPath(d.uri) === file);
  const policies = new PolicyWorkspace({ roots: () => roots, overlay: (file) => openAt(file)?.getText(), log: logError });
  /** Policy files (not open) whose problems were pushed: uri → what was pushed. */
  const policyPushed = new Map<string, string>();

  /** Publishes the problems of the policy files open plans use and that are not open themselves. */
  const publishPolicyFiles = () => {
    const seen = new Set<string>();
    for (const [file, state] of policies.usedFiles()) {
      if (!state || openAt(file)) continue;
      const uri = pathToUri(file);
      seen.add(uri);
      const diagnostics = policyFileDiagnostics(uri, state.text, state.diagnostics);
      const key = JSON.stringify(diagnostics);
      if (policyPushed.get(uri) === key) continue;
      policyPushed.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of [...policyPushed.keys()]) {
      if (seen.has(uri)) continue;
      policyPushed.delete(uri);
      if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };

  /** The `planAsCode.policies` each open plan was last checked with. */
  const checkedWith = new Map<string, string>();
  /** Once a document's settings are known: check the plan again if its setting's policies differ from its last check. */
  const recheckWhenSettingsArrive = (uri: string) => {
    if (planDocs.kind(uri) !== 'plan') return;
    settings.get(uri).then((s) => {
      const seen = checkedWith.get(uri);
      if (documents.get(uri) && seen !== undefined && seen !== JSON.stringify(s.policies)) planDocs.schedule(uri, 0);
    }, () => {});
  };

  /** Plan diagnostics with those of its policies (violations link their rule's docs). */
  const planAndPolicyDiagnostics = (ctx: PlanContext): Diagnostic[] => {
    const own = planDiagnostics(ctx);
    const settingPolicies = settings.peek(ctx.uri).policies;
    checkedWith.set(ctx.uri, JSON.stringify(settingPolicies));
    const result = policies.forPlan(ctx.uri, ctx.analysis, settingPolicies);
    if (result.diagnostics.length === 0) return own;
    const extra = result.diagnostics.map((d) => {
      const out = toLspDiagnostic(ctx, d);
      const docs = d.data?.docs;
      if (typeof docs === 'string' && /^https?:\/\//i.test(docs)) out.codeDescription = { href: docs };
      return out;
    });
    return [...own, ...extra];
  };

  /** An open policy document: the problems of loading it as a policy set. */
  const policyDocumentDiagnostics = (uri: string, text: string): Diagnostic[] => {
    const file = uriToPath(uri);
    if (file === undefined) return policyDiagnostics(uri, text);
    const state = policies.loadFile(file, text).files.get(file);
    return state ? policyFileDiagnostics(uri, text, state.diagnostics) : policyDiagnostics(uri, text);
  };

  /** A policy changed (`file`, or any when undefined): check the open plans that use it again. */
  const policyChanged = (file: string | undefined, delayMs = 0) => {
    policies.changed();
    generation++; // pulled results of unchanged plans are stale too
    const plans = policies.plansUsing(file);
    for (const plan of plans) if (documents.get(plan)) planDocs.schedule(plan, delayMs);
    if (plans.length > 0 && clientPulls && client.diagnosticsRefresh) connection.languages.diagnostics.refresh().catch(() => {});
  };

  const publish = (result: Analysed) => {
    if (result.kind === 'plan') {
      try { publishPolicyFiles(); } catch (e) { logError(`Publishing policy problems failed: ${errorText(e)}`); }
    }
    if (!clientPulls) {
      void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: result.diagnostics });
      if (result.diagnostics.length > 0) pushedProblems.add(result.uri); else pushedProblems.delete(result.uri);
    }
    void connection.sendNotification(StatusNotification, result.status);
  };

  const planDocs = new PlanDocuments({
    get: (uri) => documents.get(uri),
    planDiagnostics: planAndPolicyDiagnostics,
    policyDiagnostics: policyDocumentDiagnostics,
    publish,
    log: logError,
  });

  /** Guards a request handler: cancelled → RequestCancelled, exception → error response + log line. */
  function guard<P, R>(name: string, handler: Handler<P, R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<any>> {
    return async (params, token) => {
      try {
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
        return await handler(params, token);
      } catch (e) {
        if (e instanceof RenameError) return new ResponseError(LSPErrorCodes.RequestFailed, e.message);
        logError(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${errorText(e)}`);
      }
    };
  }

  /** Guards a notification handler: an exception becomes a log line. */
  function guardNotification<P>(name: string, handler: (params: P) => void): (params: P) => void {
    return (params) => {
      try {
        handler(params);
      } catch (e) {
        logError(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    };
  }

  /** A plan request: the analysis of the current version, or the fallback for policies and unknown documents. */
  function onPlan<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, feature: (ctx: PlanContext, params: P) => R | Promise<R>) {
    return guard<P, R>(name, (params) => {
      const ctx = planDocs.plan(params.textDocument.uri);
      return ctx ? feature(ctx, params) : fallback;
    });
  }

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientInfo(params.capabilities ?? {});
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map((u) => uriToPath(u)).filter((p): p is string => p !== undefined).map((p) => path.resolve(p));
    settings = new SettingsCache(
      client.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'planAsCode' }) : undefined,
      logError,
    );
    return { capabilities: serverCapabilities(client), serverInfo: { name: SERVER_NAME, version: VERSION } };
  });

  connection.onInitialized(() => {
    if (client.dynamicConfigurationChange) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'planAsCode' }).catch((e: unknown) => {
        logError(`Could not register for configuration changes: ${errorText(e)}`);
      });
    }
    if (client.workspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders(guardNotification('didChangeWorkspaceFolders', (e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined).map((p) => path.resolve(p));
          roots = [...roots.filter((r) => !removed.has(r)), ...added];
          policyChanged(undefined);
          for (const doc of documents.all()) if (planDocs.kind(doc.uri) === 'plan') planDocs.schedule(doc.uri, 0);
        }));
      } catch (e) {
        logError(`Could not follow workspace folder changes: ${errorText(e)}`);
      }
    }
    if (client.watchedFilesRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.policy' }] }).catch((e: unknown) => {
        logError(`Could not register a watcher for policy files: ${errorText(e)}`);
      });
    }
    log(`${SERVER_NAME} language server ${VERSION} is ready (diagnostics: ${client.pullDiagnostics ? 'pull offered, push until the client pulls' : 'push'}).`);
  });

  connection.onShutdown(() => {
    planDocs.dispose();
  });

  // ------------------------------------------------------------------ documents and settings

  documents.onDidOpen(guardNotification('didOpen', (e) => {
    const uri = e.document.uri;
    planDocs.opened(uri);
    justOpened.add(uri);
    const kind = planDocs.kind(uri);
    // The first check may run before the settings arrive: then the setting's policies apply once they do.
    recheckWhenSettingsArrive(uri);
    if (kind === 'policy') {
      policyPushed.delete(uri);
      const file = uriToPath(uri);
      if (file !== undefined && file !== undefined) policyChanged(file);
    }
  }));

  documents.onDidChangeContent(guardNotification('didChange', (e) => {
    const uri = e.document.uri;
    // On open: at once. On a change: after the document's delay without a newer edit — except the
    // first edit after a pause, which is checked at once (leading edge), so a single keystroke shows its
    // effect without waiting; a burst of edits is still debounced and checked once it settles.
    if (justOpened.delete(uri)) {
      planDocs.schedule(uri, 0);
    } else {
      const sincePrevious = planDocs.noteChange(uri);
      const delay = settings.peek(uri).diagnostics.delay;
      const wait = sincePrevious >= delay && !planDocs.isPending(uri) ? 0 : delay;
      planDocs.schedule(uri, wait);
      if (planDocs.kind(uri) === 'policy') policyChanged(uriToPath(uri), wait);
    }
  }));

  documents.onDidClose(guardNotification('didClose', (e) => {
    const uri = e.document.uri;
    const kind = documentKindOf(e.document);
    planDocs.closed(uri);
    if (kind === 'plan') {
      policies.forget(uri);
      checkedWith.delete(uri);
      publishPolicyFiles();
    } else {
      // Its text on disk applies again (and its problems are published with the plans that use it).
      const file = uriToPath(uri);
      if (file !== undefined) policyChanged(file);
    }
    settings.forget(uri);
    resultIds.delete(uri);
    justOpened.delete(uri);
    if (pushedProblems.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }));

  connection.onDidChangeConfiguration(guardNotification('didChangeConfiguration', (params) => {
    settings.changed(params?.settings);
    generation++;
    for (const doc of documents.all()) planDocs.schedule(doc.uri, 0);
    for (const doc of documents.all()) recheckWhenSettingsArrive(doc.uri);
    if (client.inlayHintRefresh) connection.languages.inlayHint.refresh().catch(() => {});
    if (clientPulls && client.diagnosticsRefresh) connection.languages.diagnostics.refresh().catch(() => {});
  }));

  connection.onDidChangeWatchedFiles(guardNotification('didChangeWatchedFiles', (params) => {
    let any = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file === undefined || !/\.policy$/i.test(file) || openAt(file)) continue;
      any = true;
      policyChanged(change.type === FileChangeType.Created ? undefined : file);
    }
    if (any) publishPolicyFiles();
  }));

  // ------------------------------------------------------------------ diagnostics (pull)

  connection.languages.diagnostics.on(guard('textDocument/diagnostic', async (params, token): Promise<DocumentDiagnosticReport | ResponseError<any>> => {
    const uri = params.textDocument.uri;
    if (!clientPulls) {
      clientPulls = true;
      // Problems pushed before the client showed it pulls would stay beside the pulled ones.
      for (const pushed of pushedProblems) void connection.sendDiagnostics({ uri: pushed, diagnostics: [] });
      pushedProblems.clear();
    }
    // The same debounce as for pushed diagnostics: a client that pulls on every keystroke cancels
    // the pull of an older version while it waits, and the analysis of that version never runs.
    await planDocs.settled(uri, settings.peek(uri).diagnostics.delay, () => token.isCancellationRequested);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'textDocument/diagnostic was cancelled');
    const result = planDocs.analyse(uri);
    if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${generation}:${result.version}`;
    const previous = resultIds.get(uri);
    resultIds.set(uri, resultId);
    if (params.previousResultId !== undefined && params.previousResultId === previous && previous === resultId) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    }
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.diagnostics };
  }));

  // ------------------------------------------------------------------ features

  connection.onDocumentSymbol(guard('textDocument/documentSymbol', (params) => {
    const uri = params.textDocument.uri;
    const kind = planDocs.kind(uri);
    if (kind === 'policy') return policySymbols(planDocs.document(uri)!.getText());
    const ctx = planDocs.plan(uri);
    return ctx ? documentSymbols(ctx) : [];
  }));

  /** The policies of an open plan (as its last check found them, else computed now). */
  const policiesOf = (ctx: PlanContext) => policies.forPlan(ctx.uri, ctx.analysis, settings.peek(ctx.uri).policies);
  const rootFor = (uri: string) => { const f = uriToPath(uri); return f ? policies.rootOf(f) : roots[0]; };

  connection.onHover(guard('textDocument/hover', (params) => {
    const uri = params.textDocument.uri;
    if (planDocs.kind(uri) === 'policy') return policyHover(planDocs.document(uri)!.getText(), params.position);
    const ctx = planDocs.plan(uri);
    if (!ctx) return null;
    if (ctx.analysis.model.project.waivers.length > 0) {
      const h = waiverHover(ctx, policiesOf(ctx).set, params.position, rootFor(uri));
      if (h) return h;
    }
    const own = hover(ctx, params.position);
    const last = policies.lastOf(uri);
    const violations = last && last.diagnostics.length > 0 ? violationHoverMarkdown(ctx, last.diagnostics, last.set, params.position, rootFor(uri)) : undefined;
    if (!violations) return own;
    if (!own) return { contents: { kind: 'markdown', value: violations } };
    const value = typeof own.contents === 'object' && 'kind' in own.contents ? own.contents.value : undefined;
    return value === undefined ? own : { ...own, contents: { kind: 'markdown', value: `${value}\n\n---\n\n${violations}` } };
  }));

  connection.onDefinition(guard('textDocument/definition', (params) => {
    const uri = params.textDocument.uri;
    if (planDocs.kind(uri) === 'policy') {
      const file = uriToPath(uri);
      const host = file ? policies.host(file) : undefined;
      const text = planDocs.document(uri)!.getText();
      const found = policyDefinition(text, params.position, (spec) => {
        const target = file && host ? host.resolve(spec, file) : undefined;
        return target && host!.read(target) !== undefined ? pathToUri(target) : undefined;
      });
      return found.length > 0 || !file ? found : overriddenRule(policies.loadFile(file, text), file, params.position, pathToUri);
    }
    const ctx = planDocs.plan(uri);
    if (!ctx) return [];
    const { waivers, uses } = ctx.analysis.model.project;
    if (waivers.length > 0 || uses.length > 0) {
      const file = uriToPath(uri);
      const host = file ? policies.host(file) : undefined;
      const found = waiverDefinition(ctx, policiesOf(ctx).set, params.position, pathToUri, (spec) => {
        const target = file && host ? host.resolve(spec, file) : undefined;
        return target ? pathToUri(target) : undefined;
      });
      if (found) return found;
    }
    // From a violation (the subject's id, or `project`) to the rules it breaks, then the plan's own answer.
    const last = policies.lastOf(uri);
    const rules = last && last.diagnostics.length > 0 ? violationDefinition(ctx, last.diagnostics, last.set, params.position, pathToUri) : [];
    return rules.length > 0 ? [...rules, ...definition(ctx, params.position)] : definition(ctx, params.position);
  }));

  connection.onReferences(onPlan('textDocument/references', [], (ctx, params) =>
    references(ctx, params.position, params.context?.includeDeclaration !== false)));

  connection.onDocumentHighlight(onPlan('textDocument/documentHighlight', [], (ctx, params) => documentHighlights(ctx, params.position)));

  connection.onPrepareRename(onPlan('textDocument/prepareRename', null, (ctx, params) => prepareRename(ctx, params.position)));

  connection.onRenameRequest(guard('textDocument/rename', (params) => {
    const ctx = planDocs.plan(params.textDocument.uri);
    if (!ctx) throw new RenameError('Only ids in a plan can be renamed.');
    return rename(ctx, params.position, params.newName);
  }));

  connection.onCompletion(guard('textDocument/completion', (params) => {
    const uri = params.textDocument.uri;
    if (planDocs.kind(uri) === 'policy') return policyCompletion(planDocs.document(uri)!.getText(), params.position);
    const ctx = planDocs.plan(uri);
    if (!ctx) return null;
    const waive = waiverCompletion(ctx, policiesOf(ctx).set, params.position);
    return waive ?? completion(ctx, params.position);
  }));

  connection.onRequest(EffectivePolicyRequest, guard('planAsCode/effectivePolicy', (params): EffectivePolicyResult | null => {
    const ctx = planDocs.plan(params.uri);
    return ctx ? effectivePolicy(ctx, policiesOf(ctx)) : null;
  }));

  /**
   * The analysis of an open plan once its pending edits have settled (as for pulled diagnostics), with
   * the version it belongs to; undefined for policies, unknown documents and cancelled requests.
   */
  const settledPlan = async (uri: unknown, token: CancellationToken): Promise<{ ctx: PlanContext; version: number } | undefined> => {
    if (typeof uri !== 'string' || planDocs.kind(uri) !== 'plan') return undefined;
    await planDocs.settled(uri, settings.peek(uri).diagnostics.delay, () => token.isCancellationRequested);
    if (token.isCancellationRequested) return undefined;
    const doc = planDocs.document(uri);
    const ctx = planDocs.plan(uri);
    return doc && ctx ? { ctx, version: doc.version } : undefined;
  };

  connection.onRequest(TimelineRequest, guard('planAsCode/timeline', async (params, token): Promise<TimelineModel | null | ResponseError<any>> => {
    const plan = await settledPlan(params?.uri, token);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'planAsCode/timeline was cancelled');
    if (!plan) return null;
    const model = timelineModel(plan.ctx.analysis, plan.ctx.uri, plan.version);
    // The problems the editor shows include those of the plan's policies.
    for (const d of policiesOf(plan.ctx).diagnostics) {
      if (d.severity === 'error') model.problems.errors++;
      else if (d.severity === 'warning') model.problems.warnings++;
    }
    return model;
  }));

  connection.onRequest(ExportRequest, guard('planAsCode/export', async (params, token): Promise<{ text: string } | null | ResponseError<any>> => {
    const format = params?.format as ExportFormatName;
    if (!EXPORT_FORMAT_NAMES.includes(format)) {
      return new ResponseError(ErrorCodes.InvalidParams, `Unknown export format ${JSON.stringify(params?.format)}; expected one of ${EXPORT_FORMAT_NAMES.join(', ')}.`);
    }
    const plan = await settledPlan(params?.uri, token);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'planAsCode/export was cancelled');
    if (!plan) return null;
    const text = format === 'markdown'
      ? renderExport(plan.ctx.analysis, 'mermaid', { markdown: true })
      : renderExport(plan.ctx.analysis, format);
    return { text };
  }));

  connection.languages.semanticTokens.on(onPlan('textDocument/semanticTokens/full', { data: [] }, (ctx) => semanticTokens(ctx)));

  connection.onFoldingRanges(onPlan('textDocument/foldingRange', [], (ctx) => foldingRanges(ctx)));

  connection.onSelectionRanges(onPlan('textDocument/selectionRange', [], (ctx, params) => selectionRanges(ctx, params.positions)));

  connection.onDocumentFormatting(onPlan('textDocument/formatting', null, (ctx, params) => format(ctx, params.options)));

  connection.onCodeAction(onPlan('textDocument/codeAction', [], (ctx, params) =>
    codeActions(ctx, params.range, withFixData(ctx, params.context?.diagnostics ?? []))));

  connection.languages.inlayHint.on(onPlan('textDocument/inlayHint', [], async (ctx, params) => {
    const s = await settings.get(params.textDocument.uri);
    if (!s.inlayHints.enabled) return [];
    // The document may have changed while the settings were read: answer for the current version.
    const current = planDocs.plan(params.textDocument.uri) ?? ctx;
    return inlayHints(current, params.range);
  }));

  connection.onCodeLens(onPlan('textDocument/codeLens', [], (ctx) => codeLenses(ctx)));

  documents.listen(connection);
  connection.listen();
}

/** The rules in effect for a plan, for `planAsCode/effectivePolicy`. */
function effectivePolicy(ctx: PlanContext, result: ReturnType<PolicyWorkspace['forPlan']>): EffectivePolicyResult {
  const { set } = result;
  const waivers = ctx.analysis.model.project.waivers;
  const lineOf = (offset: number) => ctx.analysis.lines.position(offset).line;
  const rules: EffectivePolicyResult['rules'] = [];
  for (const r of set?.rules.values() ?? []) {
    const file = set!.files.get(r.file);
    const at = file ? new LineIndex(file.text).position((r.rule.id ?? r.rule.keyword).start) : { line: 0, character: 0 };
    rules.push({
      id: r.id, severity: r.severity, message: r.message, ...(r.docs ? { docs: r.docs } : {}),
      file: pathToUri(r.file), line: at.line, character: at.character,
      policyId: r.policyId, ...(r.policyVersion ? { policyVersion: r.policyVersion } : {}),
      overrides: r.overrides.map((o) => ({ file: pathToUri(o.file), policyId: o.policyId })),
      waivers: waivers.filter((w) => w.rule?.text === r.id).map((w) => ({
        on: w.on.map((i) => i.text), ...(w.reason ? { reason: w.reason.value } : {}), line: lineOf(w.start),
      })),
    });
  }
  return {
    uri: ctx.uri,
    entries: result.entries.map(pathToUri),
    notFound: result.notFound.map((n) => n.spec),
    files: [...(set?.files.keys() ?? [])].map(pathToUri),
    rules,
    unknownWaivers: waivers.filter((w) => w.rule && !set?.rules.has(w.rule.text)).map((w) => w.rule!.text),
  };
}

/**
 * Diagnostics as the client sends them back in a code action request. Clients that do not keep a
 * diagnostic's `data` lose the facts the quick fixes need: take them from our own diagnostic with the
 * same code and range.
 */
function withFixData(ctx: PlanContext, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.every((d) => d.data !== undefined)) return diagnostics;
  const ours = planDiagnostics(ctx);
  const key = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
  const byKey = new Map<string, Diagnostic>();
  for (const d of ours) if (!byKey.has(key(d))) byKey.set(key(d), d);
  return diagnostics.map((d) => (d.data !== undefined ? d : { ...d, data: byKey.get(key(d))?.data }));
}

const TRANSPORT_ARGS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/**
 * Starts the server in this process: over node IPC, a socket or a pipe when the command line says
 * so (`--node-ipc`, `--socket=N`, `--pipe=NAME`, as editors launch servers), else over stdio. From
 * here on the server owns the process: an uncaught exception is logged, never fatal.
 */
export function startServer(): Connection {
  if (!process.argv.slice(2).some((a) => TRANSPORT_ARGS.test(a))) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  let reporting = false;
  const report = (what: string) => (e: unknown) => {
    if (reporting) return; // the report itself failed (the connection is gone): do not loop
    reporting = true;
    const text = `${SERVER_NAME}: ${what}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
    try { connection.console.error(text); } catch { try { process.stderr.write(text + '\n'); } catch { /* nowhere to report */ } }
    reporting = false;
  };
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
  runPlanServer(connection);
  return connection;
}
