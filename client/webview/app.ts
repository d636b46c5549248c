/**
 * The timeline webview's shell: receives HostMessages, keeps TimelineState (vscode.setState), draws the
 * toolbar and the current view (timeline in one of two renderers, resources, budget) and reports every
 * render back to the extension. Rendering is coalesced: while one render runs, newer models replace the
 * pending one, and a model older than the one drawn (same plan, lower version) is ignored.
 */
import type { TimelineModel } from '../../server/src/language/timeline/types';
import type { HostMessage, PreviewSettings, RenderReport, TimelineState, TimelineView, WebviewMessage } from '../src/timeline/messages';
import { BuiltinGantt } from './gantt/builtinView';
import { el } from './dom';
import type { GanttView } from './gantt/ganttView';
import { MERMAID_MAX_TEXT, mermaidTimeline } from './gantt/mermaidText';
import { MermaidGantt, mermaidAvailable } from './gantt/mermaidView';
import { collapsedForLevel, filterActive, groupIds, rowFor, unscheduledTasks, visibleRows, type Row } from './gantt/rows';
import { initialState, stateForPlan } from './state';
import { themeKind, watchTheme } from './theme';
import { Toolbar, type RendererInfo } from './toolbar';
import { renderBudget } from './views/budget';
import { renderResources } from './views/resources';
import type { ViewContext, ViewRenderer } from './views/viewContext';
import type { VsCodeApi } from './vscodeApi';

interface Shown { model: TimelineModel; fileName: string; settings: PreviewSettings }

const VIEW_RENDERERS: Record<Exclude<TimelineView, 'timeline'>, ViewRenderer> = { resources: renderResources, budget: renderBudget };

export class TimelineApp {
  private state: TimelineState;
  private readonly toolbar: Toolbar;
  private readonly content: HTMLElement;
  private shown: Shown | undefined;
  /** The newest model not drawn yet, and when it arrived. */
  private pending: Shown | undefined;
  private receivedAt = 0;
  /** Something other than the model changed (state, theme): draw the shown model again. */
  private dirty = false;
  private scheduled = false;
  private rendering = false;
  private gantt: { kind: 'mermaid' | 'builtin'; view: GanttView; host: HTMLElement } | undefined;
  private rows: Row[] = [];
  private highlightId: string | null = null;
  private selectedId: string | null = null;
  private rendererInfo: RendererInfo = { renderer: null, notice: null };

  constructor(private readonly root: HTMLElement, private readonly vscode: VsCodeApi) {
    this.state = initialState(vscode.getState(), root.dataset.initialState);
    const bar = el('div', 'toolbar-host');
    this.content = el('div', 'content');
    root.replaceChildren(bar, this.content);
    this.toolbar = new Toolbar(bar, {
      setView: (view) => this.update({ view }),
      setFilter: (f) => this.update({ filter: { ...this.state.filter, ...f } }),
      collapseAll: () => { if (this.shown) this.update({ collapsed: groupIds(this.shown.model) }); },
      expandAll: () => this.update({ collapsed: [] }),
      setLevel: (level) => { if (this.shown) this.update({ collapsed: collapsedForLevel(this.shown.model, level) }); },
      setZoom: (zoom) => this.update({ zoom }),
      setLinks: (show) => this.update({ hideLinks: show ? undefined : true }),
      exportTimeline: () => this.post({ type: 'export' }),
    });
    this.content.append(el('div', 'message', 'Loading the timeline…'));
    this.toolbar.update(null, '', this.state, this.rendererInfo);
    window.addEventListener('message', (e: MessageEvent<HostMessage>) => this.onMessage(e.data));
    watchTheme(() => this.invalidate());
    this.post({ type: 'ready' });
  }

  private post(m: WebviewMessage): void { this.vscode.postMessage(m); }

