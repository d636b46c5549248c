/** Dispatch of `planc` commands; every failure becomes one `planc: …` line and an exit code. */
import { runCheck } from './check';
import { runExport } from './export';
import { errorMessage, InputError, InternalError, UsageError } from './errors';
import type { Io } from './io';
import { runLsp } from './lsp';
import { runReport } from './report';
import { runSchedule } from './schedule';
import { commandHelp, generalHelp, isCommand, NOT_YET_AVAILABLE } from './usage';
import { VERSION } from './version';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end >= 0 ? args.slice(0, end) : args).some((a) => a === '--help' || a === '-h');
}

function dispatch(argv: readonly string[], io: Io): number {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`missing command (see 'planc --help')`);
  if (first === '--help' || first === '-h') { io.out(generalHelp()); return EXIT_OK; }
  if (first === '--version' || first === '-v' || first === '-V') { io.out(VERSION + '\n'); return EXIT_OK; }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) { io.out(generalHelp()); return EXIT_OK; }
    if (!isCommand(topic)) throw new UsageError(`unknown command '${topic}' (see 'planc --help')`);
    io.out(commandHelp(topic));
    return EXIT_OK;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}' (see 'planc --help')`);
  if (!isCommand(first)) throw new UsageError(`unknown command '${first}' (see 'planc --help')`);
  if (wantsHelp(rest)) { io.out(commandHelp(first)); return EXIT_OK; }
  if (NOT_YET_AVAILABLE.has(first)) throw new UsageError(`'${first}' is not available in this version`);

  switch (first) {
    case 'check': return runCheck(rest, io);
    case 'schedule': return runSchedule(rest, io);
    case 'lsp': return runLsp(rest, io);
    case 'report': return runReport(rest, io);
    case 'export': return runExport(rest, io);
  }
  throw new UsageError(`'${first}' is not available in this version`);
}

/** Runs planc with the given arguments; returns the exit code. Never throws. */
export function main(argv: readonly string[], io: Io): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    return reportFailure(e, io);
  }
}

export function reportFailure(e: unknown, io: Pick<Io, 'err' | 'env'>): number {
  if (e instanceof UsageError || e instanceof InputError) {
    io.err(`planc: ${errorMessage(e)}\n`);
  } else {
    io.err(`planc: internal error: ${errorMessage(e)}\n`);
    // Developers can ask for the stack; users never see one.
    if (io.env.PLANC_DEBUG) io.err(String((e instanceof InternalError && e.cause instanceof Error ? e.cause : (e as Error))?.stack ?? e) + '\n');
  }
  return EXIT_USAGE;
}
