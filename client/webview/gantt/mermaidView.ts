/**
 * The mermaid renderer: the rows on screen as a mermaid gantt (./mermaidText.ts), drawn by the bundled
 * mermaid (window.mermaid, dist/media/mermaid.min.js) with securityLevel 'strict'. Clicks are mapped back
 * through the bar ids mermaid gives its elements (rect#t12, text#t12-text); section titles toggle their
 * top-level group; late tasks and the status date/deadline lines are added to mermaid's SVG afterwards.
 */
import type { ThemeKind } from '../../src/timeline/messages';
import { isDark } from '../theme';
import { el, svg } from '../dom';
import type { DrawnBar, GanttActions, GanttInput, GanttResult, GanttView } from './ganttView';
import { arrowHeads } from './arrowHeads';
import { linkPath, rowLinks } from './links';
import { mermaidTimeline, type MermaidChart } from './mermaidText';
import { taskTooltip } from './tooltip';

interface Mermaid {
  initialize(config: object): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

export function mermaidAvailable(): boolean {
  return typeof (window as unknown as { mermaid?: Mermaid }).mermaid?.render === 'function';
}

/** mermaid's gantt margins: section titles on the left, labels of the last bars on the right. */
const LEFT_PADDING = 170;
const RIGHT_PADDING = 75;

function mermaidConfig(theme: ThemeKind, width: number): object {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: isDark(theme) ? 'dark' : 'default',
    fontFamily: 'var(--vscode-font-family, system-ui, sans-serif)',
    gantt: { useWidth: width, useMaxWidth: false, barHeight: 20, barGap: 4, topPadding: 50, sectionFontSize: 12, fontSize: 12, leftPadding: LEFT_PADDING, rightPadding: RIGHT_PADDING, gridLineStartPadding: 35, numberSectionStyles: 4, topAxis: true },
  };
}

let renderCount = 0;

export class MermaidGantt implements GanttView {
  readonly focusTarget: HTMLElement;
  private readonly scroller: HTMLElement;
  private chart: MermaidChart | undefined;
  private input: GanttInput | undefined;
  /** mermaid prefixes the ids it gives elements with the render's id: rect#<prefix>-t12. */
  private prefix = '';

  constructor(host: HTMLElement, private readonly actions: GanttActions) {
    this.scroller = el('div', 'gantt-scroll mermaid-chart');
    this.scroller.tabIndex = 0;
    // An id, so our label colour outranks mermaid's own id-scoped !important rules (see styles.css).
    this.scroller.id = 'pac-mermaid-host';
    this.scroller.setAttribute('aria-label', 'Timeline: arrow keys move, Enter shows the task in the plan');
    this.focusTarget = this.scroller;
    host.append(this.scroller);
    this.scroller.addEventListener('click', (e) => {
      const section = this.sectionOf(e.target as Element);
      if (section >= 0) { const row = this.input?.rows[section]; if (row?.hasChildren) this.actions.toggle(row.task.id); return; }
      const k = this.rowOf(e.target as Element);
      if (k >= 0) this.actions.select(k, true);
    });
    this.scroller.addEventListener('dblclick', (e) => {
      const k = this.rowOf(e.target as Element);
      const row = k >= 0 ? this.input?.rows[k] : undefined;
      if (row?.hasChildren) this.actions.toggle(row.task.id);
    });
  }

  async draw(input: GanttInput): Promise<GanttResult> {
    this.input = input;
    const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
    const width = Math.max(600, this.scroller.clientWidth - 24);
    const chart = mermaidTimeline(input.model, input.rows, width - LEFT_PADDING - RIGHT_PADDING);
    mermaid.initialize(mermaidConfig(input.theme, width));
    let svgText: string;
    try {
      const renderId = `pac-mermaid-${++renderCount}`;
      svgText = (await mermaid.render(renderId, chart.text)).svg;
      this.prefix = renderId;
    } catch (e) {
      this.chart = undefined;
      this.scroller.replaceChildren(el('div', 'message error', `mermaid could not draw the timeline: ${(e as Error).message ?? e}`));
      return { bars: [], errors: [String((e as Error).message ?? e)] };
    }
    this.chart = chart;
    const root = insertSvg(this.scroller, svgText);
    this.decorate(root, chart, input);
    const bars: DrawnBar[] = [];
    for (const [id, k] of chart.bars) {
      const t = input.rows[k].task;
      if (this.find(root, 'rect', id)) bars.push({ id: t.id, start: t.start!, end: t.end! });
    }
    return { bars, errors: [] };
  }

