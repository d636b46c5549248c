/**
 * Quick fixes for the plan's diagnostics. Each action fixes one diagnostic (listed in the action),
 * has kind `quickfix` and carries a WorkspaceEdit for the document. The facts come with the
 * diagnostic (`data`: the offsets `start`/`end` and what the core knew — suggestions, the earliest
 * valid day, the next working day); a diagnostic whose offsets no longer match its range (the text
 * changed since it was reported) is skipped rather than fixed in the wrong place.
 *
 *   unknown-reference          Change to 'x' (each suggestion; the first preferred);
 *                              Create resource 'id' (after the last resource) / task / calendar
 *                              (at the end of the file)
 *   start-before-dependency    Move the pin to the earliest day the dependencies allow; remove the pin
 *   non-working-day            Move the date to the next working day
 *   missing-estimate           Add 'duration 1d' (preferred); Add 'effort 1d' when the task has assignees
 *   effort-without-assignee    Assign each of the plan's first resources (the first preferred), or a
 *                              new resource 'tbd' when there is none; Change 'effort' to 'duration'
 *   duplicate-property         Remove the duplicate
 *   misplaced-property         Remove it; 'start' ↔ 'on' between tasks and milestones
 *   conflicting-properties     Remove the later of duration/effort
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type * as A from '../language/ast';
import { parseIsoDate, weekday } from '../language/dates';
import { blockAt } from './nodeAt';
import type { PlanContext } from './context';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Fix {
  ctx: PlanContext;
  diagnostic: Diagnostic;
  start: number;
  end: number;
  data: Record<string, unknown>;
}

export function codeActions(ctx: PlanContext, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  void range; // the client sends the diagnostics at the range; each is fixed on its own
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== 'plan') continue;
    const fix = located(ctx, diagnostic);
    if (!fix) continue;
    switch (diagnostic.code) {
      case 'unknown-reference': out.push(...unknownReference(fix)); break;
      case 'start-before-dependency': out.push(...startBeforeDependency(fix)); break;
      case 'non-working-day': out.push(...nonWorkingDay(fix)); break;
      case 'missing-estimate': out.push(...missingEstimate(fix)); break;
      case 'effort-without-assignee': out.push(...effortWithoutAssignee(fix)); break;
      case 'duplicate-property': out.push(...removeProperty(fix, (p) => `Remove the duplicate '${p.key}'`)); break;
      case 'misplaced-property': out.push(...misplaced(fix)); break;
      case 'conflicting-properties': out.push(...removeProperty(fix, (p) => `Remove '${p.key}' (keep '${p.key === 'effort' ? 'duration' : 'effort'}')`)); break;
      default: break;
    }
  }
  return out;
}

/** The diagnostic's offsets, checked against the current text. */
function located(ctx: PlanContext, diagnostic: Diagnostic): Fix | undefined {
  const lines = ctx.analysis.lines;
  const data = (diagnostic.data && typeof diagnostic.data === 'object' ? diagnostic.data : {}) as Record<string, unknown>;
  const start = lines.offset(diagnostic.range.start), end = lines.offset(diagnostic.range.end);
  if (typeof data.start === 'number' && typeof data.end === 'number' && (data.start !== start || data.end !== end)) return undefined;
  if (end < start || end > ctx.analysis.text.length) return undefined;
  return { ctx, diagnostic, start, end, data };
}

function action(fix: Fix, title: string, edits: TextEdit[], preferred = false): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [fix.diagnostic], edit: { changes: { [fix.ctx.uri]: edits } } };
  if (preferred) a.isPreferred = true;
  return a;
}

function edit(fix: Fix, start: number, end: number, newText: string): TextEdit {
  return { range: fix.ctx.analysis.lines.range({ start, end }), newText };
}

function propertyAt(fix: Fix): { block: A.Block; prop: A.Property } | undefined {
  const block = blockAt(fix.ctx.analysis.document, fix.start);
  if (!block) return undefined;
  for (let b: A.Block | undefined = block; b; b = b.parent) {
    const prop = b.props.find((p) => p.start === fix.start);
    if (prop) return { block: b, prop };
  }
  return undefined;
}

function blockNamed(fix: Fix): A.Block | undefined {
  for (let b = blockAt(fix.ctx.analysis.document, fix.start); b; b = b.parent) {
    if (b.id?.start === fix.start || b.keyword.start === fix.start) return b;
  }
  return undefined;
}

function lineStart(text: string, offset: number): number { return text.lastIndexOf('\n', offset - 1) + 1; }
function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  const end = n < 0 ? text.length : n;
  return end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
