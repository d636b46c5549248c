/**
 * The built-in gantt renderer: a label column with twisties, a time axis and SVG bars, in the visual
 * vocabulary of the static SVG export (server/src/language/export/svg.ts). Virtualized: the canvas has
 * the full height of all rows, but only the rows in view (plus a buffer) are in the DOM, redrawn as the
 * user scrolls, so a 5,000-task plan draws in a few milliseconds and scrolls smoothly.
 */
import type { TimelineTask } from '../../../server/src/language/timeline/types';
import { el, svg, svgTitle } from '../dom';
import type { DrawnBar, GanttActions, GanttInput, GanttResult, GanttView } from './ganttView';
import { arrowHeads } from './arrowHeads';
import { linkPath, rowLinks, type RowLink } from './links';
import { axisTicks, chartSpan, dayOf, makeScale, weekday, type Scale } from './scale';
import { taskTooltip } from './tooltip';

export const ROW_HEIGHT = 24;
const HEADER = 46;
const LABEL_WIDTH = 300;
/** Rows drawn above and below the viewport. */
const BUFFER = 15;

export class BuiltinGantt implements GanttView {
  readonly focusTarget: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly head: HTMLElement;
  private readonly corner: HTMLElement;
  private readonly axis: SVGSVGElement;
  private readonly window: HTMLElement;
  private readonly labels: HTMLElement;
  private readonly bars: SVGSVGElement;
  private input: GanttInput | undefined;
  private scale: Scale | undefined;
  private links: RowLink[] = [];
  private from = 0;
  private to = 0;
  private highlighted = -1;
  private selected = -1;
  private frame = 0;

