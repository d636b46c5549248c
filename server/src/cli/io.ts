/** What a command may touch of the process: output streams, the working directory, the environment. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours in text output). */
  stdoutIsTTY: boolean;
}

export function processIo(): Io {
  return {
    out: (text) => { if (text) process.stdout.write(text); },
    err: (text) => { if (text) process.stderr.write(text); },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}
