/**
 * The budget view: (1) cost against budget per top-level group, as horizontal bars with the budget as a
 * dashed marker and any overrun in hatched red, the project total on top; (2) the cumulative planned cost
 * over time (S-curve) with the budget line, the day the cost crosses it, and the status date and the
 * deadline as vertical markers. The chart is redrawn when the panel's width changes.
 */
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import { GROUP_LIMIT, largestGroups } from './budgetGroups';
import { budgetCrossing, costAt, curvePoints, nearestPoint, type CurvePoint } from './curve';
import { button, el, svg } from '../dom';
import { compactMoney, dayLabel, money, monthLabel, percent, shortDayLabel } from './format';
import { dayOf, isoOf, linearScale, monthStarts, niceTicks } from './scale';
import { createTooltip, type Tooltip } from './tooltip';
import type { ViewContext, ViewRenderer } from './viewContext';
import './views.css';

/** The chart follows the width of the host it was drawn in; a new render replaces the old observer. */
const observers = new WeakMap<HTMLElement, ResizeObserver>();

export const renderBudget: ViewRenderer = (host, ctx) => {
  const { model } = ctx;
  observers.get(host)?.disconnect();
  observers.delete(host);
  const root = el('div', 'pv-view bv');
  host.append(root);
  root.append(el('h2', 'pv-title', 'Budget'));
  const currency = model.budget.currency ?? model.project.currency;
  const cost = model.budget.cost;
  const budget = model.budget.budget ?? model.project.budget;

  if (!(cost > 0)) {
    root.append(el('p', 'pv-empty', 'No costs in this plan.'));
    root.append(el('p', 'pv-note', budget !== null
      ? `The project budget is ${money(budget, currency)}, but no task has a cost yet: give resources a rate and assign them, or add costs to tasks.`
      : 'Give resources a rate and assign them to tasks, or add costs to tasks, to see the budget picture here.'));
    return { budgetGroups: [] };
  }

  root.append(summaryLine(cost, budget, currency));
  const tooltip = createTooltip(root);

  root.append(el('h3', 'pv-subtitle', 'Cost against budget'));
  const groups = model.budget.groups.filter((g) => model.tasks[g.task]);
  const shown = largestGroups(groups, GROUP_LIMIT);
  const drawBars = (list: typeof groups) => bars(model, groups, list, cost, budget, currency, ctx, tooltip, () => barsBox.replaceWith((barsBox = drawBars(groups))));
  let barsBox = drawBars(shown);
  root.append(barsBox);
  if (budget === null && groups.every((g) => g.budget === null)) root.append(el('p', 'pv-note', 'The plan sets no budget: the bars show costs only.'));

  root.append(el('h3', 'pv-subtitle', 'Cumulative planned cost'));
  const points = curvePoints(model);
  if (points.length < 2) {
    root.append(el('p', 'pv-empty', 'The plan has no schedule yet (no task has dates), so its costs cannot be placed in time.'));
  } else {
    const last = points[points.length - 1].cost;
    if (last + 0.005 < cost) root.append(el('p', 'pv-note', `${money(cost - last, currency)} of the cost belongs to tasks without dates and is not in the curve.`));
    const chartBox = el('div', 'bv-chart-box');
    root.append(chartBox);
    const draw = (width: number) => chartBox.replaceChildren(chart(model, points, budget, currency, width, tooltip));
    let drawnWidth = chartWidth(host);
    draw(drawnWidth);
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(() => {
        if (!root.isConnected) { observer.disconnect(); return; }
        const width = chartWidth(host);
        if (Math.abs(width - drawnWidth) >= 8) { drawnWidth = width; draw(width); }
      });
      observer.observe(host);
      observers.set(host, observer);
    }
  }
  return { budgetGroups: shown.map((g) => model.tasks[g.task].id) };
};

function chartWidth(host: HTMLElement): number {
  const w = host.clientWidth - 24;
  return Math.max(520, Math.min(1100, w > 0 ? w : 900));
}

