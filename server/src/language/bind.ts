/**
 * The binder: collects ids, resolves references to the kind each place needs, and turns
 * properties into the bound model, checking placement, repetition and values on the way.
 */
import type * as A from './ast';
import { DiagnosticSink } from './diagnostics';
import { WorkCalendar, DEFAULT_WORKDAYS, defaultCalendar, type DayRange } from './calendar';
import { WEEKDAY_NAMES, formatDay } from './dates';
import { suggestions } from './names';
import type { Span } from './text';
import { TaskNode, ResourceNode, type PlanModel, type PlanSymbol, type SymbolKind, type ProjectInfo } from './model';

type Place = 'project' | 'leaf' | 'group' | 'milestone' | 'resource' | 'calendar';

const ALLOWED: Record<Place, ReadonlySet<A.PropertyKey>> = {
  project: new Set(['start', 'deadline', 'budget', 'quality', 'currency', 'calendar', 'status', 'uses', 'waive']),
  leaf: new Set(['start', 'deadline', 'after', 'not before', 'duration', 'effort', 'assign', 'owner', 'budget', 'cost', 'quality', 'progress']),
  group: new Set(['start', 'deadline', 'after', 'not before', 'owner', 'budget', 'cost', 'quality']),
  milestone: new Set(['on', 'deadline', 'after', 'not before', 'owner', 'cost', 'quality']),
  resource: new Set(['rate', 'capacity', 'leave', 'calendar']),
  calendar: new Set(['workdays', 'hours', 'holiday']),
};

const ALL_KEYS: A.PropertyKey[] = [
  'start', 'deadline', 'on', 'status', 'not before', 'after', 'duration', 'effort', 'assign', 'owner', 'calendar', 'budget',
  'cost', 'quality', 'progress', 'capacity', 'currency', 'uses', 'waive', 'rate', 'leave', 'holiday', 'workdays', 'hours',
];
const KEY_BITS = new Map(ALL_KEYS.map((k, i) => [k, 1 << i]));

const SCHEDULABLE: readonly SymbolKind[] = ['task', 'milestone'];
const RESOURCE: readonly SymbolKind[] = ['resource'];
const CALENDAR: readonly SymbolKind[] = ['calendar'];
const WAIVABLE: readonly SymbolKind[] = ['task', 'milestone', 'resource'];

const REPEATABLE: ReadonlySet<A.PropertyKey> = new Set(['after', 'assign', 'cost', 'quality', 'leave', 'holiday', 'uses', 'waive']);

const PLACE_NAMES: Record<Place, string> = {
  project: 'the project', leaf: 'a task', group: 'a group (a task with subtasks)', milestone: 'a milestone',
  resource: 'a resource', calendar: 'a calendar',
};

const KIND_NAMES: Record<SymbolKind, string> = { task: 'a task', milestone: 'a milestone', resource: 'a resource', calendar: 'a calendar' };

function placeHint(key: A.PropertyKey, place: Place): string {
  if (place === 'group' && (key === 'duration' || key === 'effort' || key === 'assign' || key === 'progress')) {
    return ' A group takes its dates from its subtasks: put it on them.';
  }
  if (place === 'milestone' && key === 'start') return " Pin a milestone with 'on'.";
  if ((place === 'leaf' || place === 'group') && key === 'on') return " Pin a task with 'start'.";
  const where = (Object.keys(ALLOWED) as Place[]).filter((p) => ALLOWED[p].has(key)).map((p) => PLACE_NAMES[p]);
  return where.length ? ` It belongs to ${where.join(', ')}.` : '';
}

export class Binder {
  private readonly symbols = new Map<string, PlanSymbol>();
  private readonly tasks: TaskNode[] = [];
  private readonly resources: ResourceNode[] = [];
  private readonly calendarBlocks: A.Block[] = [];
  private readonly calendars = new Map<string, WorkCalendar>();
  private readonly referenceIdents: A.Ident[] = [];
  private readonly referenceSymbols: PlanSymbol[] = [];
  private project!: ProjectInfo;
  private hours = 8;

