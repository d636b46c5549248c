/**
 * The resource load view: a heat-map with one row per resource and one column per week, each cell coloured
 * by booked ÷ available person-days. Over-allocated weeks are red and hatched with a heavy border (visible
 * without colour); weeks without availability are greyed and hatched the other way. Hover explains a cell,
 * a click lists its tasks (each reveals its task in the editor). One delegated listener serves all cells,
 * so 50 resources × 2 years stay cheap to draw.
 */
import type { ResourceWeek, TimelineModel, TimelineResource } from '../../../server/src/language/timeline/types';
import { button, el } from '../dom';
import { dayLabel, monthLabel, percent, personDays, rangeLabel, weekEnd } from './format';
import { LEVELS, cellText, isReduced, loadLevel, loadRatio, monthBands, overSummary, overSummaryText, usualAvailability } from './load';
import { createTooltip } from './tooltip';
import type { ViewContext, ViewRenderer } from './viewContext';
import './views.css';

export const renderResources: ViewRenderer = (host, ctx) => {
  const { model } = ctx;
  const root = el('div', 'pv-view rv');
  host.append(root);
  root.append(el('h2', 'pv-title', 'Resource load'));
  if (model.resources.length === 0) {
    root.append(el('p', 'pv-empty', 'This plan declares no resources, so there is no load to show.'));
    return { resources: [], overallocated: [] };
  }
  if (model.weeks.length === 0 || !model.tasks.some((t) => t.start !== null)) {
    root.append(el('p', 'pv-empty', 'The plan has no schedule yet (no task has dates), so there is no load to show.'));
    return { resources: [], overallocated: [] };
  }

  const summary = overSummary(model.resources);
  const names = summary.ids.map((id) => model.resources.find((r) => r.id === id)?.name ?? id);
  const line = el('p', summary.resources > 0 ? 'pv-summary pv-summary-bad' : 'pv-summary', overSummaryText(summary, model.resources.length, names));
  line.setAttribute('role', 'status');
  root.append(line, legend());

  const weekIndex = new Map(model.weeks.map((w, i) => [w, i]));
  const grid = weekGrid(model, weekIndex);
  const scroller = el('div', 'rv-scroll');
  const table = el('table', 'rv-grid');
  table.append(header(model), body(model, grid, ctx));
  scroller.append(table);
  root.append(scroller);

  const tooltip = createTooltip(root);
  const popover = el('div', 'pv-popover');
  popover.hidden = true;
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-label', 'Tasks of the week');
  root.append(popover);

  const cellAt = (target: EventTarget | null): { r: TimelineResource; col: number; week: ResourceWeek | undefined; td: HTMLTableCellElement } | undefined => {
    const td = (target as Element | null)?.closest?.('td.rv-cell') as HTMLTableCellElement | null;
    if (!td) return undefined;
    const row = (td.parentElement as HTMLTableRowElement).sectionRowIndex;
    const col = td.cellIndex - 1;
    const r = model.resources[row];
    return r ? { r, col, week: grid[row][col], td } : undefined;
  };

  table.addEventListener('mouseover', (e) => {
    const cell = cellAt(e.target);
    if (!cell) { tooltip.hide(); return; }
    tooltip.show(describe(model, cell.r, model.weeks[cell.col], cell.week), e.clientX, e.clientY);
  });
  table.addEventListener('mousemove', (e) => {
    if (!tooltip.element.hidden) {
      const cell = cellAt(e.target);
      if (cell) tooltip.show(describe(model, cell.r, model.weeks[cell.col], cell.week), e.clientX, e.clientY);
    }
  });
  table.addEventListener('mouseleave', () => tooltip.hide());
  scroller.addEventListener('scroll', () => tooltip.hide(), { passive: true });

  const close = () => {
    popover.hidden = true;
    popover.replaceChildren();
    root.querySelector('.rv-selected')?.classList.remove('rv-selected');
  };
  table.addEventListener('click', (e) => {
    const cell = cellAt(e.target);
    if (!cell) return;
    e.stopPropagation();
    tooltip.hide();
    close();
    cell.td.classList.add('rv-selected');
    moveFocusTo(table, cell.td, false);
    fillPopover(popover, model, cell.r, model.weeks[cell.col], cell.week, ctx, close);
    popover.hidden = false;
    place(popover, cell.td, root);
    popover.querySelector<HTMLElement>('.pv-task')?.focus({ preventScroll: true });
  });
  rovingFocus(table);
  table.addEventListener('focusin', (e) => {
    const cell = cellAt(e.target);
    if (!cell) return;
    if (!cell.td.hasAttribute('aria-label')) cell.td.setAttribute('aria-label', describe(model, cell.r, model.weeks[cell.col], cell.week).join('. '));
    const box = cell.td.getBoundingClientRect();
    if (popover.hidden) tooltip.show(describe(model, cell.r, model.weeks[cell.col], cell.week), box.left, box.bottom - 8);
  });
  table.addEventListener('focusout', () => tooltip.hide());
  root.addEventListener('click', (e) => { if (!popover.contains(e.target as Node)) close(); });
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !popover.hidden) { const td = root.querySelector<HTMLElement>('.rv-selected'); close(); td?.focus(); } });

  return { resources: model.resources.map((r) => r.id), overallocated: summary.cells };
};

