/**
 * The schedule as a mermaid gantt (renders on GitHub in a ```mermaid block). Every bar has an explicit
 * start and an explicit exclusive end date (mermaid's end is exclusive: our inclusive end + 1 day); no
 * `after`, no `excludes`, no durations, so mermaid never does date arithmetic of its own.
 */
import { escapeMermaid } from './escape';
import { nextDay, type ExportModel } from './model';

export interface MermaidOptions { /** Wrap in a ```mermaid fence (for Markdown files). */ markdown?: boolean }

function comment(s: string): string { return s.replace(/[\r\n]+/g, ' '); }

export function mermaidGantt(m: ExportModel, options: MermaidOptions = {}): string {
  const lines: string[] = ['gantt', `  title ${escapeMermaid(m.project.name)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d'];
  // mermaid's own marker shows the real today; the plan's status date is drawn as a milestone instead.
  lines.push('  todayMarker off');
  let n = 0;
  /** 'group' inside a top-level group's section, 'plan' in the section for top-level tasks, null before any. */
  let section: 'group' | 'plan' | null = null;
  const unscheduled: string[] = [];
  for (const t of m.tasks) {
    if (t.depth === 0) {
      if (t.kind === 'group') { section = 'group'; lines.push(`  section ${escapeMermaid(t.name)}`); continue; }
      if (section !== 'plan') { section = 'plan'; lines.push(`  section ${escapeMermaid(m.project.name)}`); }
    }
    if (t.start === null || t.end === null) {
      unscheduled.push(`  %% unscheduled: ${comment(t.id)} (${escapeMermaid(t.name)}): ${escapeMermaid(t.unscheduledReason ?? '')}`);
      continue;
    }
    const tags: string[] = [];
    if (t.critical) tags.push('crit');
    if (t.progress !== null && t.progress >= 1) tags.push('done');
    else if (t.progress !== null && t.progress > 0) tags.push('active');
    if (t.kind === 'milestone') tags.push('milestone');
    const id = `t${++n}`;
    const end = t.kind === 'milestone' ? t.start : nextDay(t.end);
    const prefix = t.kind === 'group' ? '▸ ' : '';
    // No space before the colon: mermaid keeps the task text untrimmed.
    lines.push(`    ${escapeMermaid(prefix + t.name)}:${[...tags, id, t.start, end].join(', ')}`);
  }
  const marks: string[] = [];
  if (m.project.status) marks.push(`    ${escapeMermaid(`Status date ${m.project.status}`)}:milestone, status, ${m.project.status}, ${m.project.status}`);
  if (m.project.deadline) marks.push(`    ${escapeMermaid(`Deadline ${m.project.deadline}`)}:milestone, deadline, ${m.project.deadline}, ${m.project.deadline}`);
  if (marks.length) { lines.push('  section Dates'); lines.push(...marks); }
  if (unscheduled.length) lines.push('  %% Tasks that could not be scheduled:', ...unscheduled);
  const text = lines.join('\n') + '\n';
  return options.markdown ? '```mermaid\n' + text + '```\n' : text;
}
