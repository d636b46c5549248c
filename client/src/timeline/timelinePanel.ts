/**
 * One timeline preview: a webview panel showing the model of one plan (which plan can change: the preview
 * follows the active plan editor). Fetches the model from the language server on open and after each
 * analysis, paced by UpdateThrottle; highlights the bar of the task under the cursor; reveals a clicked
 * task in the plan's editor; keeps what the webview last reported it drew.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest, type TimelineModel } from '../../../server/src/protocol';
import { taskAtLine, taskAtTopOfView } from './cursorTask';
import { PendingMessages } from './pendingMessages';
import { makeNonce, timelinePage } from './html';
import type { HostMessage, PreviewSettings, RenderReport, RendererChoice, TimelineState, WebviewMessage } from './messages';
import { UpdateThrottle } from './throttle';

export const TIMELINE_VIEW_TYPE = 'planAsCode.timeline';

export interface PanelHost {
  client: LanguageClient;
  /** Resolves once the language client has started (or failed to). */
  clientStarted: Promise<void>;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  onReport(panel: TimelinePanel, report: RenderReport): void;
  onHighlighted(panel: TimelinePanel, taskId: string | null, shown: boolean): void;
  onScrolled(panel: TimelinePanel, taskId: string): void;
  exportPlan(uri: vscode.Uri): Thenable<unknown>;
}

export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.replace(/^.*\//, '') || uri.toString();
}

function previewSettings(uri: vscode.Uri): PreviewSettings {
  const config = vscode.workspace.getConfiguration('planAsCode.timeline', uri);
  const renderer = config.get<string>('renderer', 'auto');
  const max = config.get<number>('mermaidMaxTasks', 150);
  return {
    renderer: (['auto', 'mermaid', 'builtin'] as string[]).includes(renderer) ? (renderer as RendererChoice) : 'auto',
    mermaidMaxTasks: Number.isFinite(max) ? Math.max(0, max) : 150,
  };
}

function scrollWithEditor(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('planAsCode.timeline', uri).get<boolean>('scrollWithEditor', true) !== false;
}

/** After the preview revealed a task, the editor's own scrolling is not followed back for this long. */
const REVEAL_QUIET_MS = 600;
/** Editor scroll events come per frame; the preview follows the last one of a burst. */
const SCROLL_SYNC_DELAY_MS = 40;

function updateDelay(uri: vscode.Uri): number {
  const delay = vscode.workspace.getConfiguration('planAsCode.timeline', uri).get<number>('updateDelay', 150);
  return Number.isFinite(delay) ? Math.min(Math.max(0, delay), 5_000) : 150;
}

