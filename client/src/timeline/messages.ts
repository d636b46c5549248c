/**
 * Messages between the timeline webview (client/webview/) and the extension (client/src/timeline/),
 * typed once for both sides. Types only: the webview bundle imports nothing of VS Code from here.
 */
import type { TimelineModel } from '../../../server/src/language/timeline/types';

export type TimelineView = 'timeline' | 'resources' | 'budget';
export type RendererChoice = 'auto' | 'mermaid' | 'builtin';
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** What the webview keeps across reloads (`vscode.setState`) and what the serializer restores. */
export interface TimelineState {
  /** The plan shown. */
  uri: string;
  view: TimelineView;
  /** Ids of collapsed groups. */
  collapsed: string[];
  filter: { criticalOnly: boolean; resource: string | null; phase: string | null };
  /** Pixels per day of the built-in renderer. */
  zoom?: number;
  /** The dependency arrows are switched off (absent: shown). */
  hideLinks?: true;
}

export interface PreviewSettings {
  renderer: RendererChoice;
  /** 'auto' draws with mermaid up to this many rows, with the built-in renderer beyond. */
  mermaidMaxTasks: number;
}

// ---------------------------------------------------------------- extension → webview

export type HostMessage =
  /** A new model (after an edit, or another plan became active). `fileName` is for the title. */
  | { type: 'model'; model: TimelineModel; fileName: string; settings: PreviewSettings }
  /** The cursor is on this task (null: on none): highlight its bar and scroll it into view. */
  | { type: 'highlight'; taskId: string | null }
  /** The editor scrolled: this task is at the top of its view, so its row goes to the top of the chart. */
  | { type: 'scrollTo'; taskId: string }
  /** No model to show (not a plan, or the server failed): say why instead of a chart. */
  | { type: 'message'; text: string }
  /** Switch to a view (the "Plan: Show Resource Load" etc. commands, and tests). */
  | { type: 'setView'; view: TimelineView };

// ---------------------------------------------------------------- webview → extension

/** What the webview drew, reported after every render (tests and the benchmark read it). */
export interface RenderReport {
  uri: string;
  version: number | null;
  view: TimelineView;
  /** Timeline view: which renderer drew it. */
  renderer: 'mermaid' | 'builtin' | null;
  theme: ThemeKind;
  /** Timeline view: the bars drawn (scheduled rows after collapse and filters), with their dates. */
  bars: { id: string; start: string; end: string }[];
  /** Rows listed as unscheduled, with their reason. */
  unscheduled: { id: string; reason: string }[];
  /** Resources view: resource ids drawn; over-allocated cells as `resource@week`. */
  resources: string[];
  overallocated: string[];
  /** Budget view: group ids drawn. */
  budgetGroups: string[];
  /** Milliseconds from receiving the model to the rendered DOM. */
  ms: number;
  /** Render errors (mermaid parse failures and the like); empty when all went well. */
  errors: string[];
}

export type WebviewMessage =
  | { type: 'ready' }
  /** A bar, label or resource cell's task was clicked: reveal it in the editor. */
  | { type: 'reveal'; taskId: string }
  /** A resource name was clicked: reveal its declaration. */
  | { type: 'revealResource'; resourceId: string }
  | { type: 'rendered'; report: RenderReport }
  /**
   * Answer to `highlight`, once the bar is marked (or no bar is): `taskId` as asked, `shown` when a bar of
   * that task is drawn and now highlighted. Optional for the webview; tests read it.
   */
  | { type: 'highlighted'; taskId: string | null; shown: boolean }
  /** Answer to `scrollTo` once the chart has scrolled: the task whose row (or whose group's row) is at the top. */
  | { type: 'scrolled'; taskId: string }
  | { type: 'export' };
