/** `planc check [FILES|DIRS…]`: diagnostics of plans and policies, for people and for CI. */
import * as path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../language/diagnostics';
import { locate } from '../language/lsp';
import { LineIndex } from '../language/text';
import { choice, lastValue, parseArgs, type OptionSpec } from './args';
import { shouldColor } from './color';
import { errorMessage, InternalError, UsageError } from './errors';
import { collectInputs, compareStrings, readText, type InputFile } from './files';
import { countSeverities, FORMATS, formatGithub, formatJson, formatSarif, formatText, type FileResult, type ReportedDiagnostic } from './format';
import type { Io } from './io';
import { namedRoots, PolicyContext, shownPolicyPath } from './policy';
import { VERSION } from './version';

export const CHECK_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'policy', short: 'p', value: true },
  { name: 'quiet', short: 'q' },
  { name: 'show-waived' },
  { name: 'max-warnings', value: true },
  { name: 'color' },
  { name: 'no-color' },
  { name: 'help', short: 'h' },
];

/** Locates and sorts one file's diagnostics (plus, with --show-waived, its waived violations). */
function fileResult(file: { path: string; absolute: string }, diagnostics: Diagnostic[], lines: LineIndex, waived: { diagnostic: Diagnostic; reason: string }[] = []): FileResult {
  const items = [
    ...diagnostics.map((d) => ({ d, reason: undefined as string | undefined })),
    ...waived.map((w) => ({ d: w.diagnostic, reason: w.reason })),
  ].sort((a, b) => compareDiagnostics(a.d, b.d));
  return {
    file: file.path,
    absolute: file.absolute,
    diagnostics: items.map(({ d, reason }) => {
      const located: ReportedDiagnostic = locate(d, lines);
      if (reason !== undefined) located.waived = reason;
      if (typeof d.data?.docs === 'string') located.docs = d.data.docs;
      return located;
    }),
  };
}

/**
 * Checks the inputs: plans with the policies they use (and the `--policy` files), policy files with
 * everything they extend. Problems inside policy files are reported in those files, once each.
 */
export function checkInputs(inputs: readonly InputFile[], context: PolicyContext, options: { showWaived?: boolean } = {}): FileResult[] {
  const results = new Map<string, FileResult>();
  for (const file of inputs) {
    if (file.kind !== 'plan') continue;
    const text = readText(file);
    let result: FileResult;
    try {
      const checked = context.checkPlan(text, file.absolute);
      const waived = options.showWaived ? checked.waived.map((w) => ({ diagnostic: w.diagnostic, reason: w.waiver.reason?.value ?? '' })) : [];
      result = fileResult(file, checked.diagnostics, checked.analysis.lines, waived);
    } catch (e) {
      throw new InternalError(`${errorMessage(e)} (while checking ${file.path})`, { cause: e });
    }
    results.set(file.absolute, result);
  }
  for (const file of inputs) {
    if (file.kind !== 'policy') continue;
    readText(file); // an unreadable policy named on the command line is an input error (exit 2)
    try {
      context.checkPolicyFile(file.absolute);
    } catch (e) {
      throw new InternalError(`${errorMessage(e)} (while checking ${file.path})`, { cause: e });
    }
  }
  const byPath = new Map(inputs.map((f) => [f.absolute, f]));
  for (const [absolute, pf] of context.files) {
    const input = byPath.get(absolute);
    if (!input && pf.diagnostics.length === 0) continue;
    const shown = input ?? { path: shownPolicyPath(absolute, context.cwd), absolute };
    results.set(absolute, fileResult(shown, dedupe(pf.diagnostics), new LineIndex(pf.text)));
  }
  // Policy inputs that could not be loaded at all still appear (as clean files).
  for (const file of inputs) if (!results.has(file.absolute)) results.set(file.absolute, { file: file.path, absolute: file.absolute, diagnostics: [] });
  return [...results.values()].sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.absolute, b.absolute));
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.start}:${d.end}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
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

  const showWaived = parsed.flags.has('show-waived');
  const policyArgs = parsed.values.get('policy') ?? [];
  const inputs = collectInputs(parsed.positionals, policyArgs, io.cwd);
  const context = new PolicyContext(io.cwd, policyArgs.map((p) => path.resolve(io.cwd, p)), [...namedRoots(parsed.positionals, io.cwd), ...policyArgs.map((p) => path.dirname(path.resolve(io.cwd, p)))]);
  const results = checkInputs(inputs, context, { showWaived });
  const counts = countSeverities(results);
  // --quiet reports errors only; warnings still count for --max-warnings.
  const shown = quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error' && d.waived === undefined) })) : results;

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