function indentOf(text: string, offset: number): string {
  const s = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(s, offset))![0];
}
function eolOf(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }
/** A comment covering the offset, if any. */
function inComment(fix: Fix, offset: number): boolean {
  return fix.ctx.analysis.document.comments.some((c) => c.start < offset && offset < c.end);
}

// ------------------------------------------------------------------ references

const STUBS: Record<string, (id: string) => string> = {
  resource: (id) => `resource ${id} { }`,
  task: (id) => `task ${id} { duration 1d }`,
  calendar: (id) => `calendar ${id} { workdays mon-fri }`,
};

function unknownReference(fix: Fix): CodeAction[] {
  const text = fix.ctx.analysis.text;
  const id = text.slice(fix.start, fix.end);
  const out: CodeAction[] = [];
  const suggestions = Array.isArray(fix.data.suggestions) ? fix.data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  suggestions.forEach((s, i) => out.push(action(fix, `Change to '${s}'`, [edit(fix, fix.start, fix.end, s)], i === 0)));
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(id)) return out;
  const expected = Array.isArray(fix.data.expected) ? fix.data.expected : [];
  const kind = expected.length === 1 && expected[0] === 'resource' ? 'resource'
    : expected.length === 1 && expected[0] === 'calendar' ? 'calendar'
      : expected.length === 2 && expected.includes('task') && expected.includes('milestone') ? 'task' : undefined;
  if (kind) out.push(action(fix, `Create ${kind} '${id}'`, [createBlock(fix, kind, STUBS[kind](id))], suggestions.length === 0));
  return out;
}

/** Inserts a top-level block: after the last one of its kind when there is one, else at the end. */
function createBlock(fix: Fix, kind: string, stub: string): TextEdit {
  const text = fix.ctx.analysis.text;
  const eol = eolOf(text);
  const blocks = fix.ctx.analysis.document.blocks;
  let last: A.Block | undefined;
  if (kind !== 'task') for (const b of blocks) if (b.kind === kind && b.close !== undefined) last = b;
  if (last) {
    const at = lineEnd(text, last.end);
    const oneLine = text.lastIndexOf('\n', last.end - 1) < last.start;
    if (!inComment(fix, at)) return edit(fix, at, at, (oneLine && !stub.includes('\n') ? eol : eol + eol) + stub);
  }
  // At the end, one blank line after the text.
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const lead = end === 0 ? '' : eol + eol;
  return edit(fix, end, text.length, lead + stub + eol);
}

// ------------------------------------------------------------------ dates

function dateLabel(date: string): string {
  const day = parseIsoDate(date);
  return day === undefined ? date : `${DAY_NAMES[weekday(day)]} ${date}`;
}

function startBeforeDependency(fix: Fix): CodeAction[] {
  const found = propertyAt(fix);
  if (!found || (found.prop.key !== 'start' && found.prop.key !== 'on')) return [];
  const prop = found.prop as A.DateProperty;
  const out: CodeAction[] = [];
  const earliest = typeof fix.data.earliest === 'string' ? fix.data.earliest : undefined;
  if (earliest && prop.date && parseIsoDate(earliest) !== undefined) {
    out.push(action(fix, `Move '${prop.key}' to ${dateLabel(earliest)}, the earliest day its dependencies allow`,
      [edit(fix, prop.date.start, prop.date.end, earliest)], true));
  }
  out.push(action(fix, `Remove the pin '${fix.ctx.analysis.text.slice(prop.start, prop.end)}' (let the dependencies decide)`, [removal(fix, prop)]));
  return out;
}

function nonWorkingDay(fix: Fix): CodeAction[] {
  const next = typeof fix.data.suggestion === 'string' ? fix.data.suggestion : undefined;
  if (!next || parseIsoDate(next) === undefined) return [];
  return [action(fix, `Move to the next working day, ${dateLabel(next)}`, [edit(fix, fix.start, fix.end, next)], true)];
}

// ------------------------------------------------------------------ estimates and assignments

/** An edit that adds a property as the first item of a block's body. */
function addFirstProperty(fix: Fix, block: A.Block, property: string): TextEdit {
  const text = fix.ctx.analysis.text;
  if (block.open === undefined) {
    const at = block.name?.end ?? block.id?.end ?? block.keyword.end;
    return edit(fix, at, at, ` { ${property} }`);
  }
  const open = block.open;
  const oneLine = block.close !== undefined && !text.slice(open, block.close).includes('\n');
  if (oneLine) {
    const inner = text.slice(open + 1, block.close);
    if (inner.trim() === '') return edit(fix, open + 1, block.close!, ` ${property} `);
    return edit(fix, open + 1, open + 1, ` ${property}${/^\s/.test(inner) ? '' : ' '}`);
  }
  const first = [...block.props, ...block.children].sort((a, b) => a.start - b.start)[0];
  const indent = first && lineStart(text, first.start) > open ? indentOf(text, first.start) : indentOf(text, block.start) + '  ';
  const at = lineEnd(text, open);
  if (inComment(fix, at)) return edit(fix, open + 1, open + 1, ` ${property}`);
  return edit(fix, at, at, eolOf(text) + indent + property);
}

