/**
 * Hover: what the engine computed about the thing under the cursor.
 * - a task or milestone (its id, its name, or any reference to it): dates, length, slack, critical
 *   path, cost against budget, assignees, owner, deadline, progress — or why it has no dates;
 * - a resource: rate, capacity, calendar, leave, booked days and cost, over-allocations and leave conflicts;
 * - a calendar: working days, hours, holidays, who uses it;
 * - the project (keyword, id or name): its frame, dates, cost against budget, deadline;
 * - a keyword: its meaning from the language reference; a date or a duration: what it means in working time.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type * as A from '../language/ast';
import type { PlanAnalysis } from '../language/analyze';
import { formatDay } from '../language/dates';
import { formatMoney } from '../language/money';
import type { ResourceNode, TaskNode } from '../language/model';
import { offsetAt, rangeOf, type PlanContext } from './context';
import { keywordDoc } from './keywordDocs';
import { nodeAt } from './nodeAt';
import { weekdaysText } from './symbols';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MAX_LISTED = 8;

function num(x: number): string { return String(Math.round(x * 100) / 100); }
function pct(fraction: number): string { return `${Math.round(fraction * 1000) / 10}%`; }
function workingDays(n: number): string { return `${num(n)} working day${n === 1 ? '' : 's'}`; }
function plural(n: number, word: string, many = `${word}s`): string { return `${n} ${n === 1 ? word : many}`; }
function code(id: string): string { return '`' + id + '`'; }
/** Text from the plan (names, labels, messages) as literal Markdown: no accidental emphasis or HTML. */
function escape(text: string): string { return text.replace(/[\\`*_[\]<>~]/g, (c) => '\\' + c); }

/** A list of items, the rest counted: `a, b, c and 4 more`. */
function listed(items: string[], max = MAX_LISTED): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** The `kind id "Name"` line of a block, as written. */
function header(analysis: PlanAnalysis, b: A.Block): string {
  let line = b.kind + (b.id ? ` ${b.id.text}` : '');
  if (b.name) line += ' ' + analysis.text.slice(b.name.start, b.name.end);
  return '```plan\n' + line + '\n```';
}

function markdown(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');
}

function bullets(lines: (string | undefined)[]): string {
  return lines.filter((l): l is string => l !== undefined && l !== '').map((l) => `- ${l}`).join('\n');
}

class Facts {
  readonly currency: string | undefined;
  constructor(readonly analysis: PlanAnalysis) { this.currency = analysis.model.project.currency; }

  money(x: number): string { return formatMoney(x, this.currency); }

  /** The date of a working-day index of the timeline. */
  day(idx: number): string {
    const d = this.analysis.schedule.timeline?.dayOf(idx);
    return d === undefined ? '?' : formatDay(d);
  }

  /** Working days by which the end index beats (positive) or misses (negative) a deadline day. */
  spare(endIdx: number, deadlineDay: number): number | undefined {
    const tl = this.analysis.schedule.timeline;
    return tl ? tl.floorIndex(deadlineDay) - endIdx : undefined;
  }

  deadlineText(deadlineDay: number, endIdx: number | undefined): string {
    const text = `**Deadline** ${formatDay(deadlineDay)}`;
    if (endIdx === undefined) return text;
    const spare = this.spare(endIdx, deadlineDay);
    if (spare === undefined) return text;
    if (spare < 0) return `${text} — **missed** by ${workingDays(-spare)}`;
    return `${text} — met, ${spare === 0 ? 'with no working day to spare' : `${workingDays(spare)} to spare`}`;
  }

  costText(cost: number, budget: number | undefined, breakdown?: string): string | undefined {
    if (budget === undefined) return cost > 0 ? `**Cost** ${this.money(cost)}${breakdown ?? ''}` : undefined;
    if (cost > budget + 0.005) {
      return `**Cost** ${this.money(cost)}${breakdown ?? ''} — **over** its budget of ${this.money(budget)} by ${this.money(cost - budget)}`;
    }
    const used = budget > 0 ? ` (${Math.round((cost / budget) * 100)}% used)` : '';
    return `**Cost** ${this.money(cost)}${breakdown ?? ''} of a budget of ${this.money(budget)}${used}`;
  }

  /** Daily rate of a resource (a `/h` rate times the hours of its calendar). */
  dailyRate(r: ResourceNode): number | undefined {
    if (r.rate === undefined) return undefined;
    return r.per === 'h' ? r.rate * this.hoursOf(r) : r.rate;
  }

  hoursOf(r: ResourceNode): number { return r.calendar?.hours ?? this.analysis.model.project.calendar.hours; }

  resourceLabel(index: number): string {
    const r = this.analysis.model.resources[index];
    return r.name !== r.id ? `${code(r.id)} (${escape(r.name)})` : code(r.id);
  }
}

// ------------------------------------------------------------------ tasks and milestones

function taskHover(f: Facts, t: TaskNode): string {
  const { analysis } = f;
  const { model, schedule: s, costs } = analysis;
  const i = t.index;
  const tasks = model.tasks;
  const parent = t.parent >= 0 ? ` in ${code(tasks[t.parent].id)}` : '';
  let what: string;
  if (t.kind === 'milestone') what = `Milestone${parent}`;
  else if (t.kind === 'leaf') what = `Task${parent}`;
  else {
    const kids = t.children.map((c) => tasks[c]);
    const milestones = kids.filter((k) => k.kind === 'milestone').length;
    const subtasks = kids.length - milestones;
    const counted = [subtasks ? plural(subtasks, 'subtask') : '', milestones ? plural(milestones, 'milestone') : ''].filter(Boolean).join(' and ');
    what = `Group of ${counted}${parent}`;
  }

  const lines: (string | undefined)[] = [];
  const scheduled = s.scheduled[i] === 1 && s.timeline !== undefined;
  let endIdx: number | undefined;
  if (scheduled) {
    const startIdx = s.startPt[i] >> 1;
    endIdx = s.endPt[i] >> 1;
    if (t.kind === 'milestone') {
      const pin = t.pinDay !== undefined ? ' (pinned)' : '';
      lines.push(`**Date** ${f.day(startIdx)}${pin}, at the ${s.startPt[i] & 1 ? 'end' : 'start'} of the day`);
    } else {
      const pin = t.kind === 'leaf' && t.pinDay !== undefined ? ' (pinned)' : '';
      lines.push(`**Start** ${f.day(startIdx)}${pin} · **End** ${f.day(endIdx)} · ${workingDays(s.length[i])}`);
    }
    const slack = s.slack[i];
    if (!Number.isNaN(slack)) {
      lines.push(s.critical[i] ? `**Slack** ${workingDays(slack)} · **critical**: on the critical path` : `**Slack** ${workingDays(slack)} · not critical`);
    }
  } else {
    const cycle = s.cycles.find((c) => c.members.includes(i));
    let why: string;
    if (cycle) why = `it is part of the dependency cycle ${cycle.path.map((k) => tasks[k].id).join(' → ')}`;
    else if (!s.timeline) why = 'the project has no start date';
    else if (t.kind === 'group') why = 'none of its subtasks could be scheduled';
    else why = 'it could not be placed';
    lines.push(`**Not scheduled**: ${why}.`);
  }

  // Work and money.
  if (t.kind !== 'milestone' && costs.effort[i] > 0) lines.push(`**Effort** ${num(costs.effort[i])} person-day${costs.effort[i] === 1 ? '' : 's'}`);
  let breakdown: string | undefined;
  const fixed = t.costs.reduce((sum, c) => sum + c.amount, 0);
  if (t.kind !== 'group' && fixed > 0 && costs.cost[i] - fixed > 0.005) {
    breakdown = ` (resources ${f.money(costs.cost[i] - fixed)}, fixed ${f.money(fixed)})`;
  }
  lines.push(f.costText(costs.cost[i], t.budget, breakdown));
  if (t.kind !== 'group' && t.costs.length > 0) {
    const items = t.costs.map((c) => `${f.money(c.amount)}${c.label ? ` ${escape(c.label)}` : ''}`);
    lines.push(`**Fixed costs** ${listed(items, 4)}`);
  }
  if (t.assignments.length > 0) {
    const items = t.assignments.map((a, k) => {
      const r = model.resources[a.resource];
      const booked = t.booked[k];
      return `${code(r.id)} ${pct(a.share)}${booked !== undefined ? ` · ${num(booked)} d` : ''}${r.rate === undefined ? ' (no rate)' : ''}`;
    });
    lines.push(`**Assigned** ${listed(items)}`);
  }
  if (t.owner !== undefined) lines.push(`**Owner** ${f.resourceLabel(t.owner)}`);
  if (t.deadlineDay !== undefined) lines.push(f.deadlineText(t.deadlineDay, endIdx));
  {
    const progress = t.progress ?? 0;
    const status = model.project.statusDay;
    const endDay = endIdx !== undefined ? s.timeline!.dayOf(endIdx) : undefined;
    const late = t.kind === 'leaf' && status !== undefined && endDay !== undefined && status > endDay && progress < 1;
    if (t.progress !== undefined || late) {
      let text = `**Progress** ${pct(progress)}`;
      if (late) text += ` — **late**: should have finished on ${formatDay(endDay!)} (status date ${formatDay(status!)})`;
      lines.push(text);
    }
  }
  const deps = t.block.props.flatMap((p) => (p.key === 'after' ? p.deps : []));
  if (deps.length > 0) {
    lines.push(`**After** ${listed(deps.map((d) => code(analysis.text.slice(d.start, d.end).replace(/\s+/g, ' '))))}`);
  }
  for (const q of t.quality.slice(0, 5)) {
    lines.push(`**Quality** “${escape(q.text)}”${q.by !== undefined ? ` — approved by ${code(model.resources[q.by].id)}` : ''}`);
  }
  if (t.quality.length > 5) lines.push(`… and ${plural(t.quality.length - 5, 'more quality criterion', 'more quality criteria')}`);
  // Problems found on the task itself (its id and properties, not its subtasks) that the lines above do not show.
  const b = t.block;
  const own = (d: { start: number; end: number }) =>
    (b.id !== undefined && d.start >= b.id.start && d.end <= b.id.end) || b.props.some((p) => d.start >= p.start && d.end <= p.end);
  const problems = analysis.diagnostics.filter((d) => !SHOWN_CODES.has(d.code) && (d.severity === 'error' || d.severity === 'warning') && own(d));
  for (const d of problems.slice(0, 5)) lines.push(`⚠ ${escape(d.message)}`);
  if (problems.length > 5) lines.push(`⚠ … and ${plural(problems.length - 5, 'more problem')}`);
  return markdown([header(analysis, t.block), `*${what}*`, bullets(lines)]);
}

/** Codes whose facts the task hover already states in its own lines. */
const SHOWN_CODES: ReadonlySet<string> = new Set(['deadline-missed', 'late', 'budget-overrun', 'dependency-cycle']);

// ------------------------------------------------------------------ resources

function resourceHover(f: Facts, r: ResourceNode): string {
  const { analysis } = f;
  const { model } = analysis;
  const lines: (string | undefined)[] = [];
  const hours = f.hoursOf(r);
  if (r.rate === undefined) lines.push('**Rate** none — its work costs nothing');
  else if (r.per === 'd') lines.push(`**Rate** ${f.money(r.rate)}/d (${f.money(r.rate / hours)}/h at ${num(hours)} h a day)`);
  else lines.push(`**Rate** ${f.money(r.rate)}/h (${f.money(r.rate * hours)}/d at ${num(hours)} h a day)`);
  lines.push(`**Capacity** ${pct(r.capacity)}`);
  const cal = r.calendar ?? model.project.calendar;
  lines.push(`**Calendar** ${r.calendarName ? code(r.calendarName) : 'the project calendar'} (${weekdaysText(cal.workdays)}, ${num(cal.hours)} h a day)`);
  if (r.leave.length > 0) {
    const periods = r.leave.map((l) => (l.from === l.to ? formatDay(l.from) : `${formatDay(l.from)} → ${formatDay(l.to)}`));
    lines.push(`**Leave** ${listed(periods, 6)}`);
  }

  // Bookings: person-days and cost from the cost phase, days from the load phase.
  let days = 0;
  const assigned: string[] = [];
  for (const t of model.tasks) {
    t.assignments.forEach((a, k) => {
      if (a.resource !== r.index) return;
      days += t.booked[k] ?? 0;
      assigned.push(`${code(t.id)} ${pct(a.share)}`);
    });
  }
  if (assigned.length === 0) lines.push('**Booked** nothing: not assigned to any task');
  else {
    const daily = f.dailyRate(r);
    const cost = daily !== undefined ? ` · ${f.money(days * daily)}` : '';
    const bookings = analysis.load.bookings[r.index] ?? [];
    let span = '';
    if (bookings.length > 0) {
      const first = Math.min(...bookings.map((b) => b.start)), last = Math.max(...bookings.map((b) => b.end));
      span = ` · ${f.day(first)} → ${f.day(last)}`;
    }
    lines.push(`**Booked** ${num(days)} person-day${days === 1 ? '' : 's'} on ${plural(assigned.length, 'task')}${cost}${span}`);
    lines.push(`**Assigned to** ${listed(assigned)}`);
  }
  const owns = model.tasks.filter((t) => t.owner === r.index).map((t) => code(t.id));
  if (owns.length > 0) lines.push(`**Owner of** ${listed(owns)}`);
  const approves = model.tasks.filter((t) => t.quality.some((q) => q.by === r.index)).length
    + (model.project.quality.some((q) => q.by === r.index) ? 1 : 0);
  if (approves > 0) lines.push(`**Approves** quality criteria on ${plural(approves, 'task or milestone', 'tasks, milestones or the project')}`);

  const problems = (code: string) => analysis.diagnostics
    .filter((d) => d.code === code && analysis.text.slice(d.start, d.end) === r.id)
    .map((d) => d.message);
  const sections: string[] = [];
  for (const [codeName, title] of [['resource-overallocated', 'Over-allocated'], ['resource-on-leave', 'Booked while away']] as const) {
    const list = problems(codeName);
    if (list.length === 0) continue;
    const shown = list.slice(0, 5).map((m) => `  - ${escape(m)}`);
    if (list.length > 5) shown.push(`  - … and ${list.length - 5} more`);
    sections.push(`- ⚠ **${title}** (${list.length})\n${shown.join('\n')}`);
  }
  const body = bullets(lines) + (sections.length ? '\n' + sections.join('\n') : '');
  return markdown([header(analysis, r.block), '*Resource*', body]);
}

// ------------------------------------------------------------------ calendars

function calendarHover(f: Facts, b: A.Block): string {
  const { analysis } = f;
  const { model } = analysis;
  const id = b.id?.text;
  const cal = id !== undefined && model.symbols.get(id)?.block === b ? model.calendars.get(id) : undefined;
  const lines: (string | undefined)[] = [];
  if (!cal) lines.push('Not in effect: another calendar already uses this id.');
  else {
    lines.push(`**Working days** ${weekdaysText(cal.workdays)}`);
    lines.push(`**Hours** ${num(cal.hours)} a day`);
    const holidays = b.props.filter((p): p is A.PeriodProperty => p.key === 'holiday' && p.from?.day !== undefined);
    if (holidays.length > 0) {
      const items = holidays.map((h) => {
        const range = h.to?.day !== undefined && h.to.day !== h.from!.day ? `${h.from!.text} → ${h.to.text}` : h.from!.text;
        return h.label ? `${range} ${escape(h.label.value)}` : range;
      });
      lines.push(`**Holidays** (${holidays.length})\n${items.slice(0, 12).map((x) => `  - ${x}`).join('\n')}${items.length > 12 ? `\n  - … and ${items.length - 12} more` : ''}`);
    } else lines.push('**Holidays** none');
    const users: string[] = [];
    const projectCal = model.project.block?.props.find((p) => p.key === 'calendar') as A.RefProperty | undefined;
    if (projectCal?.ref?.text === id) users.push('the project');
    for (const r of model.resources) if (r.calendarName === id) users.push(code(r.id));
    lines.push(users.length ? `**Used by** ${listed(users)}` : '**Used by** nothing yet');
  }
  return markdown([header(analysis, b), '*Calendar*', bullets(lines)]);
}

// ------------------------------------------------------------------ the project

function projectHover(f: Facts, b: A.Block): string {
  const { analysis } = f;
  const { model, schedule: s, costs } = analysis;
  const p = model.project;
  if (b !== p.block) return markdown([header(analysis, b), '*A second project block: a plan holds one project, so this one is ignored.*']);
  const lines: (string | undefined)[] = [];
  let endIdx: number | undefined;
  if (s.projectStartDay !== undefined && s.projectEndPt >= 0) {
    endIdx = s.projectEndPt >> 1;
    lines.push(`**Start** ${formatDay(s.projectStartDay)} · **End** ${f.day(endIdx)} · ${workingDays(endIdx + 1)}`);
  } else if (s.projectStartDay !== undefined) lines.push(`**Start** ${formatDay(s.projectStartDay)}`);
  else lines.push('**Start** missing — add `start YYYY-MM-DD`');
  if (p.deadlineDay !== undefined) lines.push(f.deadlineText(p.deadlineDay, endIdx));
  lines.push(f.costText(costs.projectCost, p.budget) ?? `**Cost** ${f.money(costs.projectCost)}`);
  const calRef = (b.props.find((x) => x.key === 'calendar') as A.RefProperty | undefined)?.ref?.text;
  lines.push(`**Calendar** ${calRef ? code(calRef) : 'default'} (${weekdaysText(p.calendar.workdays)}, ${num(p.calendar.hours)} h a day)`);
  if (p.currency) lines.push(`**Currency** ${p.currency}`);
  if (p.statusDay !== undefined) lines.push(`**Status date** ${formatDay(p.statusDay)}`);
  const leaves = model.tasks.filter((t) => t.kind === 'leaf').length;
  const groups = model.tasks.filter((t) => t.kind === 'group').length;
  const milestones = model.tasks.length - leaves - groups;
  lines.push(`**Plan** ${plural(leaves + groups, 'task')} (${plural(groups, 'group')}), ${plural(milestones, 'milestone')}, ${plural(model.resources.length, 'resource')}`);
  const critical = model.tasks.filter((t) => t.kind !== 'group' && s.critical[t.index]).map((t) => code(t.id));
  if (critical.length > 0) lines.push(`**Critical path** ${listed(critical)}`);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) lines.push(`**Problems** ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  if (p.uses.length > 0) lines.push(`**Policies** ${listed(p.uses.map((u) => code(u.path?.value ?? '?')))}`);
  return markdown([header(analysis, b), '*Project*', bullets(lines)]);
}

// ------------------------------------------------------------------ values

function dateHover(f: Facts, lit: A.DateLit): string | undefined {
  const day = lit.day;
  if (day === undefined) return `\`${lit.text}\` is not a real calendar date.`;
  const { analysis } = f;
  const cal = analysis.model.project.calendar;
  const weekday = WEEKDAYS[(((day + 3) % 7) + 7) % 7];
  let status: string;
  if (cal.isWorkday(day)) {
    const tl = analysis.schedule.timeline;
    status = tl && day >= tl.originDay ? `working day ${tl.ceilIndex(day) + 1} of the project` : 'a working day';
  } else if (cal.isHoliday(day)) {
    const label = holidayLabel(analysis, day);
    status = `not a working day: a holiday${label ? ` (${escape(label)})` : ''}`;
  } else status = 'not a working day';
  return `**${formatDay(day)}** — ${weekday}, ${status}`;
}

function holidayLabel(analysis: PlanAnalysis, day: number): string | undefined {
  const p = analysis.model.project;
  const ref = (p.block?.props.find((x) => x.key === 'calendar') as A.RefProperty | undefined)?.ref?.text;
  const sym = ref ? analysis.model.symbols.get(ref) : undefined;
  if (!sym || sym.kind !== 'calendar') return undefined;
  for (const h of sym.block.props) {
    if (h.key !== 'holiday' || h.from?.day === undefined) continue;
    const to = h.to?.day ?? h.from.day;
    if (day >= h.from.day && day <= to) return h.label?.value;
  }
  return undefined;
}

function durationHover(f: Facts, lit: A.DurationLit): string {
  const hours = f.analysis.model.project.calendar.hours;
  const text = f.analysis.text.slice(lit.start, lit.end);
  switch (lit.unit) {
    case 'd': return `\`${text}\` = ${workingDays(lit.amount)}`;
    case 'w': return `\`${text}\` = ${workingDays(lit.amount * 5)} (a week is 5 working days)`;
    case 'mo': return `\`${text}\` = ${workingDays(lit.amount * 20)} (a month is 20 working days)`;
    case 'h': return `\`${text}\` = ${workingDays(lit.amount / hours)} (${num(hours)} working hours a day)`;
  }
}

/** The date or duration literal of a property that contains the offset. */
function literalAt(p: A.Property, offset: number): { date?: A.DateLit; duration?: A.DurationLit } | undefined {
  const seen = new Set<unknown>();
  const visit = (v: unknown): { date?: A.DateLit; duration?: A.DurationLit } | undefined => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return undefined;
    seen.add(v);
    if (Array.isArray(v)) { for (const x of v) { const r = visit(x); if (r) return r; } return undefined; }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && (offset < o.start || offset > o.end)) return undefined;
    if (typeof o.text === 'string' && 'day' in o) return { date: o as unknown as A.DateLit };
    if (typeof o.amount === 'number' && typeof o.unit === 'string') return { duration: o as unknown as A.DurationLit };
    for (const [k, x] of Object.entries(o)) { if (k === 'keyword') continue; const r = visit(x); if (r) return r; }
    return undefined;
  };
  return visit(p);
}