export class TimelinePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly throttle: UpdateThrottle;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  private currentUri: vscode.Uri;
  /** Bumped when the preview switches plans: answers for the previous plan are dropped. */
  private generation = 0;
  /** The model shown (null: a message is shown instead). */
  private shown: TimelineModel | null = null;
  private ready = false;
  /** Messages posted before the page's script listened (it says `ready`), sent in order then. */
  private readonly queue = new PendingMessages();
  private highlighted: string | null = null;
  /** The task last scrolled to the top of the chart, and the pending editor scroll (its top line). */
  private scrolledTo: string | null = null;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private quietUntil = 0;
  /** The plan was analysed again while the preview was hidden. */
  private outdated = false;
  private disposed = false;
  lastReport: RenderReport | undefined;

  /** A new panel, or one VS Code restored after a reload (`state` from the webview's setState). */
  constructor(
    readonly panel: vscode.WebviewPanel,
    uri: vscode.Uri,
    private readonly host: PanelHost,
    state?: TimelineState,
  ) {
    this.currentUri = uri;
    // The tab shows a gantt icon, as the Markdown preview's tab shows its own.
    panel.iconPath = {
      light: vscode.Uri.joinPath(host.extensionUri, 'media', 'timeline-light.svg'),
      dark: vscode.Uri.joinPath(host.extensionUri, 'media', 'timeline-dark.svg'),
    };
    this.throttle = new UpdateThrottle(() => this.update(), () => updateDelay(this.currentUri));
    this.setTitle();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        // A hidden webview loses its page (retainContextWhenHidden is off): hold messages until the
        // page, loaded again when shown, says `ready`.
        if (!this.panel.visible) this.ready = false;
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.currentUri.toString()) this.highlightAt(e.selections[0]?.active.line);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() !== this.currentUri.toString()) return;
        const top = e.visibleRanges[0]?.start.line;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.scrollWithEditorAt(top), SCROLL_SYNC_DELAY_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('planAsCode.timeline', this.currentUri)) return;
        // New renderer settings: draw the same model again with them.
        if (this.shown) this.postModel(this.shown);
      }),
    );
    this.loadPage(state);
  }

  get uri(): vscode.Uri {
    return this.currentUri;
  }

  isPreviewOf(uri: vscode.Uri): boolean {
    return this.currentUri.toString() === uri.toString();
  }

  /** Shows another plan (the dynamic preview following the active editor); the page keeps running. */
  switchTo(uri: vscode.Uri): void {
    if (this.isPreviewOf(uri)) return;
    this.currentUri = uri;
    this.generation++;
    this.shown = null;
    this.highlighted = null;
    this.scrolledTo = null;
    this.lastReport = undefined;
    this.setTitle();
    this.refresh();
  }

  /** Asks for a new model (paced). */
  refresh(): void {
    this.throttle.request();
  }

  /** After the server analysed a version of the plan: fetch it unless that version is shown already. */
  onAnalysed(version: number | undefined): void {
    if (version !== undefined && this.shown?.version !== null && this.shown?.version !== undefined && version <= this.shown.version) return;
    // Hidden behind another editor: nobody sees it; fetch once it is shown again (its page says `ready`).
    if (!this.panel.visible) {
      this.outdated = true;
      return;
    }
    this.refresh();
  }

  reveal(column: vscode.ViewColumn | undefined, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  post(message: HostMessage): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private setTitle(): void {
    this.panel.title = `Timeline: ${fileNameOf(this.currentUri)}`;
  }

  private loadPage(state?: TimelineState): void {
    this.ready = false;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'dist', 'media');
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    webview.html = timelinePage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      script: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
      mermaid: webview.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.min.js')).toString(),
      state,
    });
  }

  private onMessage(message: WebviewMessage): void {
    switch (message?.type) {
      case 'ready': {
        this.scrolledTo = null; // a new page starts at the top
        // A page that (re)loaded has nothing drawn: give it the model we have (or fetch one) and the
        // highlight, unless newer ones are waiting anyway.
        if (!this.queue.hasContent) {
          if (this.shown) this.postModel(this.shown);
          else this.refresh();
        }
        if (this.outdated) {
          this.outdated = false;
          this.refresh();
        }
        if (this.highlighted !== null && !this.queue.has('highlight')) this.post({ type: 'highlight', taskId: this.highlighted });
        this.ready = true;
        for (const m of this.queue.take()) void this.panel.webview.postMessage(m);
        break;
      }
      case 'rendered':
        if (message.report && message.report.uri === this.currentUri.toString()) {
          this.lastReport = message.report;
          this.host.onReport(this, message.report);
        }
        break;
      case 'highlighted':
        this.host.onHighlighted(this, message.taskId, message.shown);
        break;
      case 'scrolled':
        if (typeof message.taskId === 'string') this.host.onScrolled(this, message.taskId);
        break;
      case 'reveal':
        if (typeof message.taskId === 'string') void this.revealTask(message.taskId);
        break;
      case 'revealResource':
        if (typeof message.resourceId === 'string') void this.revealResource(message.resourceId);
        break;
      case 'export':
        void this.host.exportPlan(this.currentUri);
        break;
    }
  }

  /** One fetch of the model (the throttle never runs two at once). */
  private async update(): Promise<void> {
    const uri = this.currentUri;
    const generation = this.generation;
    const stale = () => this.disposed || generation !== this.generation;
    await this.host.clientStarted;
    if (stale()) return;
    if (!this.host.client.isRunning()) {
      this.showMessage('The Plan as Code language server is not running. Run "Plan: Restart Language Server" and see "Plan: Show Output".');
      return;
    }
    let model: TimelineModel | null;
    try {
      model = await this.host.client.sendRequest(TimelineRequest, { uri: uri.toString() });
    } catch (error) {
      if (stale()) return;
      const why = error instanceof Error ? error.message : String(error);
      this.host.log.warn(`Timeline of ${uri.toString()}: ${why}`);
      this.showMessage(`The timeline of ${fileNameOf(uri)} could not be computed: ${why}`);
      return;
    }
    if (stale()) return;
    if (!model) {
      this.showMessage(`${fileNameOf(uri)} is not an open plan. Open the plan in an editor to see its timeline.`);
      return;
    }
    // Answers come in order, but never replace a newer model by an older one.
    if (this.shown && this.shown.version !== null && model.version !== null && model.version < this.shown.version) return;
    this.postModel(model);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor) this.highlightAt(editor.selection.active.line);
  }

  private postModel(model: TimelineModel): void {
    this.shown = model;
    this.post({ type: 'model', model, fileName: fileNameOf(this.currentUri), settings: previewSettings(this.currentUri) });
  }

  private showMessage(text: string): void {
    this.shown = null;
    this.post({ type: 'message', text });
  }

  /** Like the Markdown preview: the task at the top of the editor goes to the top of the chart. */
  private scrollWithEditorAt(topLine: number | undefined): void {
    if (!this.shown || topLine === undefined || Date.now() < this.quietUntil || !scrollWithEditor(this.currentUri)) return;
    const taskId = taskAtTopOfView(this.shown.tasks, topLine);
    if (taskId === null || taskId === this.scrolledTo) return;
    this.scrolledTo = taskId;
    this.post({ type: 'scrollTo', taskId });
  }

  private highlightAt(line: number | undefined): void {
    if (!this.shown || line === undefined) return;
    const taskId = taskAtLine(this.shown.tasks, line);
    if (taskId === this.highlighted) return;
    this.highlighted = taskId;
    this.post({ type: 'highlight', taskId });
  }

  /** The plan's editor in the column it is in (not the preview's), opened beside the preview if none shows it. */
  private async showPlanEditor(): Promise<vscode.TextEditor> {
    const uri = this.currentUri;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const document = visible?.document ?? await vscode.workspace.openTextDocument(uri);
    const column = visible?.viewColumn
      ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    return vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: false });
  }

  private async select(line: number, character: number, length: number): Promise<void> {
    // The editor scrolls to what the preview revealed: that must not scroll the preview in turn.
    this.quietUntil = Date.now() + REVEAL_QUIET_MS;
    const editor = await this.showPlanEditor();
    const start = new vscode.Position(line, character);
    const range = new vscode.Range(start, start.translate(0, length));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.quietUntil = Date.now() + REVEAL_QUIET_MS;
  }

  async revealTask(taskId: string): Promise<boolean> {
    const task = this.shown?.tasks.find((t) => t.id === taskId);
    if (!task) return false;
    await this.select(task.line, task.character, task.id.length);
    return true;
  }

  async revealResource(resourceId: string): Promise<boolean> {
    const resource = this.shown?.resources.find((r) => r.id === resourceId);
    if (!resource) return false;
    await this.select(resource.line, resource.character, resource.id.length);
    return true;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.throttle.dispose();
    clearTimeout(this.scrollTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}
