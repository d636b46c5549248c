/**
 * Output formats of `planc check`: compiler-style text, a JSON array, SARIF 2.1.0 and GitHub
 * workflow commands. Each takes the per-file results (already sorted) and returns the whole output.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocatedDiagnostic } from '../language/lsp';
import type { Severity } from '../language/diagnostics';
import { PLAN_CODES } from '../language/diagnostics';
import { paint } from './color';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface FileResult {
  /** Path as shown to the user (relative to the cwd when inside it). */
  file: string;
  absolute: string;
  diagnostics: ReportedDiagnostic[];
}

/** A diagnostic as reported; `waived` (the waiver's reason) marks a violation a plan waived (--show-waived). */
export interface ReportedDiagnostic extends LocatedDiagnostic {
  waived?: string;
  /** A policy rule's documentation link (SARIF helpUri). */
  docs?: string;
}

export interface Counts { error: number; warning: number; info: number; hint: number }

export function countSeverities(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) for (const d of r.diagnostics) if (d.waived === undefined) counts[d.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ------------------------------------------------------------------------------------------ text

const SEVERITY_COLOR: Record<Severity, 'red' | 'yellow' | 'cyan' | 'gray'> = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'gray' };

/** `path:line:col: severity code: message` (1-based), then `N errors, M warnings in K files`. */
export function formatText(results: readonly FileResult[], options: { color: boolean; summary: boolean; counts: Counts }): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const where = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      if (d.waived !== undefined) {
        lines.push(`${where}: ${paint('waived', 'gray', options.color)} ${d.severity} ${d.code}: ${oneLine(d.message)} (waived: ${oneLine(d.waived)})`);
        continue;
      }
      lines.push(`${where}: ${paint(d.severity, SEVERITY_COLOR[d.severity], options.color)} ${d.code}: ${oneLine(d.message)}`);
    }
  }
  if (options.summary) {
    const c = options.counts;
    const extra = [c.info > 0 ? `${c.info} info` : '', c.hint > 0 ? plural(c.hint, 'hint') : ''].filter(Boolean);
    lines.push(`${plural(c.error, 'error')}, ${plural(c.warning, 'warning')} in ${plural(results.length, 'file')}${extra.length ? ` (${extra.join(', ')})` : ''}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function oneLine(message: string): string {
  return message.replace(/\r?\n/g, ' ');
}

// ------------------------------------------------------------------------------------------ json

/**
 * Exactly `[{file, range, severity, code, source, message}]` with LSP (0-based) ranges; waived
 * violations (only with --show-waived) add `waived: true` and `reason`.
 */
export function formatJson(results: readonly FileResult[]): string {
  const items = results.flatMap((r) => r.diagnostics.map((d) => ({
    file: r.file,
    range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
    severity: d.severity,
    code: d.code,
    source: d.source,
    message: d.message,
    ...(d.waived !== undefined ? { waived: true, reason: d.waived } : {}),
  })));
  return JSON.stringify(items, null, 2) + '\n';
}

// ----------------------------------------------------------------------------------------- sarif

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function describe(code: string): string {
  const words = code.replace(/^policy\//, 'policy rule ').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isInside(file: string): boolean {
  return !path.isAbsolute(file) && !file.startsWith('..');
}

/** A relative URI for a file inside the cwd (against %SRCROOT%), else an absolute file URI. */
function artifactLocation(r: FileResult): { uri: string; uriBaseId?: string } {
  if (isInside(r.file)) return { uri: r.file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(r.absolute).href };
}

export function formatSarif(results: readonly FileResult[], options: { cwd: string; version: string }): string {
  const codes = new Map<string, Severity>();
  const docs = new Map<string, string>();
  for (const r of results) for (const d of r.diagnostics) {
    if (!codes.has(d.code)) codes.set(d.code, d.severity);
    if (d.docs !== undefined && /^https?:\/\//i.test(d.docs) && !docs.has(d.code)) docs.set(d.code, d.docs);
  }
  const ruleIds = [...codes.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ({
    id,
    shortDescription: { text: describe(id) },
    ...(docs.has(id) ? { helpUri: docs.get(id) } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[(PLAN_CODES as Record<string, Severity>)[id] ?? codes.get(id)!] },
  }));

  const sarifResults = results.flatMap((r) => r.diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code)!,
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    ...(d.waived !== undefined ? { suppressions: [{ kind: 'inSource', justification: d.waived }] } : {}),
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(r),
        region: {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        },
      },
    }],
  })));

  let root = pathToFileURL(options.cwd).href;
  if (!root.endsWith('/')) root += '/';
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'planc', version: options.version, semanticVersion: options.version, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: root } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------- github

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow command data: `%`, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command properties: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`, one per diagnostic. */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(r.file.split(path.sep).join('/'));
    for (const d of r.diagnostics) {
      if (d.waived !== undefined) continue;
      const props = [
        `file=${file}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(d.code)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
