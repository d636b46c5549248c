// The hover text of a task (both renderers): name and id, dates, slack or critical, progress, deadline, cost.
import type { TimelineModel, TimelineTask } from '../../../server/src/language/timeline/types';

export function money(amount: number, currency: string | null): string {
  const s = amount.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return currency ? `${s} ${currency}` : s;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function taskTooltip(t: TimelineTask, model: TimelineModel): string {
  const parts = [t.name === t.id ? t.id : `${t.name} (${t.id})`];
  if (t.start === null) parts.push(`Not scheduled: ${t.unscheduledReason ?? ''}`);
  else if (t.kind === 'milestone') parts.push(`Milestone: ${t.start}`);
  else parts.push(`${t.start} – ${t.end} (${plural(t.duration ?? 0, 'working day')})`);
  if (t.critical) parts.push('Critical');
  else if (t.slack !== null) parts.push(`Slack: ${plural(t.slack, 'working day')}`);
  if (t.progress !== null) parts.push(`Progress: ${Math.round(t.progress * 100)}%`);
  if (t.deadline) parts.push(`Deadline: ${t.deadline}${t.late ? ' (late)' : ''}`);
  if (t.resources.length) parts.push(`Resources: ${t.resources.join(', ')}`);
  if (t.cost) parts.push(`Cost: ${money(t.cost, model.project.currency)}${t.budget !== null ? ` of ${money(t.budget, model.project.currency)} budget` : ''}`);
  return parts.join('\n');
}