/** An edit that adds a property right after another one (same line in a one-line block, else the next line). */
function addAfterProperty(fix: Fix, block: A.Block, after: A.Property, property: string): TextEdit {
  const text = fix.ctx.analysis.text;
  const oneLine = block.open !== undefined && block.close !== undefined && !text.slice(block.open, block.close).includes('\n');
  const at = lineEnd(text, after.end);
  if (oneLine || inComment(fix, at) || text.slice(after.end, at).replace(/\/\/.*$/, '').trim() !== '') {
    return edit(fix, after.end, after.end, `  ${property}`);
  }
  return edit(fix, at, at, eolOf(text) + indentOf(text, after.start) + property);
}

function missingEstimate(fix: Fix): CodeAction[] {
  const block = blockNamed(fix);
  if (!block || block.kind !== 'task') return [];
  const out = [action(fix, "Add 'duration 1d'", [addFirstProperty(fix, block, 'duration 1d')], true)];
  if (block.props.some((p) => p.key === 'assign')) out.push(action(fix, "Add 'effort 1d'", [addFirstProperty(fix, block, 'effort 1d')]));
  return out;
}

function effortWithoutAssignee(fix: Fix): CodeAction[] {
  const found = propertyAt(fix);
  if (!found || found.prop.key !== 'effort') return [];
  const { block, prop } = found;
  const model = fix.ctx.analysis.model;
  const out: CodeAction[] = [];
  const resources = model.resources.filter((r) => model.symbols.get(r.id)?.block === r.block).slice(0, 3);
  resources.forEach((r, i) => {
    const who = r.name !== r.id ? `${r.id} (${r.name})` : r.id;
    out.push(action(fix, `Assign ${who}`, [addAfterProperty(fix, block, prop, `assign ${r.id}`)], i === 0));
  });
  if (resources.length === 0 && !model.symbols.has('tbd')) {
    out.push(action(fix, "Assign a new resource 'tbd' (to be decided)", [
      addAfterProperty(fix, block, prop, 'assign tbd'),
      createBlock(fix, 'resource', 'resource tbd "To be decided" { }'),
    ], true));
  }
  out.push(action(fix, "Change 'effort' to 'duration'", [edit(fix, prop.keyword.start, prop.keyword.end, 'duration')]));
  return out;
}

// ------------------------------------------------------------------ properties

/** Deletes a property: its whole line when it stands alone there (with its comment), else the property and the space before it. */
function removal(fix: Fix, prop: A.Property): TextEdit {
  const text = fix.ctx.analysis.text;
  const ls = lineStart(text, prop.start);
  const le = lineEnd(text, prop.end);
  const before = text.slice(ls, prop.start);
  const after = text.slice(prop.end, le);
  if (before.trim() === '' && (after.trim() === '' || /^\s*\/\/.*$/.test(after))) {
    const nl = text.indexOf('\n', prop.end);
    return edit(fix, ls, nl < 0 ? text.length : nl + 1, '');
  }
  let s = prop.start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  if (text[s - 1] === '{') {
    // First in a one-line body: keep one space after the brace.
    let e = prop.end;
    while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
    return edit(fix, prop.start, e, '');
  }
  return edit(fix, s, prop.end, '');
}

function removeProperty(fix: Fix, title: (p: A.Property) => string): CodeAction[] {
  const found = propertyAt(fix);
  if (!found) return [];
  return [action(fix, title(found.prop), [removal(fix, found.prop)], true)];
}

function misplaced(fix: Fix): CodeAction[] {
  const found = propertyAt(fix);
  if (!found) return [];
  const { block, prop } = found;
  const out: CodeAction[] = [];
  const taken = (key: string) => block.props.some((p) => p.key === key);
  if (prop.key === 'start' && block.kind === 'milestone' && !taken('on')) {
    out.push(action(fix, "Change 'start' to 'on' (a milestone's date)", [edit(fix, prop.keyword.start, prop.keyword.end, 'on')], true));
  } else if (prop.key === 'on' && block.kind === 'task' && !taken('start')) {
    out.push(action(fix, "Change 'on' to 'start' (a task's pinned start)", [edit(fix, prop.keyword.start, prop.keyword.end, 'start')], true));
  }
  out.push(action(fix, `Remove the misplaced '${prop.key}'`, [removal(fix, prop)], out.length === 0));
  return out;
}
