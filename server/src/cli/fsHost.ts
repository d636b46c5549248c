/**
 * The policy host of the CLI: resolves the strings of `uses` and `extends` to files on disk and reads
 * them, inside fixed bounds. Policies are data: this host never executes anything and never reads a
 * file that is not a policy named by a plan, a policy or the command line.
 *
 * Resolution of a string S named in file F (folder D):
 * - `./x.policy`, `../pmo/std.policy`: relative to D.
 * - an absolute path: as it is (subject to the bounds below).
 * - a package path `@scope/pkg/file.policy` or `pkg/file.policy`: `N/node_modules/S` for N = D and
 *   each of its ancestors, nearest first, the way Node finds packages (`exports` of package.json
 *   are not consulted: the path names a plain file inside the package).
 *
 * Bounds: the resolved file, both as written and with symbolic links followed, must lie inside the
 * workspace (the cwd, the nearest folder above F holding `.git` or `package.json`, or a folder named
 * on the command line: a directory given, or the folder of a file given) or inside a `node_modules`
 * folder of D or one of its ancestors. Anything else — `..` climbing out, absolute
 * paths elsewhere, links pointing out — is not resolved, and `explain` says why.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decode } from './files';

/** Structurally the `PolicyHost` of server/src/language/policy/types.ts. */
export interface FsPolicyHostLike {
  read(file: string): string | undefined;
  resolve(spec: string, fromFile: string): string | undefined;
}

export type Unresolved = 'outside' | 'not-found' | 'invalid';

export class FsPolicyHost implements FsPolicyHostLike {
  private readonly cwd: string;
  private readonly texts = new Map<string, string | undefined>();
  /** Files this host may read: the ones it resolved and the ones the command line named. */
  private readonly readable = new Set<string>();
  private readonly resolved = new Map<string, { file?: string; why?: Unresolved }>();
  private readonly markerRoots = new Map<string, string | undefined>();
  private readonly realpaths = new Map<string, string | undefined>();
  /** How many files were read from disk (the cache makes this once per file). */
  reads = 0;

  /** Folders named on the command line (a directory given, a given file's folder): inside the workspace too. */
  private readonly extraRoots: string[] = [];

  constructor(cwd: string) {
    this.cwd = path.resolve(cwd);
  }

  /** Adds a folder the user named explicitly to the workspace. */
  addRoot(dir: string): void {
    const absolute = path.resolve(this.cwd, dir);
    if (!this.extraRoots.includes(absolute)) { this.extraRoots.push(absolute); this.resolved.clear(); }
  }

  /** Allows reading a file the user named explicitly (`--policy FILE`, a policy given to check). */
  allow(file: string): string {
    const absolute = path.resolve(this.cwd, file);
    this.readable.add(absolute);
    return absolute;
  }

  read(file: string): string | undefined {
    const absolute = path.resolve(this.cwd, file);
    if (this.texts.has(absolute)) return this.texts.get(absolute);
    let text: string | undefined;
    if (this.readable.has(absolute)) {
      try {
        const stats = fs.statSync(absolute);
        if (stats.isFile()) { text = decode(fs.readFileSync(absolute)); this.reads++; }
      } catch {
        text = undefined;
      }
    }
    this.texts.set(absolute, text);
    return text;
  }

  resolve(spec: string, fromFile: string): string | undefined {
    return this.lookup(spec, fromFile).file;
  }

  /** Why `resolve` gave undefined (undefined when it resolved). */
  explain(spec: string, fromFile: string): Unresolved | undefined {
    return this.lookup(spec, fromFile).why;
  }

  /** A sentence for `policy-not-found`, or undefined when the string resolves and reads. */
  notFoundMessage(spec: string, fromFile: string): string | undefined {
    const file = this.resolve(spec, fromFile);
    if (file !== undefined && this.read(file) !== undefined) return undefined;
    const why = this.explain(spec, fromFile);
    const shown = JSON.stringify(spec);
    if (why === 'outside') return `Policy ${shown} is outside the workspace: only files inside the workspace or a node_modules folder can be used.`;
    if (why === 'invalid') return `Policy ${shown} is not a valid path: use a relative path ("./standard.policy") or a package path ("@acme/pmo/standard.policy").`;
    return `Policy ${shown} not found: no readable file by that name.`;
  }