/**
 * Keyboard use of the grid: one cell is in the tab order (the first over-allocated one, else the first
 * booked one); arrows, Home and End move it; Enter or Space opens its tasks like a click.
 */
function rovingFocus(table: HTMLTableElement): void {
  const first = table.querySelector<HTMLTableCellElement>('td.lv-over') ?? table.querySelector<HTMLTableCellElement>('td.rv-has-tasks') ?? table.querySelector<HTMLTableCellElement>('td.rv-cell');
  if (first) first.tabIndex = 0;
  table.addEventListener('keydown', (e) => {
    const td = (e.target as Element).closest?.('td.rv-cell') as HTMLTableCellElement | null;
    if (!td) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); td.click(); return; }
    const rows = table.tBodies[0].rows;
    const tr = td.parentElement as HTMLTableRowElement;
    const last = tr.cells.length - 1;
    let row = tr.sectionRowIndex, col = td.cellIndex;
    switch (e.key) {
      case 'ArrowLeft': col = Math.max(1, col - 1); break;
      case 'ArrowRight': col = Math.min(last, col + 1); break;
      case 'ArrowUp': row = Math.max(0, row - 1); break;
      case 'ArrowDown': row = Math.min(rows.length - 1, row + 1); break;
      case 'Home': col = 1; break;
      case 'End': col = last; break;
      default: return;
    }
    e.preventDefault();
    const next = rows[row]?.cells[col];
    if (next && next !== td) moveFocusTo(table, next, true);
  });
}

/** Makes `cell` the grid's one tab stop (and focuses it when asked). */
function moveFocusTo(table: HTMLTableElement, cell: HTMLTableCellElement, focus: boolean): void {
  for (const other of table.querySelectorAll<HTMLElement>('td.rv-cell[tabindex="0"]')) if (other !== cell) other.tabIndex = -1;
  cell.tabIndex = 0;
  if (focus) cell.focus();
}

/** Per resource, its weeks by column (undefined: no bookings and no leave that week). */
function weekGrid(model: TimelineModel, weekIndex: Map<string, number>): (ResourceWeek | undefined)[][] {
  return model.resources.map((r) => {
    const row: (ResourceWeek | undefined)[] = new Array(model.weeks.length);
    for (const w of r.weeks) {
      const i = weekIndex.get(w.week);
      if (i !== undefined) row[i] = w;
    }
    return row;
  });
}