function summaryLine(cost: number, budget: number | null, currency: string | null): HTMLElement {
  if (budget === null) return el('p', 'pv-summary', `Planned cost ${money(cost, currency)}; the plan sets no project budget.`);
  const ratio = budget > 0 ? ` (${percent(cost / budget)})` : '';
  if (cost > budget) {
    return el('p', 'pv-summary pv-summary-bad', `Planned cost ${money(cost, currency)} is over the budget of ${money(budget, currency)}${ratio} by ${money(cost - budget, currency)}.`);
  }
  return el('p', 'pv-summary', `Planned cost ${money(cost, currency)} of a ${money(budget, currency)} budget${ratio}: ${money(budget - cost, currency)} left.`);
}

interface BarData { label: string; id: string | null; cost: number; budget: number | null }

type Group = TimelineModel['budget']['groups'][number];

function bars(model: TimelineModel, all: Group[], groups: Group[], cost: number, budget: number | null, currency: string | null, ctx: ViewContext, tooltip: Tooltip, showAll: () => void): HTMLElement {
  const box = el('div', 'bv-bars');
  const total: BarData = { label: `${model.project.name || model.project.id} (total)`, id: null, cost, budget };
  // The total has its own scale: next to it every group would be a sliver.
  box.append(bar(total, Math.max(cost, budget ?? 0), currency, ctx, tooltip, true));
  const drawn = new Set(groups);
  const rest = all.filter((g) => !drawn.has(g));
  const restCost = rest.reduce((sum, g) => sum + g.cost, 0);
  const scale = Math.max(0, ...groups.map((g) => Math.max(g.cost, g.budget ?? 0)));
  for (const g of groups) {
    const task = model.tasks[g.task];
    box.append(bar({ label: task.name, id: task.id, cost: g.cost, budget: g.budget }, scale, currency, ctx, tooltip, false));
  }
  if (rest.length > 0) {
    // No bar for the rest: summed, it would dwarf the groups drawn.
    const row = el('div', 'bv-row bv-rest');
    const label = el('div', 'bv-label', `${rest.length} other top-level tasks`);
    label.append(button('pv-link bv-show-all', `Show all ${all.length}`, showAll));
    const amount = el('div', 'bv-amount');
    amount.append(el('span', 'bv-cost', money(restCost, currency)), el('span', 'bv-amount-note', 'together'));
    row.append(label, el('div', 'bv-rest-gap'), amount);
    box.append(row);
  }
  return box;
}

function bar(d: BarData, scale: number, currency: string | null, ctx: ViewContext, tooltip: Tooltip, total: boolean): HTMLElement {
  const over = d.budget !== null && d.cost > d.budget;
  const row = el('div', `bv-row${total ? ' bv-total' : ''}${over ? ' bv-over' : ''}`);
  if (d.id !== null) row.dataset.group = d.id;
  const label = el('div', 'bv-label');
  if (d.id !== null) {
    const id = d.id;
    label.append(button('bv-name', d.label, () => ctx.reveal(id), `${d.label} (${id}): reveal in the plan`));
  } else {
    label.textContent = d.label;
    label.title = d.label;
  }
  const track = el('div', 'bv-track');
  const pct = (x: number) => `${scale > 0 ? Math.max(0, Math.min(100, (x / scale) * 100)) : 0}%`;
  const fill = el('div', 'bv-fill');
  fill.style.width = pct(over ? d.budget! : d.cost);
  track.append(fill);
  if (over) {
    const overrun = el('div', 'bv-overrun');
    overrun.style.left = pct(d.budget!);
    overrun.style.width = `calc(${pct(d.cost)} - ${pct(d.budget!)})`;
    track.append(overrun);
  }
  if (d.budget !== null) {
    const marker = el('div', 'bv-marker');
    marker.style.left = pct(d.budget);
    track.append(marker);
  }
  const lines = [d.label, `Cost: ${money(d.cost, currency)}`];
  if (d.budget !== null) lines.push(`Budget: ${money(d.budget, currency)}${d.budget > 0 ? ` (${percent(d.cost / d.budget)} used)` : ''}`);
  if (over) lines.push(`Over budget by ${money(d.cost - d.budget!, currency)}`);
  else if (d.budget !== null) lines.push(`${money(d.budget - d.cost, currency)} left`);
  track.addEventListener('mousemove', (e) => tooltip.show(lines, e.clientX, e.clientY));
  track.addEventListener('mouseleave', () => tooltip.hide());
  if (d.id !== null) {
    const id = d.id;
    track.classList.add('bv-clickable');
    track.addEventListener('click', () => ctx.reveal(id));
  }
  const amount = el('div', `bv-amount${over ? ' bv-amount-over' : ''}`);
  amount.append(el('span', 'bv-cost', money(d.cost, currency)));
  let note: string;
  if (d.budget === null) note = 'no budget';
  else if (over) note = `▲ over by ${money(d.cost - d.budget, currency)}`;
  else note = `of ${money(d.budget, currency)}${d.budget > 0 ? ` (${percent(d.cost / d.budget)})` : ''}`;
  amount.append(el('span', 'bv-amount-note', note));
  row.append(label, track, amount);
  return row;
}

