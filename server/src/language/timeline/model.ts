/**
 * The timeline model (types.ts) of an analysed plan: the schedule report's tasks (as the exports see
 * them) with their place in the plan, the weeks the plan spans, resource load per week and the budget picture. Pure and linear in the
 * size of the plan plus the days it spans; a plan that cannot be scheduled still gets a model, with null
 * dates and the reason.
 */
import type { PlanAnalysis } from '../analyze';
import { exportModel } from '../export/model';
import type { PlanModel } from '../model';
import type { Schedule } from '../schedule';
import { scheduleReport } from '../report';
import { formatDay } from '../dates';
import { budgetView } from './budget';
import { resourceLoad } from './resourceLoad';
import type { TimelineModel, TimelineTask } from './types';
import { weekGrid, type WeekGrid } from './weeks';

export function timelineModel(analysis: PlanAnalysis, uri: string, version: number | null): TimelineModel {
  const { model, schedule, lines } = analysis;
  const report = scheduleReport(analysis);
  // The export model's reasons for tasks without dates (its other fields are the report's and the
  // plan's own); built only when some task has no dates, as it copies every task.
  const reasons = report.tasks.some((t) => t.start === null) ? exportModel(analysis).tasks.map((t) => t.unscheduledReason) : undefined;
  const tasks = report.tasks.map((t, i): TimelineTask => {
    const node = model.tasks[i];
    const block = node.block;
    const at = lines.position(block.id?.start ?? block.keyword.start);
    const endLine = lines.position(block.close ?? Math.max(block.start, block.end - 1)).line;
    const resources: string[] = [];
    for (const a of node.assignments) {
      const id = model.resources[a.resource].id;
      if (!resources.includes(id)) resources.push(id);
    }
    const deadline = node.deadlineDay !== undefined ? formatDay(node.deadlineDay) : null;
    return {
      id: t.id,
      name: t.name,
      kind: t.kind,
      parent: node.parent,
      depth: node.depth,
      start: t.start,
      end: t.end,
      duration: t.duration,
      slack: t.slack,
      critical: t.critical,
      progress: node.progress ?? null,
      deadline,
      late: t.end !== null && deadline !== null && t.end > deadline,
      effort: t.effort,
      cost: t.cost,
      budget: t.budget,
      resources,
      after: node.deps.map((d) => ({ task: d.target, startOf: d.startOf })),
      unscheduledReason: t.start === null ? unscheduledReason(model, schedule, i, reasons?.[i] ?? null) : null,
      line: at.line,
      character: at.character,
      endLine,
    };
  });
  const grid = gridOf(analysis);
  let errors = 0, warnings = 0;
  for (const d of analysis.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  const p = report.project, plan = model.project;
  return {
    uri,
    version,
    project: {
      id: p.id, name: p.name, start: p.start, end: p.end,
      deadline: plan.deadlineDay !== undefined ? formatDay(plan.deadlineDay) : null,
      status: plan.statusDay !== undefined ? formatDay(plan.statusDay) : null,
      cost: p.cost, budget: p.budget, currency: p.currency,
    },
    tasks,
    weeks: Array.from({ length: grid.count }, (_, w) => formatDay(grid.firstMonday + 7 * w)),
    resources: resourceLoad(analysis, grid),
    budget: budgetView(analysis, grid),
    problems: { errors, warnings },
  };
}

/** The weeks from the earliest to the latest of: project start and end, task dates, deadline, status date. */
function gridOf(analysis: PlanAnalysis): WeekGrid {
  const { model, schedule } = analysis;
  const tl = schedule.timeline;
  const days: number[] = [];
  if (schedule.projectStartDay !== undefined) days.push(schedule.projectStartDay);
  if (model.project.deadlineDay !== undefined) days.push(model.project.deadlineDay);
  if (model.project.statusDay !== undefined) days.push(model.project.statusDay);
  if (tl) {
    let first = Infinity, last = -Infinity;
    for (let i = 0; i < model.tasks.length; i++) {
      if (!schedule.scheduled[i]) continue;
      const s = schedule.startPt[i] >> 1, e = schedule.endPt[i] >> 1;
      if (s < first) first = s;
      if (e > last) last = e;
    }
    for (const idx of first <= last ? [first, last] : []) {
      const day = tl.dayOf(idx);
      if (day !== undefined) days.push(day);
    }
  }
  return weekGrid(days, tl);
}

/** Why a task has no dates, in words a manager can act on. */
function unscheduledReason(model: PlanModel, schedule: Schedule, index: number, fromExport: string | null): string {
  if (!schedule.timeline) {
    return model.project.startDay === undefined
      ? 'the project has no start date'
      : 'the project calendar has no working days';
  }
  if (schedule.scheduled[index]) return 'its dates are after the year 9999';
  const inCycle = schedule.cycles.some((c) => c.members.includes(index));
  if (inCycle && fromExport) return fromExport;
  const task = model.tasks[index];
  if (task.kind === 'group') return 'none of its tasks can be scheduled';
  for (let i = index; i >= 0; i = model.tasks[i].parent) {
    for (const d of model.tasks[i].deps) {
      if (!schedule.scheduled[d.target]) return `waits for ${model.tasks[d.target].id}, which cannot be scheduled`;
    }
  }
  return fromExport ?? 'cannot be scheduled (see the plan\'s errors)';
}
