/**
 * Document symbols (the outline): the project, calendars, resources, and the task tree with its
 * milestones. Names are the ids; details carry what a project manager scans for — computed dates
 * of tasks, rates of resources, the frame of the project.
 *
 * Kinds: project Module, calendar Constant, resource Class, group Namespace, leaf task Function,
 * milestone Event.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type * as A from '../language/ast';
import type { PlanAnalysis } from '../language/analyze';
import { formatDay, WEEKDAY_NAMES } from '../language/dates';
import { formatMoney } from '../language/money';
import type { TaskNode } from '../language/model';
import { rangeOf, type PlanContext } from './context';

/** `2027-01-04 → 2027-01-15` for a task, the day for a milestone, or why it has no dates. */
export function taskDates(analysis: PlanAnalysis, t: TaskNode): string {
  const s = analysis.schedule;
  const i = t.index;
  if (!s.scheduled[i] || !s.timeline) {
    if (s.cycles.some((c) => c.members.includes(i))) return 'not scheduled (dependency cycle)';
    return 'not scheduled';
  }
  const day = (pt: number) => { const d = s.timeline!.dayOf(pt >> 1); return d === undefined ? '?' : formatDay(d); };
  if (t.kind === 'milestone') return day(s.startPt[i]);
  return `${day(s.startPt[i])} → ${day(s.endPt[i])}`;
}

/** `mon-fri`, `mon-wed, fri`: working days of a calendar, compactly. */
export function weekdaysText(workdays: readonly boolean[]): string {
  const parts: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!workdays[d]) continue;
    let e = d;
    while (e + 1 < 7 && workdays[e + 1]) e++;
    parts.push(e === d ? WEEKDAY_NAMES[d] : e === d + 1 ? `${WEEKDAY_NAMES[d]}, ${WEEKDAY_NAMES[e]}` : `${WEEKDAY_NAMES[d]}-${WEEKDAY_NAMES[e]}`);
    d = e;
  }
  return parts.join(', ') || 'no working days';
}

function plural(n: number, word: string): string { return `${n} ${word}${n === 1 ? '' : 's'}`; }


export function documentSymbols(ctx: PlanContext): DocumentSymbol[] {
  const analysis = ctx.analysis;
  const { model, schedule } = analysis;
  const currency = model.project.currency;
  const taskByBlock = new Map<A.Block, TaskNode>();
  for (const t of model.tasks) taskByBlock.set(t.block, t);
  const resourceByBlock = new Map(model.resources.map((r) => [r.block, r] as const));

  const symbol = (b: A.Block, kind: SymbolKind, detail: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const range = rangeOf(ctx, b);
    const selectionRange = rangeOf(ctx, b.id ?? b.keyword);
    const out: DocumentSymbol = { name: b.id?.text || `(${b.kind} without id)`, detail, kind, range, selectionRange };
    if (children) out.children = children;
    return out;
  };

  const project = (b: A.Block): DocumentSymbol => {
    const parts: string[] = [];
    if (b.name) parts.push(b.name.value);
    // The first project block is the plan's; a duplicate gets only its name.
    if (b === model.project.block) {
      const start = schedule.projectStartDay;
      const end = schedule.projectEndPt >= 0 && schedule.timeline ? schedule.timeline.dayOf(schedule.projectEndPt >> 1) : undefined;
      if (start !== undefined) parts.push(end !== undefined ? `${formatDay(start)} → ${formatDay(end)}` : `from ${formatDay(start)}`);
      const cal = b.props.find((p): p is A.RefProperty => p.key === 'calendar');
      if (cal?.ref) parts.push(`calendar ${cal.ref.text}`);
      if (currency) parts.push(currency);
      if (model.project.budget !== undefined) parts.push(`budget ${formatMoney(model.project.budget, currency)}`);
    }
    return symbol(b, SymbolKind.Module, parts.join(' · '));
  };

  const calendar = (b: A.Block): DocumentSymbol => {
    const cal = b.id ? model.calendars.get(b.id.text) : undefined;
    const parts: string[] = [];
    if (cal) {
      parts.push(weekdaysText(cal.workdays), `${cal.hours} h`);
      const holidays = b.props.filter((p) => p.key === 'holiday').length;
      if (holidays > 0) parts.push(plural(holidays, 'holiday'));
    }
    return symbol(b, SymbolKind.Constant, parts.join(' · '));
  };

  const resource = (b: A.Block): DocumentSymbol => {
    const r = resourceByBlock.get(b);
    const parts: string[] = [];
    if (b.name) parts.push(b.name.value);
    if (r?.rate !== undefined) parts.push(`${formatMoney(r.rate, currency)}/${r.per}`);
    if (r && r.capacity !== 1) parts.push(`${Math.round(r.capacity * 1000) / 10}%`);
    return symbol(b, SymbolKind.Class, parts.join(' · '));
  };

  const task = (b: A.Block): DocumentSymbol => {
    const t = taskByBlock.get(b);
    const children = b.children.map(task);
    const detail = t ? taskDates(analysis, t) : '';
    if (b.kind === 'milestone') return symbol(b, SymbolKind.Event, detail, children.length ? children : undefined);
    const kind = b.children.length > 0 ? SymbolKind.Namespace : SymbolKind.Function;
    return symbol(b, kind, detail, children.length ? children : undefined);
  };

  return analysis.document.blocks.map((b) => {
    switch (b.kind) {
      case 'project': return project(b);
      case 'calendar': return calendar(b);
      case 'resource': return resource(b);
      default: return task(b);
    }
  });
}
