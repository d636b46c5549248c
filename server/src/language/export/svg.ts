/**
 * Our own self-contained SVG gantt (no mermaid): a month/week axis, one row per task in plan order
 * (groups indented by depth), leaf bars with progress fill, group brackets, milestone diamonds, critical
 * work in red, deadline markers, the status-date line. Pure string building: 5,000 tasks take a few
 * milliseconds and the picture simply gets taller. Every bar carries data-id, data-start and data-end
 * (inclusive YYYY-MM-DD) so a browser test can check one bar per scheduled task at its dates.
 */
import { formatDay, weekday } from '../dates';
import { escapeXml } from './escape';
import { dayOf, money, type ExportModel, type ExportTask } from './model';

export interface SvgOptions {
  /** Include the `<style>` element (standalone SVG). The HTML page puts the same CSS in its head. */
  embedStyle?: boolean;
}

const ROW = 26;
const HEADER = 66;
const LABEL_W = 340;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const SVG_CSS = `
.pac-gantt { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 12px; }
.pac-gantt .bg { fill: #ffffff; }
.pac-gantt .stripe { fill: #f6f8fa; }
.pac-gantt .weekend { fill: #eef1f4; }
.pac-gantt .grid { stroke: #d8dee4; stroke-width: 1; }
.pac-gantt .grid.month { stroke: #afb8c1; }
.pac-gantt .axis { fill: #57606a; font-size: 11px; }
.pac-gantt .axis.month { fill: #24292f; font-weight: 600; font-size: 12px; }
.pac-gantt .head { fill: #ffffff; }
.pac-gantt .sep { stroke: #afb8c1; stroke-width: 1; }
.pac-gantt .label { fill: #24292f; }
.pac-gantt .label.group { font-weight: 600; }
.pac-gantt .label.milestone { font-style: italic; }
.pac-gantt .bar.leaf rect.body { fill: #9ec5fe; stroke: #3b82c4; stroke-width: 1; }
.pac-gantt .bar.leaf rect.done { fill: #3b82c4; }
.pac-gantt .bar.leaf.critical rect.body { fill: #f8b4b4; stroke: #c62828; }
.pac-gantt .bar.leaf.critical rect.done { fill: #c62828; }
.pac-gantt .bar.group path { fill: #424a53; }
.pac-gantt .bar.group.critical path { fill: #8e1b1b; }
.pac-gantt .bar.milestone polygon { fill: #6e40c9; stroke: #3e1f79; stroke-width: 1; }
.pac-gantt .bar.milestone.critical polygon { fill: #c62828; stroke: #7f1010; }
.pac-gantt .pct { fill: #24292f; font-size: 10px; }
.pac-gantt .deadline { fill: #c62828; }
.pac-gantt .deadline-line { stroke: #c62828; stroke-width: 1.5; stroke-dasharray: 6 4; }
.pac-gantt .status-line { stroke: #d97706; stroke-width: 2; }
.pac-gantt .marker-label { font-size: 11px; font-weight: 600; }
.pac-gantt .marker-label.status { fill: #b45309; }
.pac-gantt .marker-label.deadline-text { fill: #c62828; }
.pac-gantt .unscheduled { fill: #c62828; font-style: italic; }
.pac-gantt .legend { fill: #57606a; font-size: 11px; }
`;

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

function fmt(n: number): string { return String(Math.round(n * 10) / 10); }

function tooltip(t: ExportTask, currency: string | null): string {
  const parts = [t.name === t.id ? t.id : `${t.name} (${t.id})`];
  if (t.start === null) parts.push(`Not scheduled: ${t.unscheduledReason}`);
  else if (t.kind === 'milestone') parts.push(`Milestone: ${t.start}`);
  else parts.push(`${t.start} – ${t.end} (${t.duration} working day${t.duration === 1 ? '' : 's'})`);
  if (t.critical) parts.push('Critical');
  else if (t.slack !== null) parts.push(`Slack: ${t.slack} working day${t.slack === 1 ? '' : 's'}`);
  if (t.progress !== null) parts.push(`Progress: ${Math.round(t.progress * 100)}%`);
  if (t.deadline) parts.push(`Deadline: ${t.deadline}`);
  if (t.cost) parts.push(`Cost: ${money(t.cost, currency)}${t.budget !== null ? ` of ${money(t.budget, currency)} budget` : ''}`);
  return parts.join('\n');
}

