/**
 * The facts a policy rule can read about its subject, computed from the SCHEDULED plan
 * (LANGUAGE.md, "Policy file"). Values: durations in working days, money in the plan's currency,
 * percents as fractions (40% → 0.4), dates as day numbers (days since 1970-01-01), counts as numbers.
 *
 * | fact      | type     | tasks (leaf, group, milestone)                 | resource                     | project                         |
 * |-----------|----------|------------------------------------------------|------------------------------|---------------------------------|
 * | id, name  | string   | its id and name                                | its id and name              | its id and name                 |
 * | owner     | string   | the owner's resource id; null without `owner`  | —                            | —                               |
 * | budget    | money    | its `budget`; null without one                 | —                            | its `budget`; null without one  |
 * | cost      | money    | total cost (groups include their children)    | cost of its booked work      | total cost                      |
 * | effort    | duration | person-days booked (groups: their children's) | person-days booked           | person-days booked              |
 * | duration  | duration | scheduled length in working days (milestones 0)| —                            | working days from start to end  |
 * | start,end | date     | scheduled first and last working day           | first and last day of its work | project start and end         |
 * | deadline  | date     | its `deadline`; null without one               | —                            | its `deadline`                  |
 * | slack     | duration | total float in working days                    | —                            | —                               |
 * | progress  | percent  | its `progress`; null without one               | —                            | —                               |
 * | quality   | number   | number of `quality` criteria                   | —                            | number of criteria              |
 * | approvers | number   | criteria with `by`                             | —                            | criteria with `by`              |
 * | assignees | number   | number of `assign`ed resources                 | —                            | —                               |
 * | children  | number   | number of direct subtasks and milestones       | —                            | number of top-level tasks       |
 * | critical  | bool     | on the critical path                           | —                            | —                               |
 *
 * Unscheduled tasks (in a dependency cycle, or a plan without a start) have null `start`, `end`,
 * `slack` and `duration`. A comparison with null is false (see evaluate.ts).
 */
import type { PlanAnalysis } from '../analyze';
import type { Block, DurationLit, SubjectKind } from '../ast';
import type { Span } from '../text';
import type { ResourceNode, TaskNode } from '../model';
import type { Value, ValueType } from './types';

export type FactName =
  | 'id' | 'name' | 'owner' | 'budget' | 'cost' | 'effort' | 'duration' | 'start' | 'end' | 'deadline'
  | 'slack' | 'progress' | 'quality' | 'approvers' | 'assignees' | 'children' | 'critical';

/** The kind of one subject (a `task` subject is a leaf or a group). */
export type SubjectNodeKind = 'leaf' | 'group' | 'milestone' | 'resource' | 'project';

const TASK_FACTS: FactName[] = ['id', 'name', 'owner', 'budget', 'cost', 'effort', 'duration', 'start', 'end', 'deadline',
  'slack', 'progress', 'quality', 'approvers', 'assignees', 'children', 'critical'];
const RESOURCE_FACTS: FactName[] = ['id', 'name', 'cost', 'effort', 'start', 'end'];
const PROJECT_FACTS: FactName[] = ['id', 'name', 'budget', 'cost', 'effort', 'duration', 'start', 'end', 'deadline', 'quality', 'approvers', 'children'];

export const FACT_TYPES: Record<FactName, ValueType> = {
  id: 'string', name: 'string', owner: 'string', budget: 'money', cost: 'money', effort: 'duration', duration: 'duration',
  start: 'date', end: 'date', deadline: 'date', slack: 'duration', progress: 'percent', quality: 'number',
  approvers: 'number', assignees: 'number', children: 'number', critical: 'bool',
};

export const ALL_FACTS: readonly FactName[] = TASK_FACTS;

/** Facts available for each subject kind of a rule. */
export function factsOf(kind: SubjectKind): readonly FactName[] {
  return kind === 'resource' ? RESOURCE_FACTS : kind === 'project' ? PROJECT_FACTS : TASK_FACTS;
}

