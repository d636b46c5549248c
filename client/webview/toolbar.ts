/**
 * The toolbar above the views: view tabs, the plan's title line (project, file, end against deadline,
 * cost against budget, problems), the timeline's filters, collapse/expand and outline level, the zoom of
 * the built-in renderer, which renderer drew the chart, and Export….
 */
import type { TimelineModel } from '../../server/src/language/timeline/types';
import type { TimelineState, TimelineView } from '../src/timeline/messages';
import { el } from './dom';
import { outlineDepth } from './gantt/rows';
import { ZOOM_LEVELS } from './gantt/scale';
import { money } from './gantt/tooltip';

export interface ToolbarActions {
  setView(view: TimelineView): void;
  setFilter(filter: Partial<TimelineState['filter']>): void;
  collapseAll(): void;
  expandAll(): void;
  /** Show the outline down to this level (1 = top-level tasks). */
  setLevel(level: number): void;
  setZoom(pxPerDay: number | undefined): void;
  /** Show or hide the dependency arrows. */
  setLinks(show: boolean): void;
  exportTimeline(): void;
}

export interface RendererInfo { renderer: 'mermaid' | 'builtin' | null; notice: string | null }

const VIEWS: { view: TimelineView; label: string }[] = [
  { view: 'timeline', label: 'Timeline' },
  { view: 'resources', label: 'Resources' },
  { view: 'budget', label: 'Budget' },
];

function option(value: string, label: string): HTMLOptionElement {
  const o = el('option', undefined, label);
  o.value = value;
  return o;
}

export class Toolbar {
  private readonly tabs = new Map<TimelineView, HTMLButtonElement>();
  private readonly title = el('div', 'title');
  private readonly critical = el('input');
  private readonly resource = el('select', 'resource-filter');
  private readonly phase = el('select', 'phase-filter');
  private readonly level = el('select', 'level');
  private readonly zoom = el('select', 'zoom');
  private readonly links = el('input');
  private readonly rendererBadge = el('span', 'renderer');
  private readonly notice = el('div', 'notice');
  private readonly timelineOnly: HTMLElement;
  /** Keys of the option lists last built, so an edit that changes nothing keeps the user's open select intact. */
  private optionsKey = '';

  constructor(host: HTMLElement, private readonly actions: ToolbarActions) {
    const bar = el('div', 'toolbar');
    bar.setAttribute('role', 'toolbar');
    const tabs = el('div', 'tabs');
    tabs.setAttribute('role', 'tablist');
    for (const v of VIEWS) {
      const b = el('button', 'tab', v.label);
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.dataset.view = v.view;
      b.addEventListener('click', () => actions.setView(v.view));
      this.tabs.set(v.view, b);
      tabs.append(b);
    }
    const exportButton = el('button', 'export', 'Export…');
    exportButton.type = 'button';
    exportButton.title = 'Export the timeline as Markdown/mermaid, HTML, SVG, CSV or iCalendar';
    exportButton.addEventListener('click', () => actions.exportTimeline());

    this.critical.type = 'checkbox';
    this.critical.className = 'critical-only';
    const criticalLabel = el('label', 'check');
    criticalLabel.append(this.critical, ' Critical path only');
    this.critical.addEventListener('change', () => actions.setFilter({ criticalOnly: this.critical.checked }));
    this.resource.title = 'Only the tasks of one resource';
    this.resource.addEventListener('change', () => actions.setFilter({ resource: this.resource.value || null }));
    this.phase.title = 'Only one phase (top-level group)';
    this.phase.addEventListener('change', () => actions.setFilter({ phase: this.phase.value || null }));
    const collapse = el('button', 'collapse-all', 'Collapse all');
    collapse.type = 'button';
    collapse.addEventListener('click', () => actions.collapseAll());
    const expand = el('button', 'expand-all', 'Expand all');
    expand.type = 'button';
    expand.addEventListener('click', () => actions.expandAll());
    this.level.title = 'Outline level shown';
    this.level.addEventListener('change', () => { if (this.level.value) actions.setLevel(Number(this.level.value)); });
    this.links.type = 'checkbox';
    this.links.className = 'show-links';
    const linksLabel = el('label', 'check');
    linksLabel.title = 'Arrows from each task to the tasks that wait for it';
    linksLabel.append(this.links, ' Dependencies');
    this.links.addEventListener('change', () => actions.setLinks(this.links.checked));
    this.zoom.title = 'Time scale';
    this.zoom.append(option('', 'Fit'), ...ZOOM_LEVELS.map((z) => option(String(z.pxPerDay), z.label)));
    this.zoom.addEventListener('change', () => actions.setZoom(this.zoom.value ? Number(this.zoom.value) : undefined));

    this.timelineOnly = el('div', 'controls');
    this.timelineOnly.append(criticalLabel, linksLabel, this.resource, this.phase, collapse, expand, this.level, this.zoom, this.rendererBadge);
    const top = el('div', 'toolbar-top');
    top.append(tabs, this.title, exportButton);
    bar.append(top, this.timelineOnly, this.notice);
    host.append(bar);
  }