  mark(highlight: number, selected: number, reveal: number): void {
    for (const e of this.scroller.querySelectorAll('.highlight, .selected')) e.classList.remove('highlight', 'selected');
    const apply = (k: number, cls: string): Element | null => {
      const target = this.elementOfRow(k);
      target?.classList.add(cls);
      if (target && this.chart?.bars.has(`t${k + 1}`)) this.find(this.scroller, 'text', `t${k + 1}-text`)?.classList.add(cls);
      return target;
    };
    const h = apply(highlight, 'highlight');
    const s = apply(selected, 'selected');
    const target = reveal < 0 ? null : reveal === highlight ? h : reveal === selected ? s : null;
    if (target) scrollIntoViewIfNeeded(this.scroller, target);
  }

  scrollRowToTop(row: number): void {
    const target = this.elementOfRow(row);
    if (!target) return;
    const top = target.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top + this.scroller.scrollTop;
    this.scroller.scrollTop = Math.max(0, top - 6);
  }

  dispose(): void { this.scroller.remove(); }

  /**
   * Dependency arrows, which mermaid's gantt cannot draw: paths between the bars, under them, in the
   * bars' own coordinates. A top-level group drawn as a section has no bar and so no arrows.
   */
  private drawArrows(root: SVGSVGElement, chart: MermaidChart, input: GanttInput): void {
    // The bars, found once (decorate marked them): a search of the SVG per link would be quadratic.
    const rects = new Map<string, Element>();
    for (const rect of root.querySelectorAll('rect.pac-bar')) rects.set(rect.getAttribute('data-id')!, rect);
    const rectOf = (k: number) => (chart.bars.has(`t${k + 1}`) ? rects.get(input.rows[k].task.id) ?? null : null);
    const first = rects.values().next().value;
    if (!first?.parentElement) return;
    const layer = svg('g', { class: 'pac-deps' });
    layer.append(arrowHeads('pac-m-arrow'));
    for (const link of rowLinks(input.model, input.rows)) {
      const a = rectOf(link.from), b = rectOf(link.to);
      if (!a || !b) continue;
      const ta = input.rows[link.from].task, tb = input.rows[link.to].task;
      const from = box(a), to = box(b);
      const edge = (r: typeof from, milestone: boolean, side: 'start' | 'end') => {
        // A milestone is a square turned 45°: its tips lie half a diagonal from its centre.
        if (milestone) return r.x + r.width / 2 + (side === 'start' ? -1 : 1) * r.width * Math.SQRT1_2;
        return side === 'start' ? r.x : r.x + r.width;
      };
      const x1 = edge(from, ta.kind === 'milestone', link.startOf ? 'start' : 'end');
      const x2 = edge(to, tb.kind === 'milestone', 'start');
      layer.append(svg('path', {
        class: `dep${link.critical ? ' critical' : ''}`, 'data-from': ta.id, 'data-to': tb.id,
        d: linkPath(x1, from.y + from.height / 2, x2, to.y + to.height / 2, to.height + 4),
        'marker-end': `url(#${link.critical ? 'pac-m-arrow-critical' : 'pac-m-arrow'})`,
      }));
    }
    // Above the section backgrounds, below the bars.
    const parent = first.parentElement;
    parent.insertBefore(layer, parent.querySelector(':scope > rect.task') ?? first);
  }

  /** Row k's bar, or for an expanded top-level group (which has no bar) its section title. */
  private elementOfRow(k: number): Element | null {
    if (k < 0 || !this.chart) return null;
    const id = `t${k + 1}`;
    if (this.chart.bars.has(id)) return this.find(this.scroller, 'rect', id);
    const s = this.chart.sections.indexOf(k);
    return s >= 0 ? this.scroller.querySelectorAll('text.sectionTitle')[s] ?? null : null;
  }

