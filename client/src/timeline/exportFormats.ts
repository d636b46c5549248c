/**
 * The formats of "Plan: Export Timeline…" (pure): what the pick list shows, the file extension and the
 * save dialog's filter, and the default file name beside the plan.
 */
import type { ExportFormatName } from '../../../server/src/protocol';

export interface ExportFormatInfo {
  format: ExportFormatName;
  label: string;
  description: string;
  extension: string;
  filterName: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'html', label: 'HTML page', description: 'self-contained, opens offline in any browser', extension: 'html', filterName: 'HTML page' },
  { format: 'markdown', label: 'Markdown with mermaid', description: 'a ```mermaid gantt that GitHub renders', extension: 'md', filterName: 'Markdown' },
  { format: 'mermaid', label: 'Mermaid', description: 'the gantt chart as mermaid text', extension: 'mmd', filterName: 'Mermaid' },
  { format: 'svg', label: 'SVG image', description: 'the gantt chart as a picture', extension: 'svg', filterName: 'SVG image' },
  { format: 'csv', label: 'CSV', description: 'one row per task with its dates, for spreadsheets', extension: 'csv', filterName: 'CSV' },
  { format: 'ics', label: 'iCalendar', description: 'tasks and milestones as calendar events', extension: 'ics', filterName: 'iCalendar' },
];

export function exportFormatInfo(format: string): ExportFormatInfo | undefined {
  return EXPORT_FORMATS.find((f) => f.format === format);
}

/** `website.plan` → `website-timeline.html` (the Markdown export gets `.md`): never the plan's own name. */
export function defaultExportName(planPath: string, format: ExportFormatName): string {
  const base = planPath.replace(/^.*[\\/]/, '').replace(/\.plan$/i, '') || 'plan';
  return `${base}-timeline.${exportFormatInfo(format)!.extension}`;
}