const HEIGHT = 300;
const M = { left: 64, right: 120, top: 26, bottom: 34 };

function chart(model: TimelineModel, points: CurvePoint[], budget: number | null, currency: string | null, width: number, tooltip: Tooltip): SVGSVGElement {
  const status = model.project.status ? dayOf(model.project.status) : NaN;
  const deadline = model.project.deadline ? dayOf(model.project.deadline) : NaN;
  const first = points[0].day;
  const lastPoint = points[points.length - 1];
  const xMax = Math.max(lastPoint.day, ...[status, deadline].filter(Number.isFinite));
  const xMin = Math.min(first, ...[status, deadline].filter(Number.isFinite));
  const yMax = Math.max(lastPoint.cost, budget ?? 0) * 1.08;
  const ticks = niceTicks(yMax, 5);
  const x = linearScale(xMin, xMax, M.left, width - M.right);
  const y = linearScale(0, yMax, HEIGHT - M.bottom, M.top);
  const plot = svg('svg', { class: 'bv-chart', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img' });
  plot.append(svg('title', {}, `Cumulative planned cost from ${dayLabel(isoOf(first))} to ${dayLabel(isoOf(lastPoint.day))}: ${money(lastPoint.cost, currency)}`));

  // Money axis with grid lines.
  for (const t of ticks) {
    plot.append(svg('line', { class: 'bv-grid-line', x1: M.left, x2: width - M.right, y1: y(t), y2: y(t) }));
    plot.append(svg('text', { class: 'bv-axis-label', x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, compactMoney(t)));
  }
  if (currency) plot.append(svg('text', { class: 'bv-axis-label', x: M.left - 6, y: M.top - 12, 'text-anchor': 'end' }, currency));
  // Date axis: month starts, labelled as often as there is room.
  const months = monthStarts(xMin, xMax);
  const every = Math.max(1, Math.ceil(70 / Math.max(1, (width - M.left - M.right) / Math.max(1, months.length))));
  plot.append(svg('line', { class: 'bv-axis', x1: M.left, x2: width - M.right, y1: HEIGHT - M.bottom, y2: HEIGHT - M.bottom }));
  // The first, partial month is labelled by the start date.
  if (months.length === 0 || months[0] - xMin > 12) plot.append(svg('text', { class: 'bv-axis-label', x: x(xMin), y: HEIGHT - M.bottom + 16 }, shortDayLabel(isoOf(xMin))));
  months.forEach((m, i) => {
    plot.append(svg('line', { class: 'bv-axis', x1: x(m), x2: x(m), y1: HEIGHT - M.bottom, y2: HEIGHT - M.bottom + 5 }));
    if (i % every === 0) plot.append(svg('text', { class: 'bv-axis-label', x: x(m) + 3, y: HEIGHT - M.bottom + 16 }, monthLabel(isoOf(m))));
  });

  // The curve and the area under it.
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.cost).toFixed(1)}`).join(' ');
  plot.append(svg('path', { class: 'bv-area', d: `${path} L${x(lastPoint.day).toFixed(1)},${y(0)} L${x(first).toFixed(1)},${y(0)} Z` }));
  plot.append(svg('path', { class: 'bv-curve', d: path }));
  const end = svg('text', { class: 'bv-end-label', x: x(lastPoint.day) + 6, y: y(lastPoint.cost) + 4 }, money(lastPoint.cost, currency));
  end.dataset.amount = String(lastPoint.cost);
  plot.append(end);

  // The status date and the deadline.
  const vertical = (day: number, kind: string, label: string, row: number) => {
    plot.append(svg('line', { class: `bv-${kind}-line`, x1: x(day), x2: x(day), y1: M.top - 4, y2: HEIGHT - M.bottom }));
    plot.append(svg('text', { class: `bv-${kind}-label`, x: x(day) + 4, y: M.top - 14 + row * 12 }, label));
  };
  if (Number.isFinite(status)) vertical(status, 'status', `Status ${shortDayLabel(model.project.status!)}: ${money(Math.round(costAt(points, status)), currency)}`, 0);
  if (Number.isFinite(deadline)) vertical(deadline, 'deadline', `Deadline ${shortDayLabel(model.project.deadline!)}`, Number.isFinite(status) && Math.abs(x(status) - x(deadline)) < 180 ? 1 : 0);

  // The budget line and where the cost crosses it.
  if (budget !== null) {
    plot.append(svg('line', { class: 'bv-budget-line', x1: M.left, x2: width - M.right, y1: y(budget), y2: y(budget) }));
    // Keep the budget label clear of the end label of the curve.
    const gap = y(budget) - y(lastPoint.cost);
    const labelY = Math.abs(gap) < 14 ? y(lastPoint.cost) + (gap >= 0 ? 14 : -14) : y(budget);
    plot.append(svg('text', { class: 'bv-budget-label', x: width - M.right + 6, y: labelY + 4 }, `Budget ${compactMoney(budget)}`));
    const crossing = budgetCrossing(points, budget);
    if (crossing !== null) {
      const cx = x(crossing), cy = y(budget);
      plot.append(svg('circle', { class: 'bv-crossing', cx, cy, r: 6 }));
      const day = isoOf(Math.round(crossing));
      plot.append(svg('text', { class: 'bv-crossing-label', x: cx - 8, y: cy - 10, 'text-anchor': 'end' }, `Over budget from ${dayLabel(day)}`));
    }
  }

  // Hover: the nearest week's cumulative cost.
  const focusLine = svg('line', { class: 'bv-focus-line', y1: M.top, y2: HEIGHT - M.bottom, visibility: 'hidden' });
  const focus = svg('circle', { class: 'bv-focus', r: 5, visibility: 'hidden' });
  const hit = svg('rect', { class: 'bv-hit', x: M.left, y: M.top, width: Math.max(0, width - M.left - M.right), height: HEIGHT - M.top - M.bottom });
  plot.append(focusLine, focus, hit);
  hit.addEventListener('mousemove', (e) => {
    const box = plot.getBoundingClientRect();
    const scaleX = box.width > 0 ? width / box.width : 1;
    const px = (e.clientX - box.left) * scaleX;
    const day = xMin + ((px - M.left) / Math.max(1, width - M.left - M.right)) * (xMax - xMin);
    const i = nearestPoint(points, day);
    const p = points[i];
    for (const el of [focus, focusLine]) el.setAttribute('visibility', 'visible');
    focus.setAttribute('cx', String(x(p.day)));
    focus.setAttribute('cy', String(y(p.cost)));
    focusLine.setAttribute('x1', String(x(p.day)));
    focusLine.setAttribute('x2', String(x(p.day)));
    const lines = [i === 0 ? `Start ${dayLabel(isoOf(p.day))}` : `Week ending ${dayLabel(isoOf(p.day))}`, `Planned cost to date: ${money(Math.round(p.cost * 100) / 100, currency)}`];
    if (i > 0) lines.push(`This week: ${money(Math.round((p.cost - points[i - 1].cost) * 100) / 100, currency)}`);
    if (budget !== null && budget > 0) lines.push(`${percent(p.cost / budget)} of the budget`);
    tooltip.show(lines, e.clientX, e.clientY);
  });
  hit.addEventListener('mouseleave', () => {
    for (const el of [focus, focusLine]) el.setAttribute('visibility', 'hidden');
    tooltip.hide();
  });
  return plot;
}