  constructor(private readonly doc: A.PlanDocument, private readonly sink: DiagnosticSink) {}

  bind(): PlanModel {
    const projectBlock = this.collect();
    this.project = {
      block: projectBlock, id: projectBlock?.id?.text ?? 'project', name: projectBlock?.name?.value ?? projectBlock?.id?.text ?? 'project',
      startDay: undefined, deadlineDay: undefined, deadlineProperty: undefined, statusDay: undefined, currency: undefined,
      budget: undefined, budgetProperty: undefined, calendar: defaultCalendar(), uses: [], waivers: [], quality: [],
    };
    for (const b of this.calendarBlocks) this.bindCalendar(b);
    if (projectBlock) this.bindProject(projectBlock);
    this.hours = this.project.calendar.hours;
    for (const r of this.resources) this.bindResource(r);
    for (const t of this.tasks) this.bindTask(t);
    return {
      project: this.project, tasks: this.tasks, resources: this.resources, calendars: this.calendars,
      symbols: this.symbols, referenceIdents: this.referenceIdents, referenceSymbols: this.referenceSymbols,
    };
  }

  // ------------------------------------------------------------------ symbols

  /** Walks all blocks in document order, numbering tasks and registering ids. */
  private collect(): A.Block | undefined {
    let project: A.Block | undefined;
    // Depth-first in document order; each entry carries the index of the enclosing task.
    const stack: A.Block[] = [];
    const parents: number[] = [];
    for (let i = this.doc.blocks.length - 1; i >= 0; i--) { stack.push(this.doc.blocks[i]); parents.push(-1); }
    while (stack.length > 0) {
      const b = stack.pop()!;
      const parent = parents.pop()!;
      if (b.kind === 'project') {
        if (!project) project = b;
        else this.sink.report('duplicate-project', b.id ?? b.keyword, `A plan holds one project; ${project.id ? `'${project.id.text}'` : 'one'} is already declared.`);
        continue;
      }
      let existing: PlanSymbol | undefined;
      if (!b.id) {
        this.sink.report('syntax', b.keyword, `A ${b.kind} needs an id after '${b.kind}'.`);
      } else {
        existing = this.symbols.get(b.id.text);
        if (existing) {
          this.sink.report('duplicate-id', b.id, `The id '${b.id.text}' is already used by ${KIND_NAMES[existing.kind]}; ids must be unique in a plan.`, {
            related: [{ span: existing.block.id!, message: 'first declared here' }],
          });
        }
      }
      const registers = b.id !== undefined && existing === undefined;
      if (b.kind === 'task' || b.kind === 'milestone') {
        const index = this.tasks.length;
        const id = b.id?.text ?? `#${index + 1}`;
        const node = new TaskNode(index, b, id, b.name?.value ?? id);
        if (parent >= 0) { node.parent = parent; node.depth = this.tasks[parent].depth + 1; this.tasks[parent].children.push(index); }
        this.tasks.push(node);
        if (registers) this.symbols.set(b.id!.text, { kind: b.kind === 'task' ? 'task' : 'milestone', block: b, index });
        for (let i = b.children.length - 1; i >= 0; i--) { stack.push(b.children[i]); parents.push(index); }
      } else if (b.kind === 'resource') {
        const index = this.resources.length;
        const id = b.id?.text ?? `#r${index + 1}`;
        this.resources.push(new ResourceNode(index, b, id, b.name?.value ?? id));
        if (registers) this.symbols.set(b.id!.text, { kind: 'resource', block: b, index });
      } else {
        const index = this.calendarBlocks.length;
        this.calendarBlocks.push(b);
        if (registers) this.symbols.set(b.id!.text, { kind: 'calendar', block: b, index });
      }
    }
    if (!project) this.sink.report('missing-project', { start: 0, end: 0 }, 'This plan has no project block: add `project ID "Name" { start YYYY-MM-DD }`.');
    return project;
  }