function legend(): HTMLElement {
  const box = el('div', 'pv-legend');
  box.setAttribute('aria-label', 'Legend');
  const item = (swatch: string, label: string) => {
    const entry = el('span', 'pv-legend-item');
    entry.append(el('span', `rv-swatch ${swatch}`), document.createTextNode(label));
    box.append(entry);
  };
  for (const { level, label } of LEVELS) item(`lv-${level}`, label);
  item('rv-swatch-reduced', 'reduced availability');
  return box;
}

/** The column of the week containing `iso` (a Monday ≤ iso < next Monday), or -1. */
function columnOf(model: TimelineModel, iso: string | null): number {
  if (!iso) return -1;
  for (let i = model.weeks.length - 1; i >= 0; i--) if (model.weeks[i] <= iso) return iso <= weekEnd(model.weeks[i]) ? i : -1;
  return -1;
}

function header(model: TimelineModel): HTMLTableSectionElement {
  const thead = el('thead');
  const months = el('tr', 'rv-months');
  const corner = el('th', 'rv-corner', 'Resource');
  corner.rowSpan = 2;
  corner.scope = 'col';
  months.append(corner);
  for (const band of monthBands(model.weeks)) {
    const th = el('th', 'rv-month', monthLabel(`${band.month}-01`));
    th.colSpan = band.count;
    th.scope = 'colgroup';
    months.append(th);
  }
  const weeks = el('tr', 'rv-weeks');
  const starts = new Set(monthBands(model.weeks).map((b) => b.first));
  const status = columnOf(model, model.project.status);
  const deadline = columnOf(model, model.project.deadline);
  model.weeks.forEach((w, i) => {
    const th = el('th', 'rv-week', String(Number(w.slice(8))));
    th.scope = 'col';
    let title = `Week of ${dayLabel(w)}`;
    if (starts.has(i)) th.classList.add('rv-month-start');
    if (i === status) { th.classList.add('rv-status'); title += ` · status date ${dayLabel(model.project.status!)}`; }
    if (i === deadline) { th.classList.add('rv-deadline'); title += ` · deadline ${dayLabel(model.project.deadline!)}`; }
    th.title = title;
    weeks.append(th);
  });
  thead.append(months, weeks);
  return thead;
}

function body(model: TimelineModel, grid: (ResourceWeek | undefined)[][], ctx: ViewContext): HTMLTableSectionElement {
  const tbody = el('tbody');
  const starts = new Set(monthBands(model.weeks).map((b) => b.first));
  const status = columnOf(model, model.project.status);
  const deadline = columnOf(model, model.project.deadline);
  model.resources.forEach((r, ri) => {
    const tr = el('tr', r.overallocated ? 'rv-row rv-row-over' : 'rv-row');
    if (ctx.state.filter?.resource === r.id) tr.classList.add('rv-row-current');
    tr.dataset.resource = r.id;
    const th = el('th', 'rv-name-cell');
    th.scope = 'row';
    const name = button('rv-name', r.name, () => ctx.revealResource(r.id), `${r.name} (${r.id}): reveal in the plan`);
    const meta = el('div', 'rv-meta');
    const capacity = el('span', 'rv-capacity', `${percent(r.capacity)} · ${personDays(r.booked)}`);
    capacity.title = `Capacity ${percent(r.capacity)} of a day; ${personDays(r.booked)} booked in the plan`;
    meta.append(capacity);
    if (r.overallocated) {
      const flag = el('span', 'rv-flag', '▲ over');
      flag.title = `${r.name} is over-allocated`;
      meta.append(flag);
    }
    meta.append(button('rv-show', 'show tasks', () => ctx.showResourceTasks(r.id), `Show the tasks of ${r.name} in the timeline`));
    th.append(name, meta);
    tr.append(th);
    const row = grid[ri];
    const usual = usualAvailability(r);
    for (let i = 0; i < model.weeks.length; i++) {
      const week = row[i];
      const level = loadLevel(week);
      const text = cellText(week);
      const td = el('td', `rv-cell lv-${level}${text.length > 4 ? ' rv-tight' : ''}`, text);
      td.dataset.week = model.weeks[i];
      if (starts.has(i)) td.classList.add('rv-month-start');
      if (i === status) td.classList.add('rv-status');
      if (i === deadline) td.classList.add('rv-deadline');
      if (week && week.tasks.length > 0) td.classList.add('rv-has-tasks');
      if (isReduced(week, usual)) td.classList.add('rv-reduced');
      tr.append(td);
    }
    tbody.append(tr);
  });
  return tbody;
}

