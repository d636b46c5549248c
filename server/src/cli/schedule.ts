/** `planc schedule FILE [--format json|csv]`: the computed schedule of one plan. */
import { analyzePlan } from '../language/analyze';
import { scheduleCsv, scheduleReport } from '../language/report';
import { choice, parseArgs, type OptionSpec } from './args';
import { errorMessage, InputError, InternalError, UsageError } from './errors';
import { readText, singleFile } from './files';
import type { Io } from './io';

export const SCHEDULE_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'help', short: 'h' },
];

const SCHEDULE_FORMATS = ['json', 'csv'] as const;

export function runSchedule(args: readonly string[], io: Io): number {
  const parsed = parseArgs(args, SCHEDULE_OPTIONS, 'schedule');
  const format = choice(parsed, 'format', SCHEDULE_FORMATS, 'json', 'schedule');
  if (parsed.positionals.length === 0) throw new UsageError(`'planc schedule' needs a .plan file (see 'planc help schedule')`);
  if (parsed.positionals.length > 1) throw new UsageError(`'planc schedule' takes one .plan file, not ${parsed.positionals.length} (see 'planc help schedule')`);

  const file = singleFile(parsed.positionals[0], io.cwd);
  if (file.kind === 'policy') throw new InputError(`'${file.path}' is a policy file; 'planc schedule' needs a .plan file`);
  const text = readText(file);

  let output: string;
  let errors: number;
  try {
    const analysis = analyzePlan(text);
    errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    const report = scheduleReport(analysis);
    output = format === 'csv' ? scheduleCsv(report) : JSON.stringify(report, null, 2) + '\n';
  } catch (e) {
    throw new InternalError(`${errorMessage(e)} (while scheduling ${file.path})`, { cause: e });
  }

  if (errors > 0) io.err(`planc: ${file.path} has ${errors} error${errors === 1 ? '' : 's'}; the schedule may be incomplete\n`);
  io.out(output);
  return 0;
}