  private onMessage(m: HostMessage): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'model': {
        const current = this.pending ?? this.shown;
        if (current && current.model.uri === m.model.uri && current.model.version !== null && m.model.version !== null && m.model.version < current.model.version) return;
        this.pending = { model: m.model, fileName: m.fileName, settings: m.settings };
        this.receivedAt = performance.now();
        this.schedule();
        break;
      }
      case 'highlight':
        this.highlightId = m.taskId;
        this.applyMarks(true);
        this.post({ type: 'highlighted', taskId: m.taskId, shown: this.isDrawn(m.taskId) });
        break;
      case 'scrollTo': {
        if (!this.gantt || this.state.view !== 'timeline') break;
        const k = this.rowOfId(m.taskId);
        if (k < 0) break;
        this.gantt.view.scrollRowToTop(k);
        this.post({ type: 'scrolled', taskId: this.rows[k].task.id });
        break;
      }
      case 'message':
        this.showMessage(m.text);
        break;
      case 'setView':
        this.update({ view: m.view });
        break;
    }
  }

  /** Changes the state, saves it and redraws. */
  private update(change: Partial<TimelineState>): void {
    this.state = { ...this.state, ...change };
    if (this.state.hideLinks !== true) delete this.state.hideLinks;
    this.vscode.setState(this.state);
    this.invalidate();
  }

  private invalidate(): void {
    if (!this.shown && !this.pending) { this.toolbar.update(null, '', this.state, this.rendererInfo); return; }
    this.dirty = true;
    if (!this.pending) this.receivedAt = performance.now();
    this.schedule();
  }

  /** One render per frame at most (a timer too: a hidden webview gets no animation frames). */
  private schedule(): void {
    if (this.scheduled || this.rendering) return;
    this.scheduled = true;
    let done = false;
    const run = () => { if (done) return; done = true; this.scheduled = false; void this.flush(); };
    requestAnimationFrame(run);
    setTimeout(run, 100);
  }

  private async flush(): Promise<void> {
    this.rendering = true;
    try {
      while (this.pending || this.dirty) {
        if (this.pending) {
          const uri = this.pending.model.uri;
          this.shown = this.pending;
          this.pending = undefined;
          const next = stateForPlan(this.state, uri);
          if (next !== this.state) { this.state = next; this.vscode.setState(this.state); }
        }
        this.dirty = false;
        const started = this.receivedAt;
        await this.render(this.shown!, started);
      }
    } finally {
      this.rendering = false;
    }
  }

  private async render(shown: Shown, started: number): Promise<void> {
    const { model } = shown;
    const theme = themeKind();
    const report: RenderReport = {
      uri: model.uri, version: model.version, view: this.state.view, renderer: null, theme,
      bars: [], unscheduled: [], resources: [], overallocated: [], budgetGroups: [], ms: 0, errors: [],
    };
    try {
      if (this.state.view === 'timeline') await this.renderTimeline(shown, report);
      else this.renderView(shown, report);
    } catch (e) {
      report.errors.push(String((e as Error).stack ?? e));
    }
    this.toolbar.update(model, shown.fileName, this.state, this.state.view === 'timeline' ? this.rendererInfo : { renderer: null, notice: null });
    report.ms = Math.round((performance.now() - started) * 10) / 10;
    this.post({ type: 'rendered', report });
  }

  private renderView(shown: Shown, report: RenderReport): void {
    this.disposeGantt();
    const host = el('div', `view ${this.state.view}`);
    this.content.replaceChildren(host);
    const ctx: ViewContext = {
      model: shown.model, state: this.state, theme: report.theme,
      reveal: (taskId) => this.post({ type: 'reveal', taskId }),
      revealResource: (resourceId) => this.post({ type: 'revealResource', resourceId }),
      showResourceTasks: (resourceId) => this.update({ view: 'timeline', filter: { criticalOnly: false, phase: null, resource: resourceId } }),
    };
    const result = VIEW_RENDERERS[this.state.view as Exclude<TimelineView, 'timeline'>](host, ctx);
    report.resources = result.resources ?? [];
    report.overallocated = result.overallocated ?? [];
    report.budgetGroups = result.budgetGroups ?? [];
    report.errors.push(...(result.errors ?? []));
  }

  private async renderTimeline(shown: Shown, report: RenderReport): Promise<void> {
    const { model, settings } = shown;
    this.rows = visibleRows(model, this.state);
    const unscheduled = unscheduledTasks(model, this.state.filter);
    report.unscheduled = unscheduled.map((t) => ({ id: t.id, reason: t.unscheduledReason ?? '' }));
    const empty = this.emptyReason(model);
    if (empty) {
      this.disposeGantt();
      this.rendererInfo = { renderer: null, notice: null };
      this.content.replaceChildren(el('div', 'message', empty), this.unscheduledList(unscheduled));
      return;
    }
    const choice = this.chooseRenderer(shown);
    this.rendererInfo = { renderer: choice.renderer, notice: choice.notice };
    report.renderer = choice.renderer;
    if (!this.gantt || this.gantt.kind !== choice.renderer || !this.content.contains(this.gantt.host)) {
      this.disposeGantt();
      const host = el('div', 'gantt-host');
      const actions = {
        select: (k: number, reveal: boolean) => this.select(k, reveal),
        toggle: (id: string) => this.toggle(id),
      };
      const view = choice.renderer === 'mermaid' ? new MermaidGantt(host, actions) : new BuiltinGantt(host, actions);
      view.focusTarget.addEventListener('keydown', (e) => this.onKey(e));
      this.gantt = { kind: choice.renderer, view, host };
      this.content.replaceChildren(host);
    }
    const list = this.unscheduledList(unscheduled);
    this.content.querySelector('.unscheduled-list')?.remove();
    if (unscheduled.length) this.content.append(list);
    if (this.rows.length === 0) {
      this.gantt.host.replaceChildren(el('div', 'message', filterActive(this.state.filter) ? 'No task matches the filter.' : 'Nothing to show.'));
      this.gantt = undefined;
      return;
    }
    const result = await this.gantt.view.draw({ model, rows: this.rows, theme: report.theme, zoom: this.state.zoom, links: !this.state.hideLinks });
    report.bars = result.bars;
    report.errors.push(...result.errors);
    this.applyMarks(false);
  }

  /** Why there is no chart to draw (no tasks, no start, nothing schedulable), or null. */
  private emptyReason(model: TimelineModel): string | null {
    if (model.tasks.length === 0) return 'This plan has no tasks yet: add a task to see the timeline.';
    if (!model.project.start) return 'The project has no start date: add `start YYYY-MM-DD` to the project to see the timeline.';
    if (!model.tasks.some((t) => t.start !== null)) return 'No task of this plan can be scheduled (see the reasons below and the plan\'s problems).';
    return null;
  }

  private chooseRenderer(shown: Shown): { renderer: 'mermaid' | 'builtin'; notice: string | null } {
    const { renderer, mermaidMaxTasks } = shown.settings;
    const n = this.rows.length;
    if (renderer === 'builtin') return { renderer: 'builtin', notice: null };
    if (!mermaidAvailable()) return { renderer: 'builtin', notice: 'mermaid could not be loaded: drawn by the built-in renderer.' };
    if (renderer === 'mermaid') {
      if (mermaidTimeline(shown.model, this.rows).text.length > MERMAID_MAX_TEXT) {
        return { renderer: 'builtin', notice: `${n} rows are too many for mermaid (it refuses diagrams over ${MERMAID_MAX_TEXT.toLocaleString('en-US')} characters): drawn by the built-in renderer. Collapse groups or filter to see the mermaid chart.` };
      }
      return { renderer: 'mermaid', notice: null };
    }
    if (n <= mermaidMaxTasks) return { renderer: 'mermaid', notice: null };
    return { renderer: 'builtin', notice: `${n} rows: drawn by the built-in renderer, which stays fast at any size (mermaid draws up to ${mermaidMaxTasks} rows; collapse groups or filter to get there, or change planAsCode.timeline.mermaidMaxTasks).` };
  }

  private unscheduledList(tasks: TimelineModel['tasks']): HTMLElement {
    const box = el('div', 'unscheduled-list');
    if (!tasks.length) return box;
    box.append(el('h3', undefined, `Not scheduled (${tasks.length})`));
    const list = el('ul');
    for (const t of tasks) {
      const item = el('li');
      item.dataset.id = t.id;
      const name = el('a', 'name', t.name);
      name.href = '#';
      name.title = `Show ${t.id} in the plan`;
      name.addEventListener('click', (e) => { e.preventDefault(); this.post({ type: 'reveal', taskId: t.id }); });
      item.append(name, el('span', 'reason', `: ${t.unscheduledReason ?? ''}`));
      list.append(item);
    }
    box.append(list);
    return box;
  }

  private showMessage(text: string): void {
    this.disposeGantt();
    this.shown = undefined;
    this.pending = undefined;
    this.rendererInfo = { renderer: null, notice: null };
    this.content.replaceChildren(el('div', 'message', text));
    this.toolbar.update(null, '', this.state, this.rendererInfo);
  }

  private disposeGantt(): void {
    this.gantt?.view.dispose();
    this.gantt = undefined;
  }

  private toggle(id: string): void {
    const collapsed = this.state.collapsed.includes(id) ? this.state.collapsed.filter((c) => c !== id) : [...this.state.collapsed, id];
    this.update({ collapsed });
  }

  private rowOfId(id: string | null): number {
    if (id === null || !this.shown) return -1;
    const index = this.shown.model.tasks.findIndex((t) => t.id === id);
    return index < 0 ? -1 : rowFor(this.shown.model, this.rows, index);
  }

  private select(k: number, reveal: boolean): void {
    const row = this.rows[k];
    if (!row) return;
    this.selectedId = row.task.id;
    this.gantt?.view.mark(this.rowOfId(this.highlightId), k, k);
    if (reveal) this.post({ type: 'reveal', taskId: row.task.id });
  }

  /** Whether task `id` has its own row in the timeline on screen (not hidden in a collapsed group). */
  private isDrawn(id: string | null): boolean {
    if (this.state.view !== 'timeline') return false;
    const k = this.rowOfId(id);
    return k >= 0 && this.rows[k].task.id === id;
  }

  /** Re-applies highlight and selection; `scroll` brings the highlighted row into view. */
  private applyMarks(scroll: boolean): void {
    if (!this.gantt || this.state.view !== 'timeline') return;
    const h = this.rowOfId(this.highlightId);
    this.gantt.view.mark(h, this.rowOfId(this.selectedId), scroll ? h : -1);
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.rows.length;
    if (!n) return;
    let k = this.rowOfId(this.selectedId);
    const row = k >= 0 ? this.rows[k] : undefined;
    switch (e.key) {
      case 'ArrowDown': k = Math.min(n - 1, k + 1); break;
      case 'ArrowUp': k = k < 0 ? 0 : Math.max(0, k - 1); break;
      case 'Home': k = 0; break;
      case 'End': k = n - 1; break;
      case 'PageDown': k = Math.min(n - 1, Math.max(0, k) + 20); break;
      case 'PageUp': k = Math.max(0, k - 20); break;
      case 'Enter': case ' ':
        if (row) this.post({ type: 'reveal', taskId: row.task.id });
        e.preventDefault();
        return;
      case 'ArrowRight':
        if (row?.hasChildren && row.collapsed) this.toggle(row.task.id);
        e.preventDefault();
        return;
      case 'ArrowLeft':
        if (row?.hasChildren && !row.collapsed) this.toggle(row.task.id);
        else if (row && row.task.parent >= 0) k = this.rowOfId(this.shown!.model.tasks[row.task.parent].id);
        break;
      default: return;
    }
    e.preventDefault();
    this.select(k, false);
  }
}
