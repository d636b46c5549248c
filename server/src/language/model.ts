/**
 * The bound plan: what the binder makes of the syntax tree. Tasks and milestones are numbered
 * in document order (a group before its children) so later phases work over plain arrays.
 */
import type * as A from './ast';
import type { WorkCalendar } from './calendar';

export type NodeKind = 'leaf' | 'group' | 'milestone';

export interface BoundDependency {
  /** Index of the task or milestone depended on. */
  target: number;
  startOf: boolean;
  /** Signed lag in whole working days (leads negative), already rounded up in size. */
  lagDays: number;
  /** The reference in the text, for diagnostics. */
  ref: A.Ident;
  owner: number;
}

export interface BoundAssignment {
  resource: number;
  /** Allocation as a fraction (50% → 0.5). */
  share: number;
  ref: A.Ident;
}

export interface CostItem { amount: number; label?: string; node: A.AmountLit }

export class TaskNode {
  kind: NodeKind;
  parent = -1;
  children: number[] = [];
  depth = 0;
  deps: BoundDependency[] = [];
  assignments: BoundAssignment[] = [];
  /** Person-days each assignee books (parallel to `assignments`), set by the cost phase. */
  booked: number[] = [];
  /** Working days of the estimate (`duration`, or `effort` without assignees); undefined when missing. */
  durationDays: number | undefined = undefined;
  effortDays: number | undefined = undefined;
  /** Pinned `start` (leaf/group) or `on` (milestone): the date and its property. */
  pinDay: number | undefined = undefined;
  pinProperty: A.DateProperty | undefined = undefined;
  notBeforeDay: number | undefined = undefined;
  deadlineDay: number | undefined = undefined;
  deadlineProperty: A.DateProperty | undefined = undefined;
  budget: number | undefined = undefined;
  budgetProperty: A.BudgetProperty | undefined = undefined;
  costs: CostItem[] = [];
  progress: number | undefined = undefined;
  owner: number | undefined = undefined;
  quality: { text: string; by?: number }[] = [];

  constructor(readonly index: number, readonly block: A.Block, readonly id: string, readonly name: string) {
    this.kind = block.kind === 'milestone' ? 'milestone' : block.children.length > 0 ? 'group' : 'leaf';
  }
}

export class ResourceNode {
  rate: number | undefined = undefined;
  per: 'd' | 'h' = 'd';
  /** Share of a full day (100% → 1). */
  capacity = 1;
  leave: { from: number; to: number }[] = [];
  calendar: WorkCalendar | undefined = undefined;
  calendarName: string | undefined = undefined;
  constructor(readonly index: number, readonly block: A.Block, readonly id: string, readonly name: string) {}
}

export type SymbolKind = 'task' | 'milestone' | 'resource' | 'calendar';

export interface PlanSymbol { kind: SymbolKind; block: A.Block; index: number }

export interface ProjectInfo {
  block: A.Block | undefined;
  id: string;
  name: string;
  startDay: number | undefined;
  deadlineDay: number | undefined;
  deadlineProperty: A.DateProperty | undefined;
  statusDay: number | undefined;
  currency: string | undefined;
  budget: number | undefined;
  budgetProperty: A.BudgetProperty | undefined;
  calendar: WorkCalendar;
  uses: A.UsesProperty[];
  waivers: A.WaiveProperty[];
  quality: { text: string; by?: number }[];
}

export interface PlanModel {
  project: ProjectInfo;
  tasks: TaskNode[];
  resources: ResourceNode[];
  calendars: Map<string, WorkCalendar>;
  symbols: Map<string, PlanSymbol>;
  /**
   * Every resolved reference, for go-to-definition, references and rename: `referenceIdents[k]`
   * names `referenceSymbols[k]` (parallel arrays: no object per reference on the hot path).
   */
  referenceIdents: A.Ident[];
  referenceSymbols: PlanSymbol[];
}