/** The word (id characters) around an offset. */
function wordAt(text: string, offset: number): A.Span | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);
  let s = offset, e = offset;
  while (s > 0 && isWord(text[s - 1])) s--;
  while (isWord(text[e])) e++;
  return e > s ? { start: s, end: e } : undefined;
}

// ------------------------------------------------------------------ entry

function entityHover(f: Facts, b: A.Block): string | undefined {
  const model = f.analysis.model;
  const sym = b.id ? model.symbols.get(b.id.text) : undefined;
  switch (b.kind) {
    case 'project': return projectHover(f, b);
    case 'calendar': return calendarHover(f, b);
    case 'resource': {
      const r = sym?.block === b ? model.resources[sym.index] : model.resources.find((x) => x.block === b);
      return r ? resourceHover(f, r) : undefined;
    }
    default: {
      const t = sym?.block === b ? model.tasks[sym.index] : model.tasks.find((x) => x.block === b);
      return t ? taskHover(f, t) : undefined;
    }
  }
}

export function hover(ctx: PlanContext, position: Position): Hover | null {
  const analysis = ctx.analysis;
  const offset = offsetAt(ctx, position);
  const node = nodeAt(analysis, offset);
  const f = new Facts(analysis);
  const result = (value: string | undefined, span: A.Span): Hover | null =>
    value ? { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(ctx, span) } : null;

  switch (node.kind) {
    case 'declaration': return result(entityHover(f, node.block), node.ident);
    case 'reference': return node.symbol ? result(entityHover(f, node.symbol.block), node.ident) : null;
    case 'keyword':
      if (node.word === 'project' && node.block?.kind === 'project' && !node.property) return result(projectHover(f, node.block), node.span);
      return result(keywordDoc(node.word), node.span);
    case 'none': {
      const b = node.block;
      if (!b) return null;
      if (!node.property) {
        if (b.name && offset >= b.name.start && offset <= b.name.end) return result(entityHover(f, b), b.name);
        return null;
      }
      const p = node.property;
      const lit = literalAt(p, offset);
      if (lit?.date) return result(dateHover(f, lit.date), lit.date);
      if (lit?.duration) return result(durationHover(f, lit.duration), lit.duration);
      const word = wordAt(analysis.text, offset);
      if (!word) return null;
      const w = analysis.text.slice(word.start, word.end);
      if (p.key === 'after' && (w === 'start' || w === 'of')) return result(keywordDoc('start of'), word);
      if (p.key === 'quality' && w === 'by') return result(keywordDoc('by'), word);
      if (p.key === 'waive' && w === 'on') return result(keywordDoc('waive'), word);
      return null;
    }
  }
}
