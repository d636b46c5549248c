/** Whether text output is coloured: `--color`/`--no-color`, else FORCE_COLOR, else NO_COLOR, else a TTY. */
export function shouldColor(env: Record<string, string | undefined>, isTTY: boolean, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

const CODES = { red: 31, yellow: 33, cyan: 36, gray: 90 } as const;

export function paint(text: string, color: keyof typeof CODES, enabled: boolean): string {
  return enabled ? `\x1b[${CODES[color]}m${text}\x1b[39m` : text;
}
