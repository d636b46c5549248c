/**
 * The timeline previews, modelled on VS Code's Markdown preview: one preview that follows the active plan
 * editor ("Plan: Open Timeline to the Side" opens it beside the editor, "Plan: Open Timeline" in the
 * editor's own column); restored after a window reload by the webview serializer; updated after each
 * analysis the server reports; "Plan: Show Resource Load" / "Plan: Show Budget" switch its view.
 */
import * as vscode from 'vscode';
import type { PlanStatus } from '../../../server/src/protocol';
import type { HostMessage, RenderReport, TimelineView } from './messages';
import { restoredState, stateForPlan } from './state';
import { TIMELINE_VIEW_TYPE, TimelinePanel, fileNameOf, type PanelHost } from './timelinePanel';

export interface TimelineTestApi {
  /** The last RenderReport of the preview showing `uri` (of any preview when omitted). */
  lastReport(uri?: vscode.Uri | string): RenderReport | undefined;
  /** The first report (the last one already in, or a later one) that `predicate` accepts. */
  waitForReport(predicate: (report: RenderReport) => boolean, timeoutMs?: number): Promise<RenderReport>;
  /** The last `highlighted` answer of the webview showing `uri`. */
  lastHighlighted(uri: vscode.Uri | string): { taskId: string | null; shown: boolean } | undefined;
  /** The task the webview showing `uri` last scrolled to the top (following the editor). */
  lastScrolled(uri: vscode.Uri | string): string | undefined;
  /** Posts a message to the preview showing `uri`; false when none does. */
  post(uri: vscode.Uri | string, message: HostMessage): boolean;
  isOpen(uri: vscode.Uri | string): boolean;
  panelCount(): number;
  /** The plan the preview shows, undefined when it is closed. */
  previewedUri(): vscode.Uri | undefined;
  /** What the webview serializer does after a window reload, on a panel the caller made: restore `state`. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

interface ReportWaiter {
  predicate: (report: RenderReport) => boolean;
  resolve: (report: RenderReport) => void;
}

function isPlan(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'plan';
}

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') return vscode.Uri.parse(value);
  return undefined;
}

export class TimelinePreviews implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The preview that follows the active plan editor (like Markdown's dynamic preview). */
  private preview: TimelinePanel | undefined;
  private readonly waiters = new Set<ReportWaiter>();
  private readonly highlightAnswers = new Map<string, { taskId: string | null; shown: boolean }>();
  private readonly scrollAnswers = new Map<string, string>();
  private readonly panelHost: PanelHost;

