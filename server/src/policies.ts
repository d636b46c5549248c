/**
 * Workspace policies for the server: which policy files apply to an open plan (its `uses`, resolved
 * from the plan's file, plus the `planAsCode.policies` setting, workspace-relative), loading them as
 * a set (open policy documents win over the disk), checking the plan against them, and the dependency
 * map plan → policy files (directly or through `extends`) that tells which plans to check again when a
 * policy changes. No connection in here: the server publishes what this computes.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PlanAnalysis } from './language/analyze';
import type { Diagnostic as CoreDiagnostic } from './language/diagnostics';
import type { Span } from './language/text';
import { loadPolicies } from './language/policy/load';
import { checkPolicies } from './language/policy/check';
import type { PolicyFile, PolicyHost, PolicySet } from './language/policy/types';
import { FsPolicyHost } from './cli/fsHost';

/** What the policies say about one plan. */
export interface PlanPolicies {
  /** The loaded set; undefined when the plan names no policy and the setting names none. */
  set: PolicySet | undefined;
  /** Absolute paths of the entry files (uses, then the setting), resolved. */
  entries: string[];
  /** Strings that name no readable policy file (`uses` ones carry their span in the plan). */
  notFound: { spec: string; span?: Span }[];
  /** Diagnostics for the plan: `policy-not-found` on `uses`, violations, `unknown-rule`, `unused-waiver`. */
  diagnostics: CoreDiagnostic[];
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

export interface PolicyWorkspaceOptions {
  /** Absolute paths of the workspace folders. */
  roots(): readonly string[];
  /** The text of an open document at this absolute path (open documents win over the disk). */
  overlay(file: string): string | undefined;
  log(message: string): void;
}

const EMPTY: PlanPolicies = Object.freeze({ set: undefined, entries: [], notFound: [], diagnostics: [] }) as unknown as PlanPolicies;

export class PolicyWorkspace {
  /** Open plan → the policy files its result depends on (absolute paths). */
  private readonly deps = new Map<string, Set<string>>();
  /** Open plans with a policy string that resolved to nothing (a new file may fix them). */
  private readonly unresolved = new Set<string>();
  private readonly last = new Map<string, PlanPolicies>();
  private readonly sets = new Map<string, PolicySet>();
  private generation = 0;

  constructor(private readonly options: PolicyWorkspaceOptions) {}

  /** The folder a file belongs to: the deepest workspace folder holding it, else its own folder. */
  rootOf(file: string): string {
    let best: string | undefined;
    for (const r of this.options.roots()) {
      const rel = path.relative(r, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (best === undefined || r.length > best.length)) best = r;
    }
    return best ?? this.options.roots()[0] ?? path.dirname(file);
  }

  /** A host for one check: fresh reads (the set cache is what is kept), open documents first. */
  host(forFile: string): PolicyHost & { notFoundMessage(spec: string, fromFile: string): string | undefined } {
    const fsHost = new FsPolicyHost(this.rootOf(forFile));
    const overlay = this.options.overlay;
    return {
      read: (file) => overlay(file) ?? fsHost.read(file),
      resolve: (spec, fromFile) => fsHost.resolve(spec, fromFile),
      notFoundMessage: (spec, fromFile) => fsHost.notFoundMessage(spec, fromFile),
    };
  }

  /** Where an unsaved or untitled plan's relative paths start from. */
  private planFile(uri: string): string {
    return uriToPath(uri) ?? path.join(this.options.roots()[0] ?? process.cwd(), 'untitled.plan');
  }

  /** The policies of an open plan and its diagnostics from them; remembers what the plan depends on. */
  forPlan(uri: string, analysis: PlanAnalysis, settingPolicies: readonly string[]): PlanPolicies {
    const result = this.compute(uri, analysis, settingPolicies);
    this.last.set(uri, result);
    this.deps.set(uri, new Set(result.set ? result.set.files.keys() : []));
    if (result.notFound.length > 0) this.unresolved.add(uri); else this.unresolved.delete(uri);
    return result;
  }

