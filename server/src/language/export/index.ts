/** The export formats of `planc export` (and the editor's "Export Timeline…"), from an analysed plan. */
import type { PlanAnalysis } from '../analyze';
import { scheduleCsv, scheduleReport } from '../report';
import { htmlPage } from './html';
import { icsCalendar } from './ics';
import { mermaidGantt } from './mermaid';
import { exportModel } from './model';
import { svgGantt } from './svg';

export const EXPORT_FORMATS = ['mermaid', 'html', 'svg', 'csv', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions { markdown?: boolean; icsStamp?: string }

export function renderExport(analysis: PlanAnalysis, format: ExportFormat, options: ExportOptions = {}): string {
  if (format === 'csv') return scheduleCsv(scheduleReport(analysis));
  const m = exportModel(analysis);
  switch (format) {
    case 'mermaid': return mermaidGantt(m, { markdown: options.markdown });
    case 'svg': return '<?xml version="1.0" encoding="UTF-8"?>\n' + svgGantt(m);
    case 'html': return htmlPage(m);
    case 'ics': return icsCalendar(m, { stamp: options.icsStamp });
  }
}

export { exportModel, htmlPage, icsCalendar, mermaidGantt, svgGantt };
