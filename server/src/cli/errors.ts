/** Failures the CLI reports as one `planc: …` line on stderr, with exit code 2. */

/** The command line itself is wrong: unknown command, option or format, a missing value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input cannot be read: a missing file, a directory without plans, a permission problem. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The core failed on an input: reported as `planc: internal error: …` naming the file. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** The first line of an error's message, whatever was thrown (stack traces never reach the user). */
export function errorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const line = raw.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.trim() || (e instanceof Error ? e.name : 'unknown error');
}