/** Written properties `has PROPERTY` can test, by subject kind (the plan's allowed properties). */
const PROPERTIES: Record<SubjectKind, readonly string[]> = {
  task: ['start', 'deadline', 'after', 'duration', 'effort', 'assign', 'owner', 'budget', 'cost', 'quality', 'progress'],
  leaf: ['start', 'deadline', 'after', 'duration', 'effort', 'assign', 'owner', 'budget', 'cost', 'quality', 'progress'],
  group: ['start', 'deadline', 'after', 'owner', 'budget', 'cost', 'quality'],
  milestone: ['on', 'deadline', 'after', 'owner', 'cost', 'quality'],
  resource: ['rate', 'capacity', 'leave', 'calendar'],
  project: ['start', 'deadline', 'budget', 'quality', 'currency', 'calendar', 'status', 'uses', 'waive'],
};

export function propertiesOf(kind: SubjectKind): readonly string[] { return PROPERTIES[kind]; }

const SUBJECT_WORDS: ReadonlySet<string> = new Set(['task', 'leaf', 'group', 'milestone', 'resource']);

/** The subject kind of a rule (`each WORD` or `project`), or undefined for an unknown word. */
export function subjectKind(subject: { kind?: SubjectKind; word?: { text: string } } | undefined): SubjectKind | undefined {
  if (!subject) return undefined;
  if (subject.kind) return subject.kind;
  const w = subject.word?.text;
  return w !== undefined && SUBJECT_WORDS.has(w) ? (w as SubjectKind) : undefined;
}

/** A duration literal in working days; hours convert with the project calendar's hours per day. */
export function durationDays(lit: DurationLit, hoursPerDay: number): number {
  switch (lit.unit) {
    case 'h': return lit.amount / hoursPerDay;
    case 'w': return lit.amount * 5;
    case 'mo': return lit.amount * 20;
    default: return lit.amount;
  }
}

/** One thing a rule is evaluated on. */
export interface PolicySubject {
  kind: SubjectNodeKind;
  id: string;
  /** Where a violation is reported: the subject's id, or the `project` keyword. */
  span: Span;
  fact(name: FactName): Value;
  /** Whether the property is written in the subject's block. */
  has(property: string): boolean;
}

function blockHas(block: Block | undefined, property: string): boolean {
  if (!block) return false;
  for (const p of block.props) if (p.key === property) return true;
  return false;
}

class TaskSubject implements PolicySubject {
  readonly kind: SubjectNodeKind;
  readonly id: string;
  readonly span: Span;
  constructor(private readonly facts: PlanFacts, private readonly t: TaskNode) {
    this.kind = t.kind;
    this.id = t.id;
    this.span = t.block.id ?? t.block.keyword;
  }
  fact(name: FactName): Value { return this.facts.taskFact(this.t, name); }
  has(property: string): boolean { return blockHas(this.t.block, property); }
}

class ResourceSubject implements PolicySubject {
  readonly kind = 'resource' as const;
  readonly id: string;
  readonly span: Span;
  constructor(private readonly facts: PlanFacts, private readonly r: ResourceNode) {
    this.id = r.id;
    this.span = r.block.id ?? r.block.keyword;
  }
  fact(name: FactName): Value { return this.facts.resourceFact(this.r.index, name); }
  has(property: string): boolean { return blockHas(this.r.block, property); }
}

/** Computes facts of an analysed plan; resource totals are computed once, on first use. */
export class PlanFacts {
  private resourceTotals: { cost: Float64Array; effort: Float64Array; start: (number | null)[]; end: (number | null)[] } | undefined;

  constructor(readonly analysis: PlanAnalysis) {}

  get hoursPerDay(): number { return this.analysis.model.project.calendar.hours; }

  /** The subjects of a rule's subject kind, in plan order. */
  subjects(kind: SubjectKind): PolicySubject[] {
    const { model } = this.analysis;
    switch (kind) {
      case 'project': return [this.project()];
      case 'resource': return model.resources.map((r) => new ResourceSubject(this, r));
      default: {
        const out: PolicySubject[] = [];
        for (const t of model.tasks) {
          const match = kind === 'task' ? t.kind !== 'milestone' : t.kind === kind;
          if (match) out.push(new TaskSubject(this, t));
        }
        return out;
      }
    }
  }

  private project(): PolicySubject {
    const p = this.analysis.model.project;
    return { kind: 'project', id: p.id, span: p.block?.keyword ?? { start: 0, end: 0 }, fact: (name) => this.projectFact(name), has: (prop) => blockHas(p.block, prop) };
  }