  /** mermaid's element for one of our ids (t12, t12-text, status, deadline). */
  private find(root: ParentNode, tag: 'rect' | 'text', id: string): Element | null {
    return root.querySelector(`${tag}[id="${this.prefix}-${id}"]`);
  }

  /** Row of a clicked bar or bar text (ids t12 and t12-text), -1 when none. */
  private rowOf(target: Element): number {
    const hit = target.closest('rect[id], text[id]');
    if (!hit || !hit.id.startsWith(`${this.prefix}-`)) return -1;
    const id = hit.id.slice(this.prefix.length + 1).replace(/-text$/, '');
    return id !== undefined && this.chart?.bars.has(id) ? this.chart.bars.get(id)! : -1;
  }

  /** Row of the top-level group whose section title was clicked, -1 when none. */
  private sectionOf(target: Element): number {
    const title = target.closest('text.sectionTitle');
    if (!title || !this.chart) return -1;
    const all = [...this.scroller.querySelectorAll('text.sectionTitle')];
    return this.chart.sections[all.indexOf(title)] ?? -1;
  }

  /** Our additions to mermaid's SVG: data-id and tooltips on bars, late marks, clickable sections, marker lines. */
  private decorate(root: SVGSVGElement, chart: MermaidChart, input: GanttInput): void {
    for (const [id, k] of chart.bars) {
      const t = input.rows[k].task;
      const rect = this.find(root, 'rect', id);
      const text = this.find(root, 'text', `${id}-text`);
      for (const e of [rect, text]) {
        if (!e) continue;
        e.setAttribute('data-id', t.id);
        e.classList.add('pac-bar');
        if (t.late) e.classList.add('late');
        if (input.rows[k].hasChildren) e.classList.add('group');
      }
      if (rect) rect.append(svg('title', {}, taskTooltip(t, input.model)));
    }
    const titles = [...root.querySelectorAll('text.sectionTitle')];
    titles.forEach((title, s) => {
      const k = chart.sections[s] ?? -1;
      const row = k >= 0 ? input.rows[k] : undefined;
      if (row?.hasChildren) {
        title.classList.add('toggle');
        title.append(svg('title', {}, row.collapsed ? `Expand ${row.task.name}` : `Collapse ${row.task.name}`));
      }
    });
    if (input.links) this.drawArrows(root, chart, input);
    // Full-height lines at the status date and the deadline (mermaid draws them as milestones only).
    const height = Number(root.getAttribute('height')) || root.getBBox().height;
    for (const id of ['status', 'deadline']) {
      const m = this.find(root, 'rect', id);
      if (!m) continue;
      const x = Number(m.getAttribute('x')) + Number(m.getAttribute('width')) / 2;
      const line = svg('line', { class: `pac-marker ${id}-line`, x1: x, y1: 40, x2: x, y2: height - 25 });
      m.parentElement?.insertBefore(line, m);
    }
  }
}

/** A bar's box in the SVG's coordinates, from mermaid's own attributes (its milestones are rotated squares). */
function box(rect: Element): { x: number; y: number; width: number; height: number } {
  return { x: Number(rect.getAttribute('x')), y: Number(rect.getAttribute('y')), width: Number(rect.getAttribute('width')), height: Number(rect.getAttribute('height')) };
}

/** mermaid's SVG (sanitized by mermaid under securityLevel 'strict'), parsed inertly and moved into the page. */
function insertSvg(host: HTMLElement, text: string): SVGSVGElement {
  const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  if (root.nodeName !== 'svg') throw new Error('mermaid produced no SVG');
  host.replaceChildren(document.adoptNode(root));
  return root as unknown as SVGSVGElement;
}

function scrollIntoViewIfNeeded(scroller: HTMLElement, target: Element): void {
  const box = target.getBoundingClientRect(), view = scroller.getBoundingClientRect();
  if (box.top < view.top || box.bottom > view.bottom || box.left < view.left || box.right > view.right) {
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}