  constructor(host: Omit<PanelHost, 'onReport' | 'onHighlighted' | 'onScrolled'>) {
    this.panelHost = {
      ...host,
      onReport: (_panel, report) => this.onReport(report),
      onHighlighted: (panel, taskId, shown) => this.highlightAnswers.set(panel.uri.toString(), { taskId, shown }),
      onScrolled: (panel, taskId) => this.scrollAnswers.set(panel.uri.toString(), taskId),
    };
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Follow the active plan editor; other editors leave the preview as it is.
        if (this.preview && isPlan(editor?.document) && !this.preview.isPreviewOf(editor.document.uri)) this.preview.switchTo(editor.document.uri);
      }),
      vscode.commands.registerCommand('planAsCode.openTimelineToSide', (uri?: unknown) => this.open(asUri(uri), vscode.ViewColumn.Beside)),
      vscode.commands.registerCommand('planAsCode.openTimeline', (uri?: unknown) => this.open(asUri(uri), vscode.ViewColumn.Active)),
      vscode.commands.registerCommand('planAsCode.showResourceLoad', (uri?: unknown) => this.showView(asUri(uri), 'resources')),
      vscode.commands.registerCommand('planAsCode.showBudget', (uri?: unknown) => this.showView(asUri(uri), 'budget')),
    );
  }

  /** The server analysed a document (its `planAsCode/status`). */
  onStatus(status: PlanStatus): void {
    if (this.preview?.uri.toString() === status.uri) this.preview.onAnalysed(status.version);
  }

  /** The plan the export command works on when given none: the active plan editor's, else the focused preview's. */
  activePlan(): vscode.Uri | undefined {
    if (this.preview?.panel.active) return this.preview.uri;
    const document = vscode.window.activeTextEditor?.document;
    if (isPlan(document)) return document.uri;
    return this.preview?.uri;
  }

  /** The plan a command is about: its argument, the active plan editor, or the previewed plan. */
  private async planFor(uri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (uri) {
      // The server only knows open documents: open it (in the background) before asking for its model.
      await vscode.workspace.openTextDocument(uri);
      return uri;
    }
    return this.activePlan();
  }

  async open(uri: vscode.Uri | undefined, column: vscode.ViewColumn): Promise<void> {
    const plan = await this.planFor(uri);
    if (!plan) {
      void vscode.window.showInformationMessage('Plan as Code: open a plan (*.plan) to see its timeline.');
      return;
    }
    if (this.preview) {
      this.preview.switchTo(plan);
      // Already on screen and asked for "to the side": leave it where it is (Beside is relative to the
      // active group, which may be the preview's own).
      const where = column === vscode.ViewColumn.Beside && this.preview.panel.visible ? this.preview.panel.viewColumn : column;
      this.preview.reveal(where, column === vscode.ViewColumn.Beside);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TIMELINE_VIEW_TYPE,
      `Timeline: ${fileNameOf(plan)}`,
      { viewColumn: column, preserveFocus: column === vscode.ViewColumn.Beside },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(this.panelHost.extensionUri, 'dist', 'media')] },
    );
    this.adopt(new TimelinePanel(panel, plan, this.panelHost, stateForPlan(undefined, plan.toString())));
  }

  private async showView(uri: vscode.Uri | undefined, view: TimelineView): Promise<void> {
    const plan = await this.planFor(uri);
    if (!plan) {
      void vscode.window.showInformationMessage('Plan as Code: open a plan (*.plan) to see its resource load and budget.');
      return;
    }
    if (!this.preview) await this.open(plan, vscode.ViewColumn.Beside);
    else {
      this.preview.switchTo(plan);
      this.preview.reveal(this.preview.panel.viewColumn, true);
    }
    this.preview?.post({ type: 'setView', view });
  }

  /** After a window reload: the webview's saved state names the plan; show it again in the same panel. */
  private async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = restoredState(raw);
    if (!state) {
      panel.dispose();
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      /* the plan is gone: the preview says so (the server answers null) */
    }
    // One following preview: a restored one replaces another (as Markdown's does).
    this.preview?.dispose();
    this.adopt(new TimelinePanel(panel, uri, this.panelHost, state));
  }

  private adopt(preview: TimelinePanel): void {
    this.preview = preview;
    preview.onDidDispose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
    preview.refresh();
  }

  private onReport(report: RenderReport): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(report)) {
        this.waiters.delete(waiter);
        waiter.resolve(report);
      }
    }
  }

  private previewOf(uri: vscode.Uri | string | undefined): TimelinePanel | undefined {
    if (!this.preview) return undefined;
    if (uri === undefined) return this.preview;
    return this.preview.uri.toString() === (typeof uri === 'string' ? uri : uri.toString()) ? this.preview : undefined;
  }

  readonly testApi: TimelineTestApi = {
    lastReport: (uri) => this.previewOf(uri)?.lastReport,
    waitForReport: (predicate, timeoutMs = 30_000) => {
      const last = this.preview?.lastReport;
      if (last && predicate(last)) return Promise.resolve(last);
      return new Promise<RenderReport>((resolve, reject) => {
        const waiter: ReportWaiter = {
          predicate,
          resolve: (report) => {
            clearTimeout(timer);
            resolve(report);
          },
        };
        const timer = setTimeout(() => {
          this.waiters.delete(waiter);
          const got = this.preview?.lastReport;
          reject(new Error(`no timeline render report matched within ${timeoutMs} ms; the last one: ${got ? JSON.stringify({ ...got, bars: got.bars.slice(0, 20) }) : 'none'}`));
        }, timeoutMs);
        this.waiters.add(waiter);
      });
    },
    lastHighlighted: (uri) => this.highlightAnswers.get(typeof uri === 'string' ? uri : uri.toString()),
    lastScrolled: (uri) => this.scrollAnswers.get(typeof uri === 'string' ? uri : uri.toString()),
    post: (uri, message) => {
      const preview = this.previewOf(uri);
      preview?.post(message);
      return preview !== undefined;
    },
    isOpen: (uri) => this.previewOf(uri) !== undefined,
    panelCount: () => (this.preview ? 1 : 0),
    previewedUri: () => this.preview?.uri,
    restore: (panel, state) => this.restore(panel, state),
  };

  dispose(): void {
    this.preview?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