  private compute(uri: string, analysis: PlanAnalysis, settingPolicies: readonly string[]): PlanPolicies {
    const uses = analysis.model.project.uses;
    const waivers = analysis.model.project.waivers;
    if (uses.length === 0 && settingPolicies.length === 0 && waivers.length === 0) return EMPTY;
    const planFile = this.planFile(uri);
    const host = this.host(planFile);
    const entries: string[] = [];
    const notFound: PlanPolicies['notFound'] = [];
    const diagnostics: CoreDiagnostic[] = [];
    for (const u of uses) {
      if (!u.path) continue;
      const file = host.resolve(u.path.value, planFile);
      if (file !== undefined && host.read(file) !== undefined) {
        if (!entries.includes(file)) entries.push(file);
        continue;
      }
      notFound.push({ spec: u.path.value, span: u.path });
      diagnostics.push({
        start: u.path.start, end: u.path.end, severity: 'error', code: 'policy-not-found', source: 'plan',
        message: host.notFoundMessage(u.path.value, planFile) ?? `Policy ${JSON.stringify(u.path.value)} not found.`,
      });
    }
    const root = this.rootOf(planFile);
    for (const p of settingPolicies) {
      const spec = p.replace(/\\/g, '/');
      const rel = spec.startsWith('./') || spec.startsWith('../') ? spec : `./${spec}`;
      const file = path.isAbsolute(p) ? undefined : host.resolve(rel, path.join(root, '.settings'));
      if (file !== undefined && host.read(file) !== undefined) {
        if (!entries.includes(file)) entries.push(file);
      } else {
        notFound.push({ spec: p });
      }
    }
    let set: PolicySet;
    try {
      set = this.load(entries, host);
    } catch (e) {
      this.options.log(`Loading the policies of ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return { set: undefined, entries, notFound, diagnostics };
    }
    let checked = { diagnostics: [] as CoreDiagnostic[] };
    try {
      checked = checkPolicies(analysis, set);
    } catch (e) {
      this.options.log(`Checking ${uri} against its policies failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    // With a policy missing, a waiver of one of its rules is not "unknown": say nothing about it.
    const checks = notFound.length > 0 ? checked.diagnostics.filter((d) => d.code !== 'unknown-rule') : checked.diagnostics;
    diagnostics.push(...checks);
    return { set, entries, notFound, diagnostics };
  }

  private load(entries: string[], host: PolicyHost): PolicySet {
    const key = `${this.generation}\0${entries.join('\0')}`;
    let set = this.sets.get(key);
    if (!set) {
      set = loadPolicies(entries, host);
      if (this.sets.size > 50) this.sets.clear();
      this.sets.set(key, set);
    }
    return set;
  }

  /** A policy file as a set of its own (for its own diagnostics and editor features). */
  loadFile(file: string, text: string): PolicySet {
    const host = this.host(file);
    return loadPolicies([file], { read: (f) => (f === file ? text : host.read(f)), resolve: host.resolve });
  }

  /** The last result computed for an open plan. */
  lastOf(uri: string): PlanPolicies | undefined {
    return this.last.get(uri);
  }

  /** Open plans whose result may change when this policy file changes (all with an unresolved string too). */
  plansUsing(file: string | undefined): string[] {
    const out = new Set<string>(this.unresolved);
    for (const [plan, files] of this.deps) if (file === undefined || files.has(file)) out.add(plan);
    return [...out];
  }

  /** Every policy file some open plan depends on, with its loaded state from that plan's last check. */
  usedFiles(): Map<string, PolicyFile> {
    const out = new Map<string, PolicyFile>();
    for (const r of this.last.values()) {
      if (!r.set) continue;
      for (const [file, state] of r.set.files) out.set(file, state);
    }
    return out;
  }

  /** A policy changed (an edit of an open one, a file on disk): loaded sets are stale. */
  changed(): void {
    this.generation++;
    this.sets.clear();
  }

  forget(uri: string): void {
    this.deps.delete(uri);
    this.unresolved.delete(uri);
    this.last.delete(uri);
  }
}
