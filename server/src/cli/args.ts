/**
 * Command-line option parsing: `--name value`, `--name=value`, short aliases (`-f json`),
 * repeatable options, and `--` to end options. Every mistake is a UsageError naming the option.
 */
import { UsageError } from './errors';

export interface OptionSpec {
  /** Long name without the dashes (`format`). */
  name: string;
  /** One-letter alias without the dash (`f`). */
  short?: string;
  /** Takes a value (`--format json`); otherwise a flag. */
  value?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  /** Values of value options in the order given (repeatable options keep them all). */
  values: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const parsed: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() };
  const hint = `(see 'planc help ${command}')`;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { parsed.positionals.push(...args.slice(i + 1)); break; }
    if (arg === '-' || !arg.startsWith('-')) { parsed.positionals.push(arg); continue; }

    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) inline = arg.slice(eq + 1);
      spec = byLong.get(name);
    } else if (arg.length === 2) {
      spec = byShort.get(arg[1]);
    }
    const shown = inline === undefined ? arg : arg.slice(0, arg.indexOf('='));
    if (!spec) throw new UsageError(`unknown option '${shown}' for 'planc ${command}' ${hint}`);

    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`option '--${spec.name}' takes no value ${hint}`);
      parsed.flags.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      // A following option is not a value (`--format --quiet`), but a negative number is (`--max-warnings -1`).
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) {
        throw new UsageError(`option '--${spec.name}' needs a value ${hint}`);
      }
      value = next;
      i++;
    }
    if (value === '') throw new UsageError(`option '--${spec.name}' needs a value ${hint}`);
    const list = parsed.values.get(spec.name) ?? [];
    list.push(value);
    parsed.values.set(spec.name, list);
  }
  return parsed;
}

/** The last value given for an option (later options override earlier ones). */
export function lastValue(parsed: ParsedArgs, name: string): string | undefined {
  const list = parsed.values.get(name);
  return list ? list[list.length - 1] : undefined;
}

/** A value that must be one of a fixed set (`--format`). */
export function choice<T extends string>(parsed: ParsedArgs, name: string, allowed: readonly T[], fallback: T, command: string): T {
  const value = lastValue(parsed, name);
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${name} '${value}' for 'planc ${command}' (expected ${allowed.join(', ')})`);
}