  private lookup(spec: string, fromFile: string): { file?: string; why?: Unresolved } {
    const from = path.resolve(this.cwd, fromFile);
    const key = `${from}\u0000${spec}`;
    let r = this.resolved.get(key);
    if (!r) {
      r = this.compute(spec, from);
      this.resolved.set(key, r);
      if (r.file) this.readable.add(r.file);
    }
    return r;
  }

  private compute(spec: string, from: string): { file?: string; why?: Unresolved } {
    if (spec.length === 0 || spec.includes('\u0000') || spec.length > 4096) return { why: 'invalid' };
    const dir = path.dirname(from);
    const normalized = spec.replace(/\\/g, '/');
    const relative = normalized === '.' || normalized === '..' || normalized.startsWith('./') || normalized.startsWith('../');
    const absolute = path.isAbsolute(spec) || /^[A-Za-z]:[\\/]/.test(spec) || normalized.startsWith('/');
    if (relative || absolute) {
      const candidate = path.resolve(dir, spec);
      return this.check(candidate, from);
    }
    // A package path: `@scope/pkg/rest` or `pkg/rest`; no `.`/`..` segments, no empty ones.
    const segments = normalized.split('/');
    const minimum = segments[0].startsWith('@') ? 3 : 2;
    if (segments.length < minimum || segments.some((s) => s === '' || s === '.' || s === '..')) return { why: 'invalid' };
    let outside = false;
    for (let d = dir; ; d = path.dirname(d)) {
      if (path.basename(d) !== 'node_modules') {
        const candidate = path.join(d, 'node_modules', ...segments);
        const r = this.check(candidate, from);
        if (r.file) return r;
        if (r.why === 'outside') outside = true;
      }
      if (path.dirname(d) === d) break;
    }
    return { why: outside ? 'outside' : 'not-found' };
  }

  /** The candidate when it is a regular file within the bounds (as written and as really stored). */
  private check(candidate: string, from: string): { file?: string; why?: Unresolved } {
    const roots = this.roots(from);
    if (!roots.some((root) => isInside(candidate, root))) return { why: 'outside' };
    let stats: fs.Stats;
    try {
      stats = fs.statSync(candidate);
    } catch {
      return { why: 'not-found' };
    }
    if (!stats.isFile()) return { why: 'not-found' };
    const real = this.realpath(candidate);
    if (real === undefined) return { why: 'not-found' };
    const realRoots = roots.map((root) => this.realpath(root) ?? root);
    if (!realRoots.some((root) => isInside(real, root))) return { why: 'outside' };
    return { file: candidate };
  }

  /** The folders a file named in `from` may come from. */
  private roots(from: string): string[] {
    const dir = path.dirname(from);
    const roots = [this.cwd, ...this.extraRoots];
    const marker = this.markerRoot(dir);
    if (marker !== undefined && marker !== this.cwd) roots.push(marker);
    for (let d = dir; ; d = path.dirname(d)) {
      roots.push(path.basename(d) === 'node_modules' ? d : path.join(d, 'node_modules'));
      if (path.dirname(d) === d) break;
    }
    return roots;
  }

  /** The nearest folder at or above `dir` holding `.git` or `package.json`. */
  private markerRoot(dir: string): string | undefined {
    if (this.markerRoots.has(dir)) return this.markerRoots.get(dir);
    let found: string | undefined;
    if (fs.existsSync(path.join(dir, '.git')) || fs.existsSync(path.join(dir, 'package.json'))) found = dir;
    else if (path.dirname(dir) !== dir) found = this.markerRoot(path.dirname(dir));
    this.markerRoots.set(dir, found);
    return found;
  }

  private realpath(p: string): string | undefined {
    if (this.realpaths.has(p)) return this.realpaths.get(p);
    let real: string | undefined;
    try { real = fs.realpathSync(p); } catch { real = undefined; }
    this.realpaths.set(p, real);
    return real;
  }
}

/** `file` is `root` or below it. */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}