  /** Resolves a reference to one of the expected kinds, reporting unknown or wrong-kind references. */
  private resolve(ref: A.Ident | undefined, expected: readonly SymbolKind[], roleText: string, roleOwner?: string): PlanSymbol | undefined {
    if (!ref) return undefined;
    const symbol = this.symbols.get(ref.text);
    if (symbol && expected.includes(symbol.kind)) {
      this.referenceIdents.push(ref);
      this.referenceSymbols.push(symbol);
      return symbol;
    }
    const role = roleOwner === undefined ? roleText : `${roleText} ${roleOwner}`;
    const wanted = expected.map((k) => KIND_NAMES[k].replace(/^an? /, '')).join(' or ');
    if (!symbol) {
      const candidates = [...this.symbols].filter(([, s]) => expected.includes(s.kind)).map(([n]) => n);
      const close = suggestions(ref.text, candidates);
      const hint = close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : '';
      this.sink.report('unknown-reference', ref, `Unknown ${wanted} '${ref.text}' in ${role}.${hint}`, { data: { suggestions: close, expected: [...expected] } });
      return undefined;
    }
    {
      this.sink.report('wrong-kind', ref, `'${ref.text}' is ${KIND_NAMES[symbol.kind]}, but ${role} needs ${expected.map((k) => KIND_NAMES[k]).join(' or ')}.`);
      return undefined;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ property plumbing

  /**
   * Yields the properties of a block that are allowed there and not repeated, reporting the
   * others; `duration` with `effort` is reported on the later one, which is then ignored.
   */
  private accepted(block: A.Block, place: Place): A.Property[] {
    const props = block.props;
    const out: A.Property[] = [];
    const allowed = ALLOWED[place];
    let seen = 0; // one bit per property key already accepted: no map per block
    for (let k = 0; k < props.length; k++) {
      const p = props[k];
      if (!allowed.has(p.key)) {
        this.sink.report('misplaced-property', p, `'${p.key}' is not allowed on ${PLACE_NAMES[place]}.${placeHint(p.key, place)}`);
        continue;
      }
      const bit = KEY_BITS.get(p.key)!;
      if ((seen & bit) !== 0 && !REPEATABLE.has(p.key)) {
        const earlier = out.find((x) => x.key === p.key)!;
        this.sink.report('duplicate-property', p, `'${p.key}' is already set for ${this.describe(block)}; it may appear only once.`, {
          related: [{ span: earlier, message: 'first set here' }],
        });
        continue;
      }
      if (p.key === 'duration' || p.key === 'effort') {
        const otherKey = p.key === 'duration' ? 'effort' : 'duration';
        if ((seen & KEY_BITS.get(otherKey)!) !== 0) {
          const other = out.find((x) => x.key === otherKey)!;
          this.sink.report('conflicting-properties', p, `'duration' and 'effort' exclude each other: ${this.describe(block)} already has '${other.key}'.`, {
            related: [{ span: other, message: `'${other.key}' set here` }],
          });
          continue;
        }
      }
      seen |= bit;
      out.push(p);
    }
    return out;
  }

  private describe(block: A.Block): string {
    return block.id ? `${block.kind === 'project' ? 'project' : block.kind} ${block.id.text}` : `this ${block.kind}`;
  }

  private day(lit: A.DateLit | undefined): number | undefined {
    if (!lit) return undefined;
    if (lit.day === undefined) {
      this.sink.report('invalid-date', lit, `'${lit.text}' is not a real calendar date (expected YYYY-MM-DD).`);
    }
    return lit.day;
  }

  private days(lit: A.DurationLit | undefined): number | undefined {
    if (!lit) return undefined;
    switch (lit.unit) {
      case 'h': return lit.amount / this.hours;
      case 'd': return lit.amount;
      case 'w': return lit.amount * 5;
      case 'mo': return lit.amount * 20;
    }
  }

  private money(lit: A.AmountLit | undefined): number | undefined {
    if (!lit) return undefined;
    if (lit.currency) {
      const code = lit.currency.text;
      if (!/^[A-Z]{3}$/.test(code)) {
        this.sink.report('invalid-value', lit.currency, `'${code}' is not an ISO currency code (three capital letters, like EUR).`);
      } else if (this.project.currency !== undefined && code !== this.project.currency) {
        this.sink.report('currency-mismatch', lit.currency, `This amount is in ${code}, but the project's currency is ${this.project.currency}.`);
      }
    }
    return lit.value;
  }

  private percent(lit: A.PercentLit | undefined, what: string, allowAbove100: boolean): number | undefined {
    if (!lit) return undefined;
    if (allowAbove100 ? lit.value <= 0 : lit.value < 0 || lit.value > 100) {
      this.sink.report('invalid-value', lit, allowAbove100
        ? `The ${what} must be above 0%.`
        : `The ${what} must be between 0% and 100%.`);
      return undefined;
    }
    return lit.value / 100;
  }

  // ------------------------------------------------------------------ blocks

  private bindProject(block: A.Block): void {
    const p = this.project;
    let calendarRef: A.Ident | undefined;
    // Currency first: every amount of the plan is checked against it.
    for (const prop of block.props) if (prop.key === 'currency' && prop.code && p.currency === undefined) {
      if (/^[A-Z]{3}$/.test(prop.code.text)) p.currency = prop.code.text;
    }
    for (const prop of this.accepted(block, 'project')) {
      switch (prop.key) {
        case 'start': p.startDay = this.day(prop.date); break;
        case 'deadline': p.deadlineDay = this.day(prop.date); p.deadlineProperty = prop as A.DateProperty; break;
        case 'status': p.statusDay = this.day(prop.date); break;
        case 'budget': p.budget = this.money(prop.amount); p.budgetProperty = prop; break;
        case 'currency':
          if (prop.code && !/^[A-Z]{3}$/.test(prop.code.text)) {
            this.sink.report('invalid-value', prop.code, `'${prop.code.text}' is not an ISO currency code (three capital letters, like EUR).`);
          }
          break;
        case 'calendar': calendarRef = prop.ref; break;
        case 'uses': p.uses.push(prop); break;
        case 'waive':
          p.waivers.push(prop);
          if (prop.rule) for (const id of prop.on) this.resolve(id, WAIVABLE, 'the waiver of', prop.rule!.text);
          if (prop.rule && !prop.reason) {
            this.sink.report('waiver-missing-reason', prop, `The waiver of '${prop.rule.text}' needs a reason: add it as a string, e.g. waive ${prop.rule.text} "why this is acceptable".`);
          }
          break;
        case 'quality': p.quality.push(this.quality(prop)); break;
        default: break;
      }
    }
    if (p.startDay === undefined && !block.props.some((x) => x.key === 'start')) {
      this.sink.report('missing-property', block.id ?? block.keyword, `The project needs a start date: add 'start YYYY-MM-DD'.`);
    }
    if (calendarRef) {
      const sym = this.resolve(calendarRef, CALENDAR, "the project's calendar");
      if (sym) p.calendar = this.calendars.get(sym.block.id!.text) ?? p.calendar;
    }
  }

  private bindCalendar(block: A.Block): void {
    let workdays: boolean[] | undefined;
    let hours = 8;
    const holidays: DayRange[] = [];
    for (const prop of this.accepted(block, 'calendar')) {
      if (prop.key === 'workdays') workdays = this.workdays(prop) ?? workdays;
      else if (prop.key === 'hours' && prop.value) {
        if (prop.value.value <= 0 || prop.value.value > 24) this.sink.report('invalid-value', prop.value, 'Working hours per day must be above 0 and at most 24.');
        else hours = prop.value.value;
      } else if (prop.key === 'holiday') {
        const range = this.period(prop);
        if (range) holidays.push(range);
      }
    }
    if (block.id && this.symbols.get(block.id.text)?.block === block) {
      this.calendars.set(block.id.text, new WorkCalendar(workdays ?? DEFAULT_WORKDAYS, hours, holidays));
    }
  }

  private workdays(prop: A.WorkdaysProperty): boolean[] | undefined {
    const days = [false, false, false, false, false, false, false];
    let ok = true;
    const dayIndex = (name: string, at: Span): number | undefined => {
      const i = (WEEKDAY_NAMES as readonly string[]).indexOf(name.toLowerCase());
      if (i < 0) { this.sink.report('invalid-value', at, `'${name}' is not a day name (mon tue wed thu fri sat sun).`); ok = false; return undefined; }
      return i;
    };
    for (const r of prop.days) {
      if (!r.from) continue;
      const parts = r.to ? [r.from.text, r.to.text] : r.from.text.split('-');
      if (parts.length > 2 || parts.some((x) => x === '')) {
        this.sink.report('invalid-value', r, `'${this.textOf(r)}' is not a day or a day range (like mon-fri).`);
        ok = false;
        continue;
      }
      const a = dayIndex(parts[0], r), b = parts.length === 2 ? dayIndex(parts[1], r) : a;
      if (a === undefined || b === undefined) continue;
      if (b < a) {
        this.sink.report('invalid-value', r, `The day range ${parts[0]}-${parts[1]} runs backwards: ranges go from Monday towards Sunday, so split it in two (e.g. ${parts[0]}-sun, ${parts[1] === 'mon' ? 'mon' : `mon-${parts[1]}`}).`);
        ok = false;
        continue;
      }
      for (let d = a; d <= b; d++) days[d] = true;
    }
    if (!days.some(Boolean)) {
      if (ok) this.sink.report('invalid-value', prop, 'A calendar needs at least one working day.');
      return undefined;
    }
    return days;
  }

  private textOf(span: A.DayRangeLit): string {
    return span.to ? `${span.from?.text}-${span.to.text}` : span.from?.text ?? '';
  }

  private period(prop: A.PeriodProperty): DayRange | undefined {
    const from = this.day(prop.from);
    const to = prop.to ? this.day(prop.to) : from;
    if (from === undefined || to === undefined) return undefined;
    if (to < from) {
      this.sink.report('invalid-value', prop.to ?? prop, `The period ends (${formatDay(to)}) before it starts (${formatDay(from)}).`);
      return undefined;
    }
    return { from, to };
  }

  private bindResource(r: ResourceNode): void {
    for (const prop of this.accepted(r.block, 'resource')) {
      switch (prop.key) {
        case 'rate': {
          const rate = prop.rate;
          const value = this.money(rate?.amount);
          if (rate?.per && rate.per.text !== 'd' && rate.per.text !== 'h') {
            this.sink.report('invalid-value', rate.per, `A rate is per day (/d) or per hour (/h), not '/${rate.per.text}'.`);
          } else if (value !== undefined && rate?.per) { r.rate = value; r.per = rate.per.text as 'd' | 'h'; }
          break;
        }
        case 'capacity': r.capacity = this.percent(prop.percent, 'capacity', true) ?? r.capacity; break;
        case 'leave': { const range = this.period(prop); if (range) r.leave.push(range); break; }
        case 'calendar': {
          const sym = this.resolve(prop.ref, CALENDAR, 'the calendar of', r.id);
          if (sym) { r.calendar = this.calendars.get(sym.block.id!.text); r.calendarName = sym.block.id!.text; }
          break;
        }
        default: break;
      }
    }
  }

  private quality(prop: A.QualityProperty): { text: string; by?: number } {
    const by = this.resolve(prop.by, RESOURCE, 'the approver of a quality criterion');
    return { text: prop.text?.value ?? '', by: by?.index };
  }

  private bindTask(t: TaskNode): void {
    const place: Place = t.kind;
    for (const prop of this.accepted(t.block, place)) {
      switch (prop.key) {
        case 'start': case 'on': t.pinDay = this.day(prop.date); t.pinProperty = prop as A.DateProperty; break;
        case 'not before': t.notBeforeDay = this.day(prop.date); break;
        case 'deadline': t.deadlineDay = this.day(prop.date); t.deadlineProperty = prop as A.DateProperty; break;
        case 'duration': t.durationDays = this.days(prop.value); break;
        case 'effort': t.effortDays = this.days(prop.value); break;
        case 'after': for (const d of prop.deps) this.bindDependency(t, d); break;
        case 'assign':
          for (const a of prop.assignments) {
            const sym = this.resolve(a.resource, RESOURCE, 'the assignments of', t.id);
            const share = a.allocation ? this.percent(a.allocation, 'allocation', true) : 1;
            if (!sym || share === undefined) continue;
            if (t.assignments.some((x) => x.resource === sym.index)) {
              this.sink.report('invalid-value', a.resource!, `${a.resource!.text} is assigned to ${t.id} more than once; give one allocation.`);
              continue;
            }
            t.assignments.push({ resource: sym.index, share, ref: a.resource! });
          }
          break;
        case 'owner': { const sym = this.resolve(prop.ref, RESOURCE, 'the owner of', t.id); if (sym) t.owner = sym.index; break; }
        case 'budget': t.budget = this.money(prop.amount); t.budgetProperty = prop; break;
        case 'cost': {
          const amount = this.money(prop.amount);
          if (amount !== undefined && prop.amount) t.costs.push({ amount, label: prop.label?.value, node: prop.amount });
          break;
        }
        case 'progress': t.progress = this.percent(prop.percent, 'progress', false); break;
        case 'quality': t.quality.push(this.quality(prop)); break;
        default: break;
      }
    }
    if (t.kind === 'leaf' && t.effortDays !== undefined && t.assignments.length === 0) {
      const effort = t.block.props.find((p) => p.key === 'effort')!;
      this.sink.report('effort-without-assignee', effort, `${t.id} has an effort but nobody is assigned; it is scheduled as a duration of the same length. Add 'assign'.`);
      t.durationDays = t.effortDays;
      t.effortDays = undefined;
    }
    if (t.kind === 'leaf' && t.durationDays === undefined && t.effortDays === undefined) {
      this.sink.report('missing-estimate', t.block.id ?? t.block.keyword, `${t.id} has no duration or effort; it is scheduled for 1 day.`);
    }
  }

  private bindDependency(t: TaskNode, d: A.Dependency): void {
    const sym = this.resolve(d.target, SCHEDULABLE, 'the dependencies of', t.id);
    if (!sym) return;
    const target = sym.index;
    if (this.isAncestor(target, t.index) || this.isAncestor(t.index, target)) {
      const relation = this.isAncestor(target, t.index) ? 'contains' : 'is part of';
      this.sink.report('dependency-on-ancestor', d.target!, `${t.id} cannot depend on ${d.target!.text}: ${d.target!.text} ${relation} ${t.id}.`);
      return;
    }
    let lagDays = 0;
    if (d.lag?.duration) {
      const size = this.days(d.lag.duration) ?? 0;
      lagDays = d.lag.sign * Math.ceil(size - 1e-9);
    }
    t.deps.push({ target, startOf: d.startOf, lagDays, ref: d.target!, owner: t.index });
  }

  /** True when task `a` is a proper ancestor of task `b`. */
  private isAncestor(a: number, b: number): boolean {
    for (let p = this.tasks[b].parent; p >= 0; p = this.tasks[p].parent) if (p === a) return true;
    return false;
  }
}

export function bindPlan(doc: A.PlanDocument, sink: DiagnosticSink): PlanModel {
  return new Binder(doc, sink).bind();
}
