/**
 * Policies in the CLI: loading the policies a plan `uses` (plus the `--policy` files) through the
 * file-system host, applying them to the plan, and collecting the problems found in policy files so
 * that each is reported once, in its own file.
 *
 * Order of the policies applied to a plan: its `uses` in order, then the `--policy` files; a later
 * rule with the same id replaces an earlier one, so the command line (the CI's standard) wins.
 * Policy sets are cached by their list of entry files and the host caches every file read, so a
 * portfolio of many plans using the same standard loads and checks that standard once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, type PlanAnalysis } from '../language/analyze';
import { compareDiagnostics, type Diagnostic } from '../language/diagnostics';
import { loadPolicies } from '../language/policy/load';
import { checkPolicies } from '../language/policy/check';
import type { PolicyFile, PolicySet, UnusedWaiver, WaivedViolation } from '../language/policy/types';
import { parsePolicy } from '../language/parse';
import { FsPolicyHost } from './fsHost';

export interface PlanCheck {
  analysis: PlanAnalysis;
  /** All diagnostics of the plan: the analysis's, `policy-not-found`, violations, waiver problems. Sorted. */
  diagnostics: Diagnostic[];
  waived: WaivedViolation[];
  unusedWaivers: UnusedWaiver[];
  /** The policy set applied (undefined when the plan has none and names no waiver). */
  policies: PolicySet | undefined;
}

const EMPTY_SET: PolicySet = { rules: new Map(), files: new Map() };

export class PolicyContext {
  readonly host: FsPolicyHost;
  private readonly extra: string[];
  private readonly sets = new Map<string, PolicySet>();
  /** Every policy file loaded by any set, by absolute path. */
  readonly files = new Map<string, PolicyFile>();

  /**
   * `extraPolicies`: absolute paths of the `--policy` files, applied to every plan. `roots`: the
   * folders the user named (given directories, given files' folders), part of the workspace.
   */
  constructor(readonly cwd: string, extraPolicies: readonly string[] = [], roots: readonly string[] = []) {
    this.host = new FsPolicyHost(cwd);
    for (const root of roots) this.host.addRoot(root);
    this.extra = extraPolicies.map((p) => this.host.allow(p));
  }

  /** The policy set of these entry files (absolute paths), loaded once. */
  load(entries: readonly string[]): PolicySet {
    const key = entries.join('\u0000');
    let set = this.sets.get(key);
    if (!set) {
      set = loadPolicies([...entries], this.host);
      this.sets.set(key, set);
      for (const [file, pf] of set.files) if (!this.files.has(file)) this.files.set(file, pf);
    }
    return set;
  }

  /** A policy file given on the command line: its problems (syntax, types, regexes, extends). */
  checkPolicyFile(absolute: string): PolicyFile | undefined {
    this.host.allow(absolute);
    const set = this.load([absolute]);
    return set.files.get(absolute) ?? this.files.get(absolute);
  }

  /** Analyses a plan and applies its policies. */
  checkPlan(text: string, planFile: string): PlanCheck {
    const analysis = analyzePlan(text);
    const notFound: Diagnostic[] = [];
    const entries: string[] = [];
    for (const uses of analysis.model.project.uses) {
      const lit = uses.path;
      if (!lit) continue;
      const message = this.host.notFoundMessage(lit.value, planFile);
      if (message !== undefined) {
        notFound.push({ start: lit.start, end: lit.end, severity: 'error', code: 'policy-not-found', source: 'plan', message });
        continue;
      }
      const file = this.host.resolve(lit.value, planFile)!;
      if (!entries.includes(file)) entries.push(file);
    }
    for (const file of this.extra) if (!entries.includes(file)) entries.push(file);

    const waivers = analysis.model.project.waivers.length > 0;
    let policies: PolicySet | undefined;
    if (entries.length > 0) policies = this.load(entries);
    else if (waivers) policies = EMPTY_SET;
    if (!policies) {
      if (notFound.length === 0) return { analysis, diagnostics: analysis.diagnostics, waived: [], unusedWaivers: [], policies };
      return { analysis, diagnostics: [...analysis.diagnostics, ...notFound].sort(compareDiagnostics), waived: [], unusedWaivers: [], policies };
    }
    const result = checkPolicies(analysis, policies);
    const diagnostics = [...analysis.diagnostics, ...notFound, ...result.diagnostics].sort(compareDiagnostics);
    return { analysis, diagnostics, waived: result.waived, unusedWaivers: result.unusedWaivers, policies };
  }
}

/** The folders named on the command line: each directory given, and the folder of each file given. */
export function namedRoots(paths: readonly string[], cwd: string): string[] {
  return (paths.length > 0 ? paths : ['.']).map((p) => {
    const absolute = path.resolve(cwd, p);
    try {
      return fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    } catch {
      return path.dirname(absolute);
    }
  });
}

/** The path to show for a policy file found through `uses`/`extends`. */
export function shownPolicyPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

/** Syntax errors of a policy text alone (no extends followed): kept for callers that need no host. */
export function checkPolicyText(text: string): Diagnostic[] {
  const document = parsePolicy(text);
  return document.syntaxErrors.map((e) => ({
    start: e.start,
    end: e.end,
    severity: 'error',
    code: 'syntax',
    source: 'plan-policy',
    message: e.message,
  }));
}