  private dayOf(index: number): number | null {
    return this.analysis.schedule.timeline?.dayOf(index) ?? null;
  }

  taskFact(t: TaskNode, name: FactName): Value {
    const { model, schedule, costs } = this.analysis;
    const i = t.index;
    const on = schedule.scheduled[i] === 1;
    switch (name) {
      case 'id': return t.id;
      case 'name': return t.name;
      case 'owner': return t.owner !== undefined ? model.resources[t.owner]?.id ?? null : null;
      case 'budget': return t.budget ?? null;
      case 'cost': return costs.cost[i];
      case 'effort': return costs.effort[i];
      case 'duration': return on ? schedule.length[i] : null;
      case 'start': return on ? this.dayOf(schedule.startPt[i] >> 1) : null;
      case 'end': return on ? this.dayOf(schedule.endPt[i] >> 1) : null;
      case 'deadline': return t.deadlineDay ?? null;
      case 'slack': return on && !Number.isNaN(schedule.slack[i]) ? schedule.slack[i] : null;
      case 'progress': return t.progress ?? null;
      case 'quality': return t.quality.length;
      case 'approvers': return t.quality.filter((q) => q.by !== undefined).length;
      case 'assignees': return t.assignments.length;
      case 'children': return t.children.length;
      case 'critical': return schedule.critical[i] === 1;
    }
  }

  projectFact(name: FactName): Value {
    const { model, schedule, costs } = this.analysis;
    const p = model.project;
    const endPt = schedule.projectEndPt;
    switch (name) {
      case 'id': return p.id;
      case 'name': return p.name;
      case 'budget': return p.budget ?? null;
      case 'cost': return costs.projectCost;
      case 'effort': {
        let e = 0;
        for (const t of model.tasks) if (t.parent < 0) e += costs.effort[t.index];
        return e;
      }
      case 'duration': return schedule.timeline && endPt >= 0 ? (endPt >> 1) + 1 : null;
      case 'start': return schedule.projectStartDay ?? null;
      case 'end': return endPt >= 0 ? this.dayOf(endPt >> 1) : null;
      case 'deadline': return p.deadlineDay ?? null;
      case 'quality': return p.quality.length;
      case 'approvers': return p.quality.filter((q) => q.by !== undefined).length;
      case 'children': return model.tasks.filter((t) => t.parent < 0).length;
      default: return null;
    }
  }

  resourceFact(r: number, name: FactName): Value {
    const res = this.analysis.model.resources[r];
    switch (name) {
      case 'id': return res.id;
      case 'name': return res.name;
      case 'cost': return this.totals().cost[r];
      case 'effort': return this.totals().effort[r];
      case 'start': return this.totals().start[r];
      case 'end': return this.totals().end[r];
      default: return null;
    }
  }

  private totals() {
    if (this.resourceTotals) return this.resourceTotals;
    const { model, schedule } = this.analysis;
    const n = model.resources.length;
    const cost = new Float64Array(n), effort = new Float64Array(n);
    const startIdx: number[] = new Array(n).fill(Infinity), endIdx: number[] = new Array(n).fill(-Infinity);
    const hours = model.project.calendar.hours;
    for (const t of model.tasks) {
      if (t.kind !== 'leaf') continue;
      const on = schedule.scheduled[t.index] === 1;
      for (let k = 0; k < t.assignments.length; k++) {
        const a = t.assignments[k];
        const res = model.resources[a.resource];
        if (!res) continue;
        const days = t.booked[k] ?? 0;
        effort[a.resource] += days;
        if (res.rate !== undefined) cost[a.resource] += days * (res.per === 'h' ? res.rate * (res.calendar?.hours ?? hours) : res.rate);
        if (on) {
          startIdx[a.resource] = Math.min(startIdx[a.resource], schedule.startPt[t.index] >> 1);
          endIdx[a.resource] = Math.max(endIdx[a.resource], schedule.endPt[t.index] >> 1);
        }
      }
    }
    const start = startIdx.map((x) => (Number.isFinite(x) ? this.dayOf(x) : null));
    const end = endIdx.map((x) => (Number.isFinite(x) ? this.dayOf(x) : null));
    return (this.resourceTotals = { cost, effort, start, end });
  }
}
