/** `planc export FILE --format mermaid|html|svg|csv|ics [-o OUT] [--markdown]`: the timeline of one plan. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../language/analyze';
import { EXPORT_FORMATS, renderExport } from '../language/export/index';
import { choice, lastValue, parseArgs, type OptionSpec } from './args';
import { errorMessage, InputError, InternalError, UsageError } from './errors';
import { reason, readText, singleFile } from './files';
import type { Io } from './io';

export const EXPORT_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'markdown' },
  { name: 'help', short: 'h' },
];

export function runExport(args: readonly string[], io: Io): number {
  const parsed = parseArgs(args, EXPORT_OPTIONS, 'export');
  if (lastValue(parsed, 'format') === undefined) throw new UsageError(`'planc export' needs --format (${EXPORT_FORMATS.join(', ')}) (see 'planc help export')`);
  const format = choice(parsed, 'format', EXPORT_FORMATS, 'mermaid', 'export');
  if (parsed.flags.has('markdown') && format !== 'mermaid') throw new UsageError(`option '--markdown' goes with --format mermaid (see 'planc help export')`);
  if (parsed.positionals.length === 0) throw new UsageError(`'planc export' needs a .plan file (see 'planc help export')`);
  if (parsed.positionals.length > 1) throw new UsageError(`'planc export' takes one .plan file, not ${parsed.positionals.length} (see 'planc help export')`);
  const output = lastValue(parsed, 'output');

  const file = singleFile(parsed.positionals[0], io.cwd);
  if (file.kind === 'policy') throw new InputError(`'${file.path}' is a policy file; 'planc export' needs a .plan file`);
  const text = readText(file);

  let rendered: string;
  let errors: number;
  try {
    const analysis = analyzePlan(text);
    errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    rendered = renderExport(analysis, format, { markdown: parsed.flags.has('markdown') });
  } catch (e) {
    throw new InternalError(`${errorMessage(e)} (while exporting ${file.path})`, { cause: e });
  }

  if (output === undefined || output === '-') {
    io.out(rendered);
  } else {
    try {
      fs.writeFileSync(path.resolve(io.cwd, output), rendered, 'utf8');
    } catch (e) {
      throw new InputError(`cannot write '${output}': ${reason(e)}`);
    }
  }
  if (errors > 0) io.err(`planc: ${file.path} has ${errors} error${errors === 1 ? '' : 's'}; the export may be incomplete\n`);
  return 0;
}
