/**
 * A CodeLens above the project block with the plan's outcome in one line:
 * `ends 2027-05-19 · 249,340 of 290,000 EUR · 28 working days before the deadline`.
 * It only informs: its command is empty (title only), so no client needs to register anything.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import { formatDay } from '../language/dates';
import type { PlanContext } from './context';

function money(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** The lens text (undefined without a project block). */
function projectSummary(ctx: PlanContext): string | undefined {
  const { model, schedule, costs } = ctx.analysis;
  const p = model.project;
  if (!p.block) return undefined;
  const parts: string[] = [];
  const tl = schedule.timeline;
  const endIdx = schedule.projectEndPt >= 0 ? schedule.projectEndPt >> 1 : undefined;
  const endDay = tl && endIdx !== undefined ? tl.dayOf(endIdx) : undefined;
  parts.push(endDay !== undefined ? `ends ${formatDay(endDay)}` : 'not scheduled');
  const code = p.currency ? ` ${p.currency}` : '';
  const cost = costs.projectCost;
  if (p.budget !== undefined) {
    const over = cost - p.budget;
    parts.push(`${money(cost)} of ${money(p.budget)}${code}${over > 0.005 ? ` (over by ${money(over)})` : ''}`);
  } else parts.push(`cost ${money(cost)}${code}`);
  if (tl && endIdx !== undefined && p.deadlineDay !== undefined) {
    const slack = tl.floorIndex(p.deadlineDay) - endIdx;
    parts.push(slack > 0 ? `${days(slack)} before the deadline` : slack === 0 ? 'ends on the deadline' : `misses the deadline by ${days(-slack)}`);
  }
  return parts.join(' · ');
}

export function codeLenses(ctx: PlanContext): CodeLens[] {
  const block = ctx.analysis.model.project.block;
  const title = projectSummary(ctx);
  if (!block || title === undefined) return [];
  const range = ctx.analysis.lines.range({ start: block.keyword.start, end: block.id?.end ?? block.keyword.end });
  return [{ range, command: { title, command: '' } }];
}