  update(model: TimelineModel | null, fileName: string, state: TimelineState, info: RendererInfo): void {
    for (const [view, b] of this.tabs) {
      b.classList.toggle('active', view === state.view);
      b.setAttribute('aria-selected', String(view === state.view));
    }
    this.timelineOnly.hidden = state.view !== 'timeline' || !model;
    this.updateTitle(model, fileName);
    if (!model) { this.notice.textContent = ''; return; }
    const key = JSON.stringify([model.resources.map((r) => [r.id, r.name]), model.tasks.filter((t) => t.parent < 0 && t.kind === 'group').map((t) => [t.id, t.name]), outlineDepth(model)]);
    if (key !== this.optionsKey) {
      this.optionsKey = key;
      this.resource.replaceChildren(option('', 'All resources'), ...model.resources.map((r) => option(r.id, r.name === r.id ? r.id : `${r.name} (${r.id})`)));
      this.phase.replaceChildren(option('', 'All phases'), ...model.tasks.filter((t) => t.parent < 0 && t.kind === 'group').map((t) => option(t.id, t.name)));
      const depth = outlineDepth(model);
      this.level.replaceChildren(option('', 'Outline level…'), ...Array.from({ length: depth }, (_, i) => option(String(i + 1), i + 1 === depth ? `Level ${i + 1} (all)` : `Level ${i + 1}`)));
    }
    this.critical.checked = state.filter.criticalOnly;
    this.links.checked = !state.hideLinks;
    this.resource.value = state.filter.resource ?? '';
    this.phase.value = state.filter.phase ?? '';
    this.level.value = '';
    this.zoom.value = state.zoom !== undefined && ZOOM_LEVELS.some((z) => z.pxPerDay === state.zoom) ? String(state.zoom) : '';
    this.zoom.hidden = info.renderer !== 'builtin';
    this.rendererBadge.textContent = info.renderer ? `Drawn by ${info.renderer === 'mermaid' ? 'mermaid' : 'the built-in renderer'}` : '';
    this.rendererBadge.dataset.renderer = info.renderer ?? '';
    this.notice.textContent = state.view === 'timeline' ? info.notice ?? '' : '';
    this.notice.hidden = !this.notice.textContent;
  }

  private updateTitle(model: TimelineModel | null, fileName: string): void {
    if (!model) { this.title.replaceChildren(el('span', 'file', fileName)); return; }
    const p = model.project;
    const parts: HTMLElement[] = [el('span', 'project', p.name), el('span', 'file', fileName)];
    if (p.end) {
      const late = p.deadline !== null && p.end > p.deadline;
      parts.push(el('span', `end${late ? ' bad' : ''}`, `ends ${p.end}${p.deadline ? ` (deadline ${p.deadline})` : ''}`));
    }
    if (p.cost || p.budget !== null) {
      const over = p.budget !== null && p.cost > p.budget;
      parts.push(el('span', `cost${over ? ' bad' : ''}`, `cost ${money(p.cost, p.currency)}${p.budget !== null ? ` of ${money(p.budget, p.currency)}` : ''}`));
    }
    const { errors, warnings } = model.problems;
    if (errors || warnings) {
      const text = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
      parts.push(el('span', `problems${errors ? ' bad' : ''}`, text));
    }
    this.title.replaceChildren(...parts);
  }
}