export function svgGantt(m: ExportModel, options: SvgOptions = {}): string {
  const scheduled = m.tasks.filter((t) => t.start !== null && t.end !== null);
  const days: number[] = [];
  for (const t of scheduled) { days.push(dayOf(t.start!), dayOf(t.end!)); }
  for (const t of m.tasks) if (t.deadline) days.push(dayOf(t.deadline));
  for (const d of [m.project.start, m.project.end, m.project.status, m.project.deadline]) if (d) days.push(dayOf(d));
  let first = days.length ? Math.min(...days) : dayOf('2000-01-03');
  let last = days.length ? Math.max(...days) : first + 27;
  first -= weekday(first); // a Monday
  last = last + (6 - weekday(last)) + 7; // a Sunday, one spare week
  const span = last - first + 1;
  const dw = Math.max(3, Math.min(28, 1100 / span));
  const chartW = span * dw;
  const width = Math.ceil(LABEL_W + chartW + 1);
  const legendH = 34;
  const height = HEADER + m.tasks.length * ROW + legendH + 8;
  const x = (day: number) => LABEL_W + (day - first) * dw;
  const out: string[] = [];
  const title = `${m.project.name}: timeline`;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="pac-gantt" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`);
  out.push(`<title>${escapeXml(title)}</title>`);
  if (options.embedStyle !== false) out.push(`<style>${SVG_CSS}</style>`);
  out.push(`<rect class="bg" x="0" y="0" width="${width}" height="${height}"/>`);
  const bodyTop = HEADER, bodyBottom = HEADER + m.tasks.length * ROW;
  // Row stripes.
  for (let i = 1; i < m.tasks.length; i += 2) out.push(`<rect class="stripe" x="0" y="${bodyTop + i * ROW}" width="${width}" height="${ROW}"/>`);
  // Weekends (when days are wide enough to see them).
  if (dw >= 6) {
    for (let d = first; d <= last; d++) if (weekday(d) >= 5) out.push(`<rect class="weekend" x="${fmt(x(d))}" y="${bodyTop}" width="${fmt(dw)}" height="${bodyBottom - bodyTop}"/>`);
  }
  // Axis: months on top, weeks below.
  out.push(`<rect class="head" x="0" y="0" width="${width}" height="${HEADER}"/>`);
  const weekEvery = dw * 7 >= 46 ? 1 : dw * 7 >= 23 ? 2 : dw * 7 >= 12 ? 4 : 8;
  let wk = 0;
  for (let d = first; d <= last + 1; d++) {
    const iso = formatDay(d);
    if (iso.endsWith('-01') || d === first) {
      const [y, mo] = iso.split('-');
      if (iso.endsWith('-01')) out.push(`<line class="grid month" x1="${fmt(x(d))}" y1="2" x2="${fmt(x(d))}" y2="${bodyBottom}"/>`);
      if (d <= last - 3) out.push(`<text class="axis month" x="${fmt(x(d) + 4)}" y="17">${MONTHS[+mo - 1]} ${y}</text>`);
    }
    if (weekday(d) === 0 && d <= last) {
      if (wk++ % weekEvery === 0) {
        out.push(`<line class="grid" x1="${fmt(x(d))}" y1="24" x2="${fmt(x(d))}" y2="${bodyBottom}"/>`);
        out.push(`<text class="axis" x="${fmt(x(d) + 3)}" y="38">${iso.slice(8)} ${MONTHS[+iso.slice(5, 7) - 1]}</text>`);
      }
    }
  }
  out.push(`<line class="sep" x1="0" y1="${HEADER - 0.5}" x2="${width}" y2="${HEADER - 0.5}"/>`);
  out.push(`<line class="sep" x1="${LABEL_W - 0.5}" y1="0" x2="${LABEL_W - 0.5}" y2="${bodyBottom}"/>`);
  out.push(`<text class="axis month" x="10" y="17">${escapeXml(truncate(m.project.name, 44))}</text>`);
  out.push(`<text class="axis" x="10" y="38">${escapeXml(m.project.start ?? '')}${m.project.end ? ` – ${m.project.end}` : ''}</text>`);

  // Rows.
  m.tasks.forEach((t, i) => {
    const top = bodyTop + i * ROW;
    const mid = top + ROW / 2;
    const indent = 10 + Math.min(t.depth, 12) * 16;
    const maxChars = Math.max(8, Math.floor((LABEL_W - indent - 10) / 6.6));
    const cls = `label ${t.kind}`;
    out.push(`<text class="${cls}" x="${indent}" y="${mid + 4}">${t.kind === 'group' ? '▾ ' : t.kind === 'milestone' ? '◆ ' : ''}${escapeXml(truncate(t.name, maxChars))}<title>${escapeXml(tooltip(t, m.project.currency))}</title></text>`);
    if (t.start === null || t.end === null) {
      out.push(`<text class="unscheduled" x="${LABEL_W + 8}" y="${mid + 4}">not scheduled: ${escapeXml(t.unscheduledReason ?? '')}</text>`);
      return;
    }
    const s = dayOf(t.start), e = dayOf(t.end);
    const attrs = `data-id="${escapeXml(t.id)}" data-kind="${t.kind}" data-start="${t.start}" data-end="${t.end}"`;
    const crit = t.critical ? ' critical' : '';
    const tip = `<title>${escapeXml(tooltip(t, m.project.currency))}</title>`;
    if (t.kind === 'milestone') {
      const cx = x(s) + dw / 2, r = 7;
      out.push(`<g class="bar milestone${crit}" ${attrs}>${tip}<polygon points="${fmt(cx)},${mid - r} ${fmt(cx + r)},${mid} ${fmt(cx)},${mid + r} ${fmt(cx - r)},${mid}"/></g>`);
    } else if (t.kind === 'group') {
      const x1 = x(s), x2 = x(e + 1), y1 = mid - 5, y2 = mid + 1, tip2 = 5;
      out.push(`<g class="bar group${crit}" ${attrs}>${tip}<path d="M${fmt(x1)},${y1} H${fmt(x2)} V${y2 + tip2} L${fmt(x2 - tip2)},${y2} H${fmt(x1 + tip2)} L${fmt(x1)},${y2 + tip2} Z"/></g>`);
    } else {
      const x1 = x(s), w = Math.max(2, x(e + 1) - x1), h = 14, y = mid - h / 2;
      let inner = `<rect class="body" x="${fmt(x1)}" y="${y}" width="${fmt(w)}" height="${h}" rx="3"/>`;
      if (t.progress !== null && t.progress > 0) inner += `<rect class="done" x="${fmt(x1)}" y="${y}" width="${fmt(w * Math.min(1, t.progress))}" height="${h}" rx="3"/>`;
      out.push(`<g class="bar leaf${crit}" ${attrs}>${tip}${inner}</g>`);
      if (t.progress !== null) out.push(`<text class="pct" x="${fmt(x1 + w + 4)}" y="${mid + 4}">${Math.round(t.progress * 100)}%</text>`);
    }
    if (t.deadline) {
      const dx = x(dayOf(t.deadline) + 1);
      out.push(`<g class="deadline" data-deadline="${t.deadline}"><title>Deadline of ${escapeXml(t.name)}: ${t.deadline}</title><polygon points="${fmt(dx - 5)},${top + 2} ${fmt(dx + 5)},${top + 2} ${fmt(dx)},${top + 9}"/><rect x="${fmt(dx - 0.75)}" y="${top + 2}" width="1.5" height="${ROW - 4}"/></g>`);
    }
  });

  // Project deadline and status date.
  if (m.project.deadline) {
    const dx = fmt(x(dayOf(m.project.deadline) + 1));
    out.push(`<g class="project-deadline" data-date="${m.project.deadline}"><title>Project deadline: ${m.project.deadline}</title><line class="deadline-line" x1="${dx}" y1="${HEADER - 4}" x2="${dx}" y2="${bodyBottom}"/><text class="marker-label deadline-text" x="${dx}" y="${HEADER - 8}" text-anchor="end">Deadline ${m.project.deadline}</text></g>`);
  }
  if (m.project.status) {
    const sx = fmt(x(dayOf(m.project.status)));
    out.push(`<g class="status-date" data-date="${m.project.status}"><title>Status date: ${m.project.status}</title><line class="status-line" x1="${sx}" y1="${HEADER - 4}" x2="${sx}" y2="${bodyBottom}"/><text class="marker-label status" x="${sx}" y="${HEADER - 8}" text-anchor="middle">Status ${m.project.status}</text></g>`);
  }

  // Legend.
  const ly = bodyBottom + 20;
  let lx = 10;
  const item = (shape: string, label: string) => { out.push(shape.replace(/X0/g, String(lx)), `<text class="legend" x="${lx + 24}" y="${ly + 4}">${label}</text>`); lx += 24 + label.length * 6.2 + 22; };
  item(`<g class="bar leaf"><rect class="body" x="X0" y="${ly - 6}" width="18" height="12" rx="3"/></g>`, 'Task');
  item(`<g class="bar leaf"><rect class="body" x="X0" y="${ly - 6}" width="18" height="12" rx="3"/><rect class="done" x="X0" y="${ly - 6}" width="9" height="12" rx="3"/></g>`, 'Progress');
  item(`<g class="bar leaf critical"><rect class="body" x="X0" y="${ly - 6}" width="18" height="12" rx="3"/></g>`, 'Critical');
  item(`<g class="bar group"><path d="M${lx},${ly - 4} h18 v8 l-4,-5 h-10 l-4,5 Z"/></g>`, 'Group');
  item(`<g class="bar milestone"><polygon points="${lx + 9},${ly - 7} ${lx + 16},${ly} ${lx + 9},${ly + 7} ${lx + 2},${ly}"/></g>`, 'Milestone');
  item(`<g class="deadline"><polygon points="${lx + 4},${ly - 7} ${lx + 14},${ly - 7} ${lx + 9},${ly}"/><rect x="${lx + 8.25}" y="${ly - 7}" width="1.5" height="14"/></g>`, 'Deadline');
  if (m.project.status) item(`<line class="status-line" x1="${lx + 9}" y1="${ly - 8}" x2="${lx + 9}" y2="${ly + 8}"/>`, 'Status date');
  out.push('</svg>');
  return out.join('\n') + '\n';
}