/** The tooltip of a cell: week, booked vs available, peak day, tasks. */
function describe(model: TimelineModel, r: TimelineResource, monday: string, week: ResourceWeek | undefined): string[] {
  const lines = [`${r.name} · week of ${dayLabel(monday)}`];
  if (!week) { lines.push('Nothing booked'); return lines; }
  const ratio = loadRatio(week);
  lines.push(`Booked ${personDays(week.booked)} of ${personDays(week.available)} available${ratio === null ? '' : ` (${percent(ratio)})`}`);
  if (week.available === 0) lines.push('Not available this week (leave or holidays)');
  else if (isReduced(week, usualAvailability(r))) lines.push(`Reduced availability: ${personDays(week.available)} instead of ${personDays(usualAvailability(r))} (leave or holidays)`);
  if (week.booked > 0) lines.push(`Peak day: ${percent(week.peak)} of capacity${week.over ? ' — over-allocated' : ''}`);
  const names = week.tasks.map((t) => model.tasks[t]?.name ?? '?');
  if (names.length > 0) lines.push(`Tasks: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ` and ${names.length - 6} more` : ''}`);
  return lines;
}

function fillPopover(popover: HTMLElement, model: TimelineModel, r: TimelineResource, monday: string, week: ResourceWeek | undefined, ctx: ViewContext, close: () => void): void {
  const head = el('div', 'pv-popover-head');
  head.append(el('strong', undefined, `${r.name} · week of ${dayLabel(monday)}`), button('pv-close', '×', close, 'Close'));
  popover.append(head);
  const lines = describe(model, r, monday, week).slice(1).filter((l) => !l.startsWith('Tasks:'));
  for (const l of lines) popover.append(el('div', 'pv-popover-line', l));
  const tasks = week?.tasks ?? [];
  if (tasks.length === 0) popover.append(el('div', 'pv-popover-line', 'No tasks this week.'));
  else {
    const list = el('ul', 'pv-task-list');
    for (const t of tasks) {
      const task = model.tasks[t];
      if (!task) continue;
      const li = el('li');
      const entry = button('pv-task', '', () => ctx.reveal(task.id), `Reveal ${task.id} in the plan`);
      entry.dataset.task = task.id;
      entry.append(el('span', 'pv-task-name', task.name));
      const detail = [task.start && task.end ? rangeLabel(task.start, task.end) : 'no dates', `${personDays(task.effort)} effort`];
      if (task.resources.length > 1) detail.push(`shared with ${task.resources.length - 1} more`);
      entry.append(el('span', 'pv-task-detail', detail.join(' · ')));
      li.append(entry);
      list.append(li);
    }
    popover.append(list);
  }
  popover.append(button('pv-link', `Show all tasks of ${r.name} in the timeline`, () => ctx.showResourceTasks(r.id)));
}

/** Puts the popover under (or above) the cell, inside the view. */
function place(popover: HTMLElement, cell: HTMLElement, root: HTMLElement): void {
  const c = cell.getBoundingClientRect();
  const base = root.getBoundingClientRect();
  const p = popover.getBoundingClientRect();
  let left = c.left - base.left;
  if (c.left + p.width > window.innerWidth - 8) left = Math.max(0, window.innerWidth - 8 - p.width - base.left);
  let top = c.bottom - base.top + 4;
  if (c.bottom + p.height > window.innerHeight - 8 && c.top - p.height - 4 > 0) top = c.top - base.top - p.height - 4;
  popover.style.left = `${left}px`;
  popover.style.top = `${top}px`;
}
