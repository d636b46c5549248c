/**
 * iCalendar (RFC 5545): one all-day VEVENT per scheduled task and milestone (DTSTART;VALUE=DATE, DTEND
 * exclusive: the day after the last working day), UID `<id>@plan-as-code` (stable across exports), CRLF
 * line ends, lines folded at 75 octets, TEXT values escaped.
 */
import { escapeIcsText, foldIcsLine } from './escape';
import { money, nextDay, type ExportModel } from './model';

const compact = (iso: string) => iso.replace(/-/g, '');

export interface IcsOptions { /** DTSTAMP (UTC, `YYYYMMDDTHHMMSSZ`); default now. */ stamp?: string }

export function icsCalendar(m: ExportModel, options: IcsOptions = {}): string {
  const stamp = options.stamp ?? new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Plan as Code//planc export//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(m.project.name)}`];
  const cur = m.project.currency;
  for (const t of m.tasks) {
    if (t.start === null || t.end === null) continue;
    const desc: string[] = [t.kind === 'milestone' ? `Milestone on ${t.start}` : `${t.start} to ${t.end} (${t.duration} working day${t.duration === 1 ? '' : 's'})`];
    if (t.kind === 'group') desc.push('Group');
    if (t.critical) desc.push('Critical');
    if (t.progress !== null) desc.push(`Progress ${Math.round(t.progress * 100)}%`);
    if (t.deadline) desc.push(`Deadline ${t.deadline}`);
    desc.push(`Cost ${money(t.cost, cur)}${t.budget !== null ? ` (budget ${money(t.budget, cur)})` : ''}`);
    desc.push(`Project: ${m.project.name}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(t.id)}@plan-as-code`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(t.start)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(t.end))}`,
      `SUMMARY:${escapeIcsText(t.name)}`,
      `DESCRIPTION:${escapeIcsText(desc.join('\n'))}`,
      ...(t.critical ? ['CATEGORIES:Critical'] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