  constructor(host: HTMLElement, private readonly actions: GanttActions) {
    this.scroller = el('div', 'gantt-scroll builtin');
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute('role', 'tree');
    this.scroller.setAttribute('aria-label', 'Timeline: arrow keys move, Enter shows the task in the plan');
    this.focusTarget = this.scroller;
    this.canvas = el('div', 'gantt-canvas');
    this.head = el('div', 'gantt-head');
    this.corner = el('div', 'gantt-corner');
    this.axis = svg('svg', { class: 'gantt-axis' });
    this.head.append(this.axis, this.corner);
    this.window = el('div', 'gantt-window');
    this.bars = svg('svg', { class: 'gantt-bars pac-gantt' });
    this.labels = el('div', 'gantt-labels');
    this.window.append(this.bars, this.labels);
    this.canvas.append(this.head, this.window);
    this.scroller.append(this.canvas);
    host.append(this.scroller);
    this.scroller.addEventListener('scroll', () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.drawWindow(false); });
    });
    this.scroller.addEventListener('click', (e) => this.onClick(e));
    this.scroller.addEventListener('dblclick', (e) => {
      const bar = (e.target as Element).closest('.gantt-bars [data-row]');
      const row = bar ? this.input?.rows[Number(bar.getAttribute('data-row'))] : undefined;
      if (row?.hasChildren) this.actions.toggle(row.task.id);
    });
  }

  async draw(input: GanttInput): Promise<GanttResult> {
    this.input = input;
    const { model, rows } = input;
    this.links = input.links ? rowLinks(model, rows) : [];
    const available = Math.max(200, this.scroller.clientWidth - LABEL_WIDTH - 24);
    this.scale = makeScale(chartSpan(model, rows), available, input.zoom);
    const width = LABEL_WIDTH + this.scale.width;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${HEADER + rows.length * ROW_HEIGHT}px`;
    this.drawHead();
    this.from = this.to = 0;
    this.drawWindow(true);
    const bars: DrawnBar[] = [];
    for (const r of rows) if (r.task.start !== null && r.task.end !== null) bars.push({ id: r.task.id, start: r.task.start, end: r.task.end });
    return { bars, errors: [] };
  }

  mark(highlight: number, selected: number, reveal: number): void {
    this.highlighted = highlight;
    this.selected = selected;
    if (reveal >= 0) { this.scrollToRow(reveal); this.drawWindow(false); }
    // Only classes change: the rows in the DOM stay.
    for (const e of this.scroller.querySelectorAll('[data-row]')) {
      const k = Number(e.getAttribute('data-row'));
      e.classList.toggle('highlight', k === highlight);
      e.classList.toggle('selected', k === selected);
    }
  }

  scrollRowToTop(row: number): void {
    // The header is sticky inside the scroller: row k's top sits right below it at scrollTop k·height.
    this.scroller.scrollTop = row * ROW_HEIGHT;
    this.drawWindow(false);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.scroller.remove();
  }

  private scrollToRow(k: number): void {
    const s = this.scroller;
    const top = k * ROW_HEIGHT, view = s.clientHeight - HEADER;
    if (top < s.scrollTop || top + ROW_HEIGHT > s.scrollTop + view) s.scrollTop = Math.max(0, top - view / 3);
    const task = this.input?.rows[k]?.task;
    if (task?.start && this.scale) {
      const x1 = LABEL_WIDTH + this.scale.x(dayOf(task.start));
      const visibleLeft = s.scrollLeft + LABEL_WIDTH, visibleRight = s.scrollLeft + s.clientWidth;
      if (x1 < visibleLeft || x1 > visibleRight - 40) s.scrollLeft = Math.max(0, x1 - LABEL_WIDTH - 40);
    }
  }

  private drawHead(): void {
    const { model } = this.input!;
    const scale = this.scale!;
    this.axis.replaceChildren();
    this.axis.setAttribute('width', String(scale.width));
    this.axis.setAttribute('height', String(HEADER));
    this.axis.style.left = `${LABEL_WIDTH}px`;
    const { major, minor } = axisTicks(scale);
    major.forEach((t, i) => {
      const x = scale.x(t.day);
      if (t.day !== scale.first) this.axis.append(svg('line', { class: 'grid month', x1: x, y1: 2, x2: x, y2: HEADER }));
      // The partial month at the left edge is labelled only when its label fits before the next month.
      const room = (i + 1 < major.length ? scale.x(major[i + 1].day) : scale.width) - x;
      if (room >= 64) this.axis.append(svg('text', { class: 'axis month', x: x + 4, y: 16 }, t.label));
    });
    for (const t of minor) {
      const x = scale.x(t.day);
      this.axis.append(svg('line', { class: 'grid', x1: x, y1: 24, x2: x, y2: HEADER }));
      this.axis.append(svg('text', { class: 'axis', x: x + 3, y: 38 }, t.label));
    }
    for (const [date, cls, label] of [[model.project.status, 'status', 'Status'], [model.project.deadline, 'deadline', 'Deadline']] as const) {
      if (!date) continue;
      const x = scale.x(dayOf(date) + (cls === 'deadline' ? 1 : 0));
      const g = svg('g', { class: `marker-head ${cls}`, 'data-date': date });
      g.append(svg('polygon', { points: `${x - 5},${HEADER - 8} ${x + 5},${HEADER - 8} ${x},${HEADER - 1}` }));
      svgTitle(g, `${label} ${date}`);
      this.axis.append(g);
    }
    this.axis.append(svg('line', { class: 'sep', x1: 0, y1: HEADER - 0.5, x2: scale.width, y2: HEADER - 0.5 }));
    this.corner.replaceChildren(el('div', 'corner-name', model.project.name), el('div', 'corner-dates', `${model.project.start ?? ''}${model.project.end ? ` – ${model.project.end}` : ''}`));
  }

  /** Redraws the rows in view ± BUFFER (only when that range changed, unless `force`). */
  private drawWindow(force: boolean): void {
    if (!this.input || !this.scale) return;
    const { rows, model } = this.input;
    const scale = this.scale;
    const top = Math.max(0, this.scroller.scrollTop);
    const viewFrom = Math.floor(top / ROW_HEIGHT), viewTo = Math.min(rows.length, Math.ceil((top + this.scroller.clientHeight) / ROW_HEIGHT));
    // Scrolling within the drawn buffer redraws nothing; near its edge the window moves.
    const margin = 3;
    if (!force && viewFrom >= this.from && viewTo <= this.to
      && (this.from === 0 || viewFrom - this.from >= margin) && (this.to === rows.length || this.to - viewTo >= margin)) return;
    const from = Math.max(0, viewFrom - BUFFER);
    const to = Math.min(rows.length, viewTo + BUFFER);
    this.from = from;
    this.to = to;
    const count = to - from;
    const height = count * ROW_HEIGHT;
    this.window.style.top = `${HEADER + from * ROW_HEIGHT}px`;
    this.window.style.height = `${height}px`;
    this.bars.setAttribute('width', String(scale.width));
    this.bars.setAttribute('height', String(height));
    this.bars.style.left = `${LABEL_WIDTH}px`;
    const g: SVGElement[] = [];
    const labels: HTMLElement[] = [];
    // Background: stripes, weekends (when days are wide enough), week and month lines.
    for (let k = from; k < to; k++) if (k % 2 === 1) g.push(svg('rect', { class: 'stripe', x: 0, y: (k - from) * ROW_HEIGHT, width: scale.width, height: ROW_HEIGHT }));
    if (scale.pxPerDay >= 6) {
      for (let d = scale.first; d <= scale.last; d++) if (weekday(d) >= 5) g.push(svg('rect', { class: 'weekend', x: scale.x(d), y: 0, width: scale.pxPerDay, height }));
    }
    const { major, minor } = axisTicks(scale);
    for (const t of minor) g.push(svg('line', { class: 'grid', x1: scale.x(t.day), y1: 0, x2: scale.x(t.day), y2: height }));
    for (const t of major) if (t.day !== scale.first) g.push(svg('line', { class: 'grid month', x1: scale.x(t.day), y1: 0, x2: scale.x(t.day), y2: height }));
    g.push(...this.arrows(from, to));
    for (let k = from; k < to; k++) {
      const row = rows[k];
      labels.push(this.label(row.task, k, row.hasChildren, row.collapsed));
      g.push(...this.bar(row.task, k, (k - from) * ROW_HEIGHT));
    }
    // Project status date and deadline across the rows in view.
    if (model.project.status) {
      const x = scale.x(dayOf(model.project.status));
      g.push(svg('line', { class: 'status-line', 'data-date': model.project.status, x1: x, y1: 0, x2: x, y2: height }));
    }
    if (model.project.deadline) {
      const x = scale.x(dayOf(model.project.deadline) + 1);
      g.push(svg('line', { class: 'deadline-line', 'data-date': model.project.deadline, x1: x, y1: 0, x2: x, y2: height }));
    }
    this.bars.replaceChildren(...g);
    this.labels.replaceChildren(...labels);
  }

  /** Dependency arrows touching rows from..to-1 (one from above or below is clipped at the window's edge). */
  private arrows(from: number, to: number): SVGElement[] {
    const { rows } = this.input!;
    const out: SVGElement[] = [arrowHeads('pac-arrow')];
    for (const link of this.links) {
      if (Math.max(link.from, link.to) < from || Math.min(link.from, link.to) >= to) continue;
      const a = rows[link.from].task, b = rows[link.to].task;
      const x1 = link.startOf ? this.edgeX(a, 'start') : this.edgeX(a, 'end');
      const y1 = (link.from - from) * ROW_HEIGHT + ROW_HEIGHT / 2, y2 = (link.to - from) * ROW_HEIGHT + ROW_HEIGHT / 2;
      out.push(svg('path', {
        class: `dep${link.critical ? ' critical' : ''}`, 'data-from': a.id, 'data-to': b.id,
        d: linkPath(x1, y1, this.edgeX(b, 'start'), y2, ROW_HEIGHT), 'marker-end': `url(#${link.critical ? 'pac-arrow-critical' : 'pac-arrow'})`,
      }));
    }
    return out;
  }

  /** Where a task's bar begins or ends on the x axis (a milestone's diamond: its left or right tip). */
  private edgeX(t: TimelineTask, edge: 'start' | 'end'): number {
    const scale = this.scale!;
    const s = dayOf(t.start!);
    if (t.kind === 'milestone') return scale.x(s) + scale.pxPerDay / 2 + (edge === 'start' ? -7 : 7);
    return edge === 'start' ? scale.x(s) : scale.x(dayOf(t.end!) + 1);
  }

  private rowClasses(t: TimelineTask, k: number): string {
    let c = t.kind;
    if (t.critical) c += ' critical';
    if (t.late) c += ' late';
    if (k === this.highlighted) c += ' highlight';
    if (k === this.selected) c += ' selected';
    return c;
  }

  private label(t: TimelineTask, k: number, hasChildren: boolean, collapsed: boolean): HTMLElement {
    const row = el('div', `row-label ${this.rowClasses(t, k)}`);
    row.dataset.row = String(k);
    row.dataset.id = t.id;
    row.setAttribute('role', 'treeitem');
    row.setAttribute('aria-level', String(t.depth + 1));
    if (hasChildren) row.setAttribute('aria-expanded', String(!collapsed));
    row.style.paddingLeft = `${6 + Math.min(t.depth, 12) * 14}px`;
    const twisty = el('span', 'twisty', hasChildren ? (collapsed ? '▸' : '▾') : t.kind === 'milestone' ? '◆' : '');
    if (hasChildren) { twisty.dataset.toggle = t.id; twisty.title = collapsed ? 'Expand' : 'Collapse'; }
    const name = el('span', 'name', t.name);
    row.title = taskTooltip(t, this.input!.model);
    row.append(twisty, name);
    return row;
  }

  private bar(t: TimelineTask, k: number, top: number): SVGElement[] {
    const scale = this.scale!;
    const mid = top + ROW_HEIGHT / 2;
    const out: SVGElement[] = [];
    if (t.start === null || t.end === null) {
      out.push(svg('text', { class: 'unscheduled', x: 8, y: mid + 4, 'data-row': k }, `not scheduled: ${t.unscheduledReason ?? ''}`));
      return out;
    }
    const s = dayOf(t.start), e = dayOf(t.end);
    const cls = ['bar', this.rowClasses(t, k)];
    if (t.progress !== null && t.progress >= 1) cls.push('done');
    else if (t.progress !== null && t.progress > 0) cls.push('active');
    const g = svg('g', { class: cls.join(' '), 'data-row': k, 'data-id': t.id, 'data-kind': t.kind, 'data-start': t.start, 'data-end': t.end });
    svgTitle(g, taskTooltip(t, this.input!.model));
    const ppd = scale.pxPerDay;
    if (t.kind === 'milestone') {
      const cx = scale.x(s) + ppd / 2, r = 7;
      g.append(svg('polygon', { points: `${cx},${mid - r} ${cx + r},${mid} ${cx},${mid + r} ${cx - r},${mid}` }));
    } else if (t.kind === 'group') {
      const x1 = scale.x(s), x2 = scale.x(e + 1), y1 = mid - 5, y2 = mid + 1, tip = Math.min(5, (x2 - x1) / 2);
      g.append(svg('path', { d: `M${x1},${y1} H${x2} V${y2 + tip} L${x2 - tip},${y2} H${x1 + tip} L${x1},${y2 + tip} Z` }));
      // An invisible hit area: the bracket alone is a small target.
      g.append(svg('rect', { class: 'hit', x: x1, y: top + 2, width: Math.max(4, x2 - x1), height: ROW_HEIGHT - 4 }));
    } else {
      const x1 = scale.x(s), w = Math.max(2, scale.x(e + 1) - x1), h = 14, y = mid - h / 2;
      g.append(svg('rect', { class: 'body', x: x1, y, width: w, height: h, rx: 3 }));
      if (t.progress !== null && t.progress > 0) g.append(svg('rect', { class: 'progress', x: x1, y, width: w * Math.min(1, t.progress), height: h, rx: 3 }));
    }
    out.push(g);
    const after = t.kind === 'milestone' ? scale.x(s) + ppd / 2 + 10 : scale.x(e + 1) + 4;
    const notes: string[] = [];
    if (t.progress !== null && t.kind !== 'milestone') notes.push(`${Math.round(t.progress * 100)}%`);
    if (t.late) notes.push('late');
    if (notes.length) out.push(svg('text', { class: `pct${t.late ? ' late' : ''}`, x: after, y: mid + 4 }, notes.join(' · ')));
    if (t.deadline) {
      const dx = scale.x(dayOf(t.deadline) + 1);
      const d = svg('g', { class: 'deadline', 'data-deadline': t.deadline });
      svgTitle(d, `Deadline of ${t.name}: ${t.deadline}`);
      d.append(svg('polygon', { points: `${dx - 5},${top + 2} ${dx + 5},${top + 2} ${dx},${top + 9}` }), svg('rect', { x: dx - 0.75, y: top + 2, width: 1.5, height: ROW_HEIGHT - 4 }));
      out.push(d);
    }
    return out;
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const toggle = target.closest('[data-toggle]');
    if (toggle) { this.actions.toggle(toggle.getAttribute('data-toggle')!); return; }
    const hit = target.closest('[data-row]');
    if (hit) this.actions.select(Number(hit.getAttribute('data-row')), true);
  }
}
