/**
 * The mermaid gantt text of the rows on screen, in the spirit of the mermaid export
 * (server/src/language/export/mermaid.ts): explicit start and exclusive end dates for every bar (never
 * mermaid's own date arithmetic), one section per top-level group, crit/done/active/milestone tags, the
 * status date and deadline as milestones, names escaped by the exports' escapeMermaid. It differs where
 * the preview needs it: bars get the safe ids t1, t2… (mapped back to rows for clicks), collapsed groups
 * are a single bar, and unscheduled tasks are left to the list below the chart.
 */
import { formatDay } from '../../../server/src/language/dates';
import { escapeMermaid } from '../../../server/src/language/export/escape';
import type { TimelineModel } from '../../../server/src/language/timeline/types';
import type { Row } from './rows';
import { dayOf } from './scale';

export interface MermaidChart {
  text: string;
  /** Bar id (t1, t2…) → index in `rows`. */
  bars: Map<string, number>;
  /** One entry per distinct section title, in order: the row of its top-level group, or -1 for the plan's own section. */
  sections: number[];
}

/** mermaid's gantt replaces diagrams longer than this (its default maxTextSize) by an error chart. */
export const MERMAID_MAX_TEXT = 50_000;

/**
 * `plotWidth`: the pixels the time axis gets. mermaid's own ticks ignore it (about ten, however narrow the
 * chart), so with a width the ticks are spaced to keep their labels apart.
 */
export function mermaidTimeline(model: TimelineModel, rows: Row[], plotWidth?: number): MermaidChart {
  const lines = ['gantt', '  dateFormat YYYY-MM-DD', `  axisFormat ${axisFormat(model)}`, '  todayMarker off'];
  if (plotWidth !== undefined) {
    const interval = tickInterval(spanDays(model, rows), plotWidth);
    if (interval) lines.push(`  tickInterval ${interval}`, '  weekday monday');
  }
  const bars = new Map<string, number>();
  const sections: number[] = [];
  const seenSections = new Set<string>();
  let section: 'group' | 'plan' | null = null;
  const openSection = (title: string, row: number) => {
    const text = escapeMermaid(title);
    lines.push(`  section ${text}`);
    // mermaid merges sections of the same title: the first one owns the title.
    if (!seenSections.has(text)) { seenSections.add(text); sections.push(row); }
  };
  rows.forEach((row, k) => {
    const t = row.task;
    const scheduled = t.start !== null && t.end !== null;
    if (t.depth === 0) {
      if (t.kind === 'group') {
        section = 'group';
        openSection(t.name, k);
        // An expanded top-level group is its section; collapsed (or empty) it is also a bar.
        if (row.hasChildren && !row.collapsed) return;
      } else if (section !== 'plan' && scheduled) {
        section = 'plan';
        openSection(model.project.name, -1);
      }
    }
    if (!scheduled) return;
    const tags: string[] = [];
    if (t.critical) tags.push('crit');
    if (t.progress !== null && t.progress >= 1) tags.push('done');
    else if (t.progress !== null && t.progress > 0) tags.push('active');
    if (t.kind === 'milestone') tags.push('milestone');
    const id = `t${k + 1}`;
    bars.set(id, k);
    const end = t.kind === 'milestone' ? t.start! : formatDay(dayOf(t.end!) + 1);
    const prefix = row.hasChildren ? (row.collapsed ? '▸ ' : '▾ ') : '';
    const suffix = t.late ? ' (late)' : '';
    // No space before the colon: mermaid keeps the task text untrimmed.
    lines.push(`    ${escapeMermaid(prefix + t.name + suffix)}:${[...tags, id, t.start!, end].join(', ')}`);
  });
  const marks: string[] = [];
  if (model.project.status) marks.push(`    ${escapeMermaid(`Status date ${model.project.status}`)}:milestone, status, ${model.project.status}, ${model.project.status}`);
  if (model.project.deadline) marks.push(`    ${escapeMermaid(`Deadline ${model.project.deadline}`)}:milestone, deadline, ${model.project.deadline}, ${model.project.deadline}`);
  if (marks.length) { lines.push('  section Dates'); lines.push(...marks); }
  return { text: lines.join('\n') + '\n', bars, sections };
}

/** Day-month labels for plans within a year, with the year for longer ones. */
function axisFormat(model: TimelineModel): string {
  const start = model.project.start, end = model.project.end;
  if (start && end && dayOf(end) - dayOf(start) > 300) return '%b %Y';
  return '%d %b';
}

/** Axis labels are about 45 px wide at the chart's font size; ticks closer than this would touch. */
const MIN_TICK_SPACING_PX = 70;
const TICKS: readonly [days: number, interval: string][] = [
  [1, '1day'], [2, '2day'], [7, '1week'], [14, '2week'], [31, '1month'], [92, '3month'], [183, '6month'], [366, '12month'],
];

/** The finest tick interval whose ticks stay MIN_TICK_SPACING_PX apart; null for an empty span. */
export function tickInterval(days: number, plotWidth: number): string | null {
  if (!(days > 0) || !(plotWidth > 0)) return null;
  const pxPerDay = plotWidth / days;
  for (const [d, interval] of TICKS) if (d * pxPerDay >= MIN_TICK_SPACING_PX) return interval;
  return TICKS[TICKS.length - 1][1];
}

/** The days the chart spans: its bars, the status date and the deadline. */
function spanDays(model: TimelineModel, rows: Row[]): number {
  let first = Infinity, last = -Infinity;
  const take = (iso: string | null | undefined) => { if (iso) { const d = dayOf(iso); if (d < first) first = d; if (d > last) last = d; } };
  for (const { task } of rows) { take(task.start); take(task.end); }
  take(model.project.status);
  take(model.project.deadline);
  return last >= first ? last - first + 1 : 0;
}
