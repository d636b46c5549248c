/**
 * What the timeline preview draws: the schedule the server computed, plus resource load per week and the
 * budget picture. Plain JSON (sent by `planAsCode/timeline`), produced by `timelineModel` in ./model.ts and
 * read by the webview (client/webview/) and the exports. Dates are YYYY-MM-DD strings, ends inclusive.
 */

export type TimelineTaskKind = 'leaf' | 'group' | 'milestone';

export interface TimelineTask {
  id: string;
  name: string;
  kind: TimelineTaskKind;
  /** Index of the parent in `TimelineModel.tasks`; -1 for top-level tasks. Parents come before children. */
  parent: number;
  /** 0 for top-level tasks. */
  depth: number;
  /** First working day (milestones: their date); null when the task has no dates (see `unscheduledReason`). */
  start: string | null;
  /** Last working day, inclusive (milestones: = start). */
  end: string | null;
  /** Working days (milestones 0). */
  duration: number | null;
  /** Working days of slack; null when unscheduled. */
  slack: number | null;
  critical: boolean;
  /** 0..1, or null when the plan gives no progress. */
  progress: number | null;
  /** The task's own deadline, or null. */
  deadline: string | null;
  /** Ends after its own deadline. */
  late: boolean;
  /** Person-days (groups: sum of their children). */
  effort: number;
  /** Total cost (groups include their children). */
  cost: number;
  budget: number | null;
  /** Resource ids assigned to the task (leaves only), in plan order. */
  resources: string[];
  /**
   * What the task waits for (its `after` list): indices in `TimelineModel.tasks`, `startOf` for
   * `after start of x` (it follows x's start, not its end). The chart draws them as arrows.
   */
  after: { task: number; startOf: boolean }[];
  /** Why the task has no dates (a dependency cycle, no project start, …); null when scheduled. */
  unscheduledReason: string | null;
  /** Where the task's id is in the plan (0-based): the place "reveal" selects. */
  line: number;
  character: number;
  /** Last line of the task's block (0-based), for mapping the cursor to the innermost task. */
  endLine: number;
}

export interface ResourceWeek {
  /** Monday of the week (YYYY-MM-DD); one of `TimelineModel.weeks`. */
  week: string;
  /** Person-days booked in the week (each working day of a booking counts its share, days on leave included). */
  booked: number;
  /** Person-days the resource can give in the week: capacity × its working days (leave and its calendar excluded). */
  available: number;
  /** Highest booked share on one day of the week, as a fraction of capacity (1 = exactly full). */
  peak: number;
  /** Some day of the week is booked beyond capacity. */
  over: boolean;
  /** Indices (in `TimelineModel.tasks`) of the tasks booked in the week. */
  tasks: number[];
}

export interface TimelineResource {
  id: string;
  name: string;
  /** Share of a full day (100% → 1). */
  capacity: number;
  /** Where the resource's id is in the plan (0-based). */
  line: number;
  character: number;
  /** Only the weeks with bookings or leave (among `TimelineModel.weeks`), in week order. */
  weeks: ResourceWeek[];
  /** Some day of the plan is booked beyond capacity. */
  overallocated: boolean;
  /** Person-days booked over the whole plan. */
  booked: number;
}

export interface BudgetGroup {
  /** Index in `TimelineModel.tasks` of a top-level task (a group or a top-level leaf with cost or budget). */
  task: number;
  cost: number;
  budget: number | null;
}

export interface CostPoint {
  /** Sunday closing the week (YYYY-MM-DD). */
  date: string;
  /** Planned cost spent up to and including that week. */
  cumulative: number;
}

export interface TimelineBudget {
  currency: string | null;
  cost: number;
  budget: number | null;
  groups: BudgetGroup[];
  /**
   * Cumulative planned cost per week, one point per entry of `TimelineModel.weeks` (a leaf's cost spread
   * evenly over its working days, a milestone's on its date, a group's own fixed costs over its span).
   * Tasks without dates add nothing, so the last point is the project cost when every task is scheduled.
   */
  cumulative: CostPoint[];
}

export interface TimelineModel {
  /** The plan's URI and the document version this model was computed from (null when unknown). */
  uri: string;
  version: number | null;
  project: {
    id: string;
    name: string;
    start: string | null;
    end: string | null;
    deadline: string | null;
    /** The status date (`status`), or null. */
    status: string | null;
    cost: number;
    budget: number | null;
    currency: string | null;
  };
  /** Every task and milestone, in plan order (parents before children). */
  tasks: TimelineTask[];
  /**
   * Mondays of every week from the earliest to the latest of: project start and end, task dates, project
   * deadline and status date; in order. Empty when none of these is known (no project start, no deadline).
   * At most a century of weeks (`MAX_WEEKS` in ./weeks.ts): a plan reaching further is cut there.
   */
  weeks: string[];
  resources: TimelineResource[];
  budget: TimelineBudget;
  /** Error and warning diagnostics of the plan (the server adds those of the plan's policies). */
  problems: { errors: number; warnings: number };
}
