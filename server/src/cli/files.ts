/**
 * Finding and reading the files a command works on. Directories are searched recursively for
 * `*.plan` and `*.policy` (skipping `node_modules` and dot-folders); results are sorted so output
 * is stable. Every problem is an InputError (exit 2) with a one-line message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';

export type FileKind = 'plan' | 'policy';

export interface InputFile {
  /** The path as the user gave or we found it, relative to the cwd when inside it. */
  path: string;
  absolute: string;
  kind: FileKind;
}

const SKIPPED_DIRS = new Set(['node_modules']);

/** `.policy` files are policies; anything else named explicitly is read as a plan. */
export function kindOf(file: string): FileKind {
  return file.toLowerCase().endsWith('.policy') ? 'policy' : 'plan';
}

function isSearched(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.plan') || lower.endsWith('.policy');
}

/** The path to show: relative to the cwd when the file is inside it, else as given. */
export function displayPath(given: string, cwd: string): string {
  const absolute = path.resolve(cwd, given);
  const relative = path.relative(cwd, absolute);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
  return path.normalize(given);
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/** A file-system error as a short phrase, without the path Node puts in its messages. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/^[A-Z]+: /, '').replace(/,? ?'[^']*'$/, '').split('\n')[0] || 'unreadable';
}

function statOrThrow(given: string, absolute: string): fs.Stats {
  try {
    return fs.statSync(absolute);
  } catch (e) {
    throw new InputError(`cannot read '${given}': ${reason(e)}`);
  }
}

function walk(dir: string, shown: string, found: { absolute: string; path: string }[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read directory '${shown}': ${reason(e)}`);
  }
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name);
    const child = path.join(shown, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files; never links to directories (they can loop).
      try {
        isFile = fs.statSync(absolute).isFile();
      } catch {
        isFile = false; // a dangling link is not an input
      }
      isDir = false;
    }
    if (isDir) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      walk(absolute, child, found);
    } else if (isFile && isSearched(entry.name)) {
      found.push({ absolute, path: child });
    }
  }
}

/**
 * The files `planc check` reads: each given file as it is, each directory searched, and the
 * `--policy` files as policies. No paths means the current directory. Deduplicated, sorted.
 */
export function collectInputs(paths: readonly string[], policies: readonly string[], cwd: string): InputFile[] {
  const byAbsolute = new Map<string, InputFile>();
  const add = (absolute: string, shownPath: string, kind: FileKind) => {
    const existing = byAbsolute.get(absolute);
    if (existing) { if (kind === 'policy') existing.kind = 'policy'; return; }
    byAbsolute.set(absolute, { path: displayPath(shownPath, cwd), absolute, kind });
  };

  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    const stats = statOrThrow(given, absolute);
    if (stats.isDirectory()) {
      const found: { absolute: string; path: string }[] = [];
      walk(absolute, given, found);
      if (found.length === 0) throw new InputError(`no .plan or .policy files in '${given}'`);
      for (const f of found) add(f.absolute, f.path, kindOf(f.absolute));
    } else if (stats.isFile()) {
      add(absolute, given, kindOf(given));
    } else {
      throw new InputError(`cannot read '${given}': not a regular file`);
    }
  }
  for (const given of policies) {
    const absolute = path.resolve(cwd, given);
    const stats = statOrThrow(given, absolute);
    if (!stats.isFile()) throw new InputError(`cannot read policy '${given}': ${stats.isDirectory() ? 'it is a directory' : 'not a regular file'}`);
    add(absolute, given, 'policy');
  }

  return [...byAbsolute.values()].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.absolute, b.absolute));
}

/** One file named on the command line (`planc schedule FILE`). */
export function singleFile(given: string, cwd: string): InputFile {
  const absolute = path.resolve(cwd, given);
  const stats = statOrThrow(given, absolute);
  if (stats.isDirectory()) throw new InputError(`cannot read '${given}': it is a directory (give one .plan file)`);
  if (!stats.isFile()) throw new InputError(`cannot read '${given}': not a regular file`);
  return { path: displayPath(given, cwd), absolute, kind: kindOf(given) };
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The file's text. Bytes are decoded as UTF-8 (a BOM is dropped; UTF-16 with a BOM is decoded as such);
 * invalid bytes become U+FFFD, so a binary file still reaches the parser and gets diagnostics.
 */
export function readText(file: InputFile): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absolute);
  } catch (e) {
    throw new InputError(`cannot read '${file.path}': ${reason(e)}`);
  }
  return decode(bytes);
}

export function decode(bytes: Uint8Array): string {
  if (bytes.length >= 2) {
    const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    if (encoding) {
      try {
        return new TextDecoder(encoding).decode(bytes);
      } catch {
        // fall through to UTF-8
      }
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
