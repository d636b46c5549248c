/** `planc check [FILES|DIRS…]`: diagnostics of plans and policies, for people and for CI. */
import { analyzePlan } from '../language/analyze';
import { compareDiagnostics, type Diagnostic } from '../language/diagnostics';
import { locate } from '../language/lsp';
import { LineIndex } from '../language/text';
import { choice, lastValue, parseArgs, type OptionSpec } from './args';
import { shouldColor } from './color';
import { errorMessage, InternalError, UsageError } from './errors';
import { collectInputs, readText, type InputFile } from './files';
import { countSeverities, FORMATS, formatGithub, formatJson, formatSarif, formatText, type FileResult } from './format';
import type { Io } from './io';
import { checkPolicyText } from './policy';
import { VERSION } from './version';

export const CHECK_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'policy', short: 'p', value: true },
  { name: 'quiet', short: 'q' },
  { name: 'max-warnings', value: true },
  { name: 'color' },
  { name: 'no-color' },
  { name: 'help', short: 'h' },
];

/** One file's diagnostics, sorted by position, with LSP ranges. */
export function checkFile(file: InputFile): FileResult {
  const text = readText(file);
  let diagnostics: Diagnostic[];
  let lines: LineIndex;
  try {
    if (file.kind === 'policy') {
      diagnostics = checkPolicyText(text);
      lines = new LineIndex(text);
    } else {
      const analysis = analyzePlan(text);
      diagnostics = analysis.diagnostics;
      lines = analysis.lines;
    }
  } catch (e) {
    throw new InternalError(`${errorMessage(e)} (while checking ${file.path})`, { cause: e });
  }
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return { file: file.path, absolute: file.absolute, diagnostics: sorted.map((d) => locate(d, lines)) };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < -1) {
    throw new UsageError(`option '--max-warnings' needs a whole number of 0 or more (or -1 for no limit), not '${value}'`);
  }
  const n = Number(value);
  return n < 0 ? undefined : n;
}

export function runCheck(args: readonly string[], io: Io): number {
  const parsed = parseArgs(args, CHECK_OPTIONS, 'check');
  const format = choice(parsed, 'format', FORMATS, 'text', 'check');
  const maxWarnings = parseMaxWarnings(lastValue(parsed, 'max-warnings'));
  const quiet = parsed.flags.has('quiet');
  const colorFlag = parsed.flags.has('no-color') ? false : parsed.flags.has('color') ? true : undefined;

  const inputs = collectInputs(parsed.positionals, parsed.values.get('policy') ?? [], io.cwd);
  const results = inputs.map(checkFile);
  const counts = countSeverities(results);
  // --quiet reports errors only; warnings still count for --max-warnings.
  const shown = quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : results;

  switch (format) {
    case 'text': {
      const color = shouldColor(io.env, io.stdoutIsTTY, colorFlag);
      io.out(formatText(shown, { color, summary: !quiet || counts.error > 0, counts: quiet ? { ...counts, warning: 0, info: 0, hint: 0 } : counts }));
      break;
    }
    case 'json': io.out(formatJson(shown)); break;
    case 'sarif': io.out(formatSarif(shown, { cwd: io.cwd, version: VERSION })); break;
    case 'github': io.out(formatGithub(shown)); break;
  }

  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.err(`planc: too many warnings (${counts.warning}, at most ${maxWarnings} allowed)\n`);
    return 1;
  }
  return 0;
}
