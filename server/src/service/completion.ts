/**
 * Completion by context. The syntax tree says which block the cursor is in (and so which
 * properties are allowed there); the few tokens before the cursor say what the position expects:
 *
 *   top level                        block snippets (project, calendar, resource, task, milestone)
 *   start of an item in a block      the properties allowed there that are not set yet (repeatable
 *                                    ones always), nested `task`/`milestone` snippets inside tasks
 *   after `after` / `,` / `start of`  tasks and milestones (not the task itself, its ancestors or
 *                                    descendants, nor those it already depends on), and `start of`
 *   after `assign` / `owner` / `by`   resources, with their names and rates
 *   after `calendar` (a property)     calendars
 *   after `waive RULE`               `on`; after `waive RULE on` / `,`: tasks, milestones, resources
 *   a number after `duration`,        the units h d w mo
 *     `effort`, `+` or `-`
 *   after `workdays`                 weekday names and common ranges (mon-fri …)
 *   after `currency` (or an amount)  ISO currency codes, the plan's own first
 *   after `/` in a rate              d and h
 *   a date position (also after `..`) the task's own computed date where it helps (its start; its
 *                                    end for a deadline), then the project start, status date, deadline
 *   after `not`                      `before`; after `start` in an after list: `of`
 *   after `quality "…"`              `by`, and the properties
 *
 * Every item carries a `textEdit` over the word being typed (ids contain `-`, so the client's
 * own word boundaries are not trusted), a kind, a detail, markdown documentation and a sortText.
 * Nothing is offered inside comments and strings, nor where a new name is being written.
 */
import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
  type CompletionItem, type CompletionList, type Command, type Position, type Range,
} from 'vscode-languageserver-types';
import type { IToken, TokenType } from 'chevrotain';
import type * as A from '../language/ast';
import { tokenize, K, Identifier, Comma, Plus, Minus, Slash, DotDot, NumberLiteral, StringLiteral, UnterminatedString, DurationLiteral, PercentLiteral } from '../language/lexer';
import { formatDay, parseIsoDate, weekday } from '../language/dates';
import type { PlanAnalysis } from '../language/analyze';
import type { PlanSymbol } from '../language/model';
import { blockAt } from './nodeAt';
import { offsetAt, type PlanContext } from './context';

type Place = 'project' | 'leaf' | 'group' | 'milestone' | 'resource' | 'calendar';

/** Where each property may stand: the binder's table (bind.ts ALLOWED), in the order offered. */
const ALLOWED: Record<Place, readonly A.PropertyKey[]> = {
  project: ['start', 'deadline', 'currency', 'budget', 'calendar', 'status', 'quality', 'uses', 'waive'],
  leaf: ['after', 'duration', 'effort', 'assign', 'owner', 'start', 'not before', 'deadline', 'budget', 'cost', 'quality', 'progress'],
  group: ['after', 'owner', 'budget', 'start', 'not before', 'deadline', 'cost', 'quality'],
  milestone: ['after', 'on', 'deadline', 'not before', 'owner', 'cost', 'quality'],
  resource: ['rate', 'capacity', 'leave', 'calendar'],
  calendar: ['workdays', 'hours', 'holiday'],
};

const REPEATABLE: ReadonlySet<A.PropertyKey> = new Set(['after', 'assign', 'cost', 'quality', 'leave', 'holiday', 'uses', 'waive']);

/** One-line documentation of each property (LANGUAGE.md, "Properties"). */
const PROPERTY_DOCS: Record<A.PropertyKey, string> = {
  'start': 'Pinned start: the task starts exactly on this working day (on the project: its first possible working day, required).',
  'deadline': 'Must finish on or before this day; later is `deadline-missed`.',
  'on': 'Pinned date of a milestone.',
  'status': 'Status date ("today") for progress checks: leaves that should have ended by then and are below 100% are `late`.',
  'not before': 'Start no earlier than this day: a soft floor, no conflict when dependencies push the start later.',
  'after': 'Finish-to-start dependencies, each with an optional lag (`+ 2d`) or lead (`- 1d`) in working time; `after start of x` is start-to-start.',
  'duration': 'Working time the task takes, whoever works on it (`h`, `d`, `w` = 5 d, `mo` = 20 d).',
  'effort': 'Work to be done; needs `assign`. The length follows from the allocations: effort ÷ Σ allocation.',
  'assign': 'Resources that do the work and their allocation (default 100%): `assign bob, alice 50%`.',
  'owner': 'The accountable resource.',
  'calendar': 'The working calendar to use (working days, hours per day, holidays).',
  'budget': 'Money allowed; a cost above it is `budget-overrun`.',
  'cost': 'A fixed cost item with an optional label, added to the resource cost; may repeat.',
  'quality': 'A quality criterion, optionally with its approver: `quality "…" by carol`; may repeat.',
  'progress': 'Completion at the status date, 0–100%.',
  'capacity': 'Share of a full day the resource can work (default 100%; a team may exceed 100%).',
  'currency': 'ISO currency code of every amount in the plan (three capital letters, like EUR).',
  'uses': 'A policy file whose rules apply to this plan (relative path or package path).',
  'waive': 'Waive a policy rule, for the whole plan or `on` given ids, with a written reason.',
  'rate': 'Cost rate per working day (`/d`) or per hour (`/h`).',
  'leave': 'Days off of the resource: a date or an inclusive range `DATE..DATE`.',
  'holiday': 'A non-working day (or an inclusive range) of the calendar, with an optional name.',
  'workdays': 'Working days of the week: names and ranges, `mon-fri` by default.',
  'hours': 'Working hours per day (default 8); hours in durations convert with it.',
};

const CURRENCIES: [string, string][] = [
  ['EUR', 'Euro'], ['USD', 'US dollar'], ['GBP', 'Pound sterling'], ['CHF', 'Swiss franc'], ['JPY', 'Japanese yen'],
  ['CAD', 'Canadian dollar'], ['AUD', 'Australian dollar'], ['NZD', 'New Zealand dollar'], ['SEK', 'Swedish krona'],
  ['NOK', 'Norwegian krone'], ['DKK', 'Danish krone'], ['PLN', 'Polish złoty'], ['CZK', 'Czech koruna'],
  ['HUF', 'Hungarian forint'], ['CNY', 'Chinese yuan'], ['INR', 'Indian rupee'], ['SGD', 'Singapore dollar'],
  ['HKD', 'Hong Kong dollar'], ['BRL', 'Brazilian real'], ['MXN', 'Mexican peso'], ['ZAR', 'South African rand'],
];

const UNITS: [string, string, string][] = [
  ['d', 'working days', 'Working days of the project calendar.'],
  ['h', 'hours', 'Hours; they convert to days with the calendar\'s `hours` (default 8: `4h` = 0.5 d).'],
  ['w', 'weeks', 'Weeks of five working days (`1w` = 5 d).'],
  ['mo', 'months', 'Months of twenty working days (`1mo` = 20 d).'],
];

const WEEKDAYS: [string, string][] = [
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
];
const WEEKDAY_RANGES: [string, string][] = [
  ['mon-fri', 'Monday to Friday (the default)'], ['mon-sat', 'Monday to Saturday'], ['mon-thu', 'Monday to Thursday'], ['tue-sat', 'Tuesday to Saturday'],
];

const BLOCK_KEYWORDS: ReadonlySet<TokenType> = new Set([K.project, K.calendar, K.resource, K.task, K.milestone]);
/** Keywords after which a value other than a reference is written: nothing sensible to offer. */
const VALUE_KEYWORDS: ReadonlySet<TokenType> = new Set([
  K.budget, K.cost, K.rate, K.progress, K.capacity, K.hours, K.quality, K.uses, K.duration, K.effort, K.waive,
]);
const DATE_KEYWORDS: ReadonlySet<TokenType> = new Set([K.start, K.deadline, K.on, K.status, K.before, K.leave, K.holiday]);
/** Tokens that may stand inside a reference list (`after a + 2d, start of b`, `assign x 50%, y`, `workdays mon-wed fri`). */
const LIST_TOKENS: ReadonlySet<TokenType> = new Set([Identifier, Comma, PercentLiteral, DurationLiteral, Plus, Minus, K.start, K.of]);

/** The retrigger command clients such as VS Code run to open the suggestions again after a keyword. */
const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const md = (value: string) => ({ kind: MarkupKind.Markdown, value });

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

interface Site {
  ctx: PlanContext;
  analysis: PlanAnalysis;
  /** Offset of the text the tokens were read from (token offsets are relative to it). */
  windowStart: number;
  offset: number;
  /** The word being typed: replaced by an item's textEdit. */
  range: Range;
  word: string;
  wordStart: number;
  /** The innermost block whose body holds the cursor. */
  block: A.Block | undefined;
  /** Tokens before the word, nearest last (a window of the text, enough for any context). */
  before: IToken[];
}

export function completion(ctx: PlanContext, pos: Position): CompletionList {
  return { isIncomplete: false, items: completionItems(ctx, pos) };
}

function completionItems(ctx: PlanContext, pos: Position): CompletionItem[] {
  const analysis = ctx.analysis;
  const text = analysis.text;
  const offset = offsetAt(ctx, pos);
  if (inComment(analysis.document.comments, text, offset)) return [];

  let wordStart = offset;
  while (wordStart > 0 && isWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
  let wordEnd = offset;
  while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;

  const windowStart = contextWindowStart(analysis, wordStart);
  const lexed = tokenize(text.slice(windowStart, offset), 'plan');
  const tokens = lexed.tokens;
  // A string reaching the cursor (closed after it, or unterminated): inside a string.
  const last = tokens[tokens.length - 1];
  if (last && (last.tokenType === UnterminatedString || last.tokenType === StringLiteral) && last.startOffset + windowStart < offset) {
    if (last.tokenType === UnterminatedString || last.startOffset + windowStart + last.image.length > offset) return [];
  }
  const before: IToken[] = [];
  for (const t of tokens) if (windowStart + t.startOffset + t.image.length <= wordStart) before.push(t);

  const lines = analysis.lines;
  const site: Site = {
    ctx, analysis, offset, wordStart, windowStart,
    word: text.slice(wordStart, offset),
    range: { start: lines.position(wordStart), end: lines.position(wordEnd) },
    block: bodyBlockAt(analysis.document, wordStart),
    before,
  };
  return itemsFor(site);
}

function inComment(comments: A.Comment[], text: string, offset: number): boolean {
  // Comments are in text order: binary search the last one starting before the offset.
  let lo = 0, hi = comments.length - 1, hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].start < offset) { hit = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (hit < 0) return false;
  const c = comments[hit];
  if (offset < c.end) return true;
  if (offset > c.end) return false;
  // At the very end: a line comment runs to the end of its line; a closed block comment is behind us.
  return !c.block || !(c.end - c.start >= 4 && text.startsWith('*/', c.end - 2));
}

/** Where to start reading tokens: a few lines back, never inside a comment. Strings never span lines. */
function contextWindowStart(analysis: PlanAnalysis, at: number): number {
  const { line } = analysis.lines.position(at);
  let start = analysis.lines.offset({ line: Math.max(0, line - 40), character: 0 });
  for (const c of analysis.document.comments) {
    if (c.start >= at) break;
    if (c.start < start && c.end > start) start = Math.min(c.end, at);
  }
  return start;
}

/** The innermost block whose body (between its braces) holds the offset. */
function bodyBlockAt(doc: A.PlanDocument, offset: number): A.Block | undefined {
  let b = blockAt(doc, offset);
  while (b && !(b.open !== undefined && offset > b.open && (b.close === undefined || offset <= b.close))) b = b.parent;
  return b;
}

function placeOf(block: A.Block): Place {
  if (block.kind === 'task') return block.children.length > 0 ? 'group' : 'leaf';
  return block.kind;
}

/** The keyword that opened the reference list the tokens end in, if they end in one. */
function listKeyword(before: IToken[]): { keyword: TokenType; index: number } | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i].tokenType;
    if (t === K.after || t === K.assign || t === K.workdays) return { keyword: t, index: i };
    if (t === K.on) {
      // `waive RULE on a, b`, not a milestone's `on DATE`.
      return i >= 2 && before[i - 2].tokenType === K.waive ? { keyword: t, index: i } : undefined;
    }
    if (!LIST_TOKENS.has(t)) return undefined;
  }
  return undefined;
}

function itemsFor(site: Site): CompletionItem[] {
  const { before, block } = site;
  const prev = before[before.length - 1];
  const prevType = prev?.tokenType;
  const prev2 = before[before.length - 2];
  const list = listKeyword(before);

  // A number being written in a duration position: the units.
  const numeric = /^(\d[\d_]*(?:\.\d*)?)([a-z]*)$/.exec(site.word);
  if (numeric) {
    const durationPlace = prevType === K.duration || prevType === K.effort
      || ((prevType === Plus || prevType === Minus) && list?.keyword === K.after);
    if (durationPlace) return unitItems(site, site.wordStart + numeric[1].length);
    if (!(DATE_KEYWORDS.has(prevType!) || prevType === DotDot) || !block) return [];
  }

  if (!block) {
    // Top level: a block keyword starts an item; after one, a new name is being written.
    if (prev && (BLOCK_KEYWORDS.has(prevType!) || headerInProgress(before, false))) return [];
    return topLevelItems(site);
  }

  if (prevType === K.after) return [...taskItems(site, ['task', 'milestone']), startOfItem(site)];
  if (prevType === K.of && prev2?.tokenType === K.start) return taskItems(site, ['task', 'milestone']);
  if (prevType === K.start && list?.keyword === K.after && (prev2?.tokenType === K.after || prev2?.tokenType === Comma)) return [keywordItem(site, 'of', 'start of TASK: start-to-start, not before TASK starts.')];
  if (prevType === Comma && list?.keyword === K.after) return [...taskItems(site, ['task', 'milestone']), startOfItem(site)];
  if (prevType === K.assign || (prevType === Comma && list?.keyword === K.assign)) return resourceItems(site, true);
  if (prevType === K.owner || prevType === K.by) return resourceItems(site, false);
  if (prevType === K.calendar) return calendarItems(site);
  if (prevType === K.on && list?.keyword === K.on) return taskItems(site, ['task', 'milestone', 'resource']);
  if (prevType === Comma && list?.keyword === K.on) return taskItems(site, ['task', 'milestone', 'resource']);
  if (prevType === K.workdays || (prevType === Comma && list?.keyword === K.workdays)) return weekdayItems(site);
  if (prevType === Identifier && list?.keyword === K.workdays) return [...weekdayItems(site), ...propertyItems(site, block)];
  if (prevType === K.currency) return currencyItems(site);
  if (prevType === Slash && before.some((t, i) => t.tokenType === K.rate && i >= before.length - 4)) return perItems(site);
  if (prevType === NumberLiteral && amountOnSameLine(site)) return currencyItems(site);
  if (prevType === K.not) return [keywordItem(site, 'before', 'not before DATE: start no earlier than this day.')];
  if (prevType !== undefined && DATE_KEYWORDS.has(prevType)) return dateItems(site, block, prevType === K.before ? 'not before' : prev!.image);
  if (prevType === DotDot) return dateItems(site, block, 'leave');
  if (prev2?.tokenType === K.waive && isName(prev)) return [keywordItem(site, 'on', '`waive RULE on ID, …`: waive the rule only for these tasks, milestones or resources.')];
  if (prevType === StringLiteral && before.length >= 2 && prev2?.tokenType === K.quality) {
    return [keywordItem(site, 'by', 'The approver of this quality criterion.', true), ...propertyItems(site, block)];
  }
  if (prevType !== undefined && (VALUE_KEYWORDS.has(prevType) || prevType === Plus || prevType === Minus || prevType === Slash
    || BLOCK_KEYWORDS.has(prevType) || headerInProgress(before, true))) return [];
  return propertyItems(site, block);
}

function isName(t: IToken | undefined): boolean {
  return t !== undefined && (t.tokenType === Identifier || t.tokenType.name.startsWith('Kw_'));
}

/** `task id` or `task id "Name"` not yet followed by `{`: a header is being written. */
function headerInProgress(before: IToken[], inBody: boolean): boolean {
  const n = before.length;
  let i = n - 1;
  if (i >= 0 && before[i].tokenType === StringLiteral) i--;
  if (i < 1 || !isName(before[i])) return false;
  const kw = before[i - 1].tokenType;
  if (!BLOCK_KEYWORDS.has(kw)) return false;
  // Inside a block, `calendar office` names the calendar to use: a complete property.
  return !(kw === K.calendar && inBody && i === n - 1);
}

/** An amount just written (`budget 12_000 |`), on the cursor's line: its currency may follow. */
function amountOnSameLine(site: Site): boolean {
  const n = site.before.length;
  const kw = site.before[n - 2]?.tokenType;
  if (kw !== K.budget && kw !== K.cost && kw !== K.rate) return false;
  const num = site.before[n - 1];
  const end = site.windowStart + num.startOffset + num.image.length;
  return !site.analysis.text.slice(end, site.wordStart).includes('\n');
}

// ------------------------------------------------------------------ items

function base(site: Site, label: string, kind: CompletionItemKind, sortText: string): CompletionItem {
  return { label, kind, sortText, textEdit: { range: site.range, newText: label } };
}

function snippet(site: Site, label: string, kind: CompletionItemKind, sortText: string, body: string): CompletionItem {
  return { label, kind, sortText, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range: site.range, newText: body } };
}

function keywordItem(site: Site, word: string, doc: string, preselect = false): CompletionItem {
  const item = base(site, word, CompletionItemKind.Keyword, `0_${word}`);
  item.documentation = md(doc);
  if (preselect) item.preselect = true;
  return item;
}

function startOfItem(site: Site): CompletionItem {
  const item = keywordItem(site, 'start of', '`after start of TASK`: start-to-start — not before TASK starts (plus a lag).');
  item.sortText = '9_start of';
  item.textEdit = { range: site.range, newText: 'start of ' };
  item.command = RETRIGGER;
  return item;
}

const pad = (n: number) => String(n).padStart(6, '0');

function datesOf(analysis: PlanAnalysis, index: number): string | undefined {
  const s = analysis.schedule;
  const tl = s.timeline;
  if (!tl || s.scheduled[index] !== 1) return undefined;
  const start = tl.dayOf(s.startPt[index] >> 1), end = tl.dayOf(s.endPt[index] >> 1);
  if (start === undefined || end === undefined) return undefined;
  const t = analysis.model.tasks[index];
  return t.kind === 'milestone' ? formatDay(start) : `${formatDay(start)} → ${formatDay(end)}`;
}

function isWithin(inner: A.Block, outer: A.Block): boolean {
  for (let b: A.Block | undefined = inner; b; b = b.parent) if (b === outer) return true;
  return false;
}

/** Tasks, milestones (and resources, for waivers) a reference here may name, nearest before the cursor first. */
function taskItems(site: Site, kinds: PlanSymbol['kind'][]): CompletionItem[] {
  const { analysis, block } = site;
  const model = analysis.model;
  const current = block && (block.kind === 'task' || block.kind === 'milestone') ? block : undefined;
  const listed = new Set<string>();
  if (current && !kinds.includes('resource')) {
    for (const p of current.props) if (p.key === 'after') for (const d of p.deps) if (d.target && d.target.start !== site.wordStart) listed.add(d.target.text);
  }
  const items: CompletionItem[] = [];
  for (const [id, sym] of model.symbols) {
    if (!kinds.includes(sym.kind) || listed.has(id)) continue;
    if (current && sym.kind !== 'resource' && (isWithin(current, sym.block) || isWithin(sym.block, current))) continue;
    if (sym.kind === 'resource') {
      const r = model.resources[sym.index];
      const item = base(site, id, CompletionItemKind.Variable, `2_${pad(sym.index)}`);
      item.detail = `resource · ${r.name}`;
      if (r.name !== id) item.labelDetails = { description: r.name };
      item.documentation = md(`**${r.name}** (resource \`${id}\`)`);
      items.push(item);
      continue;
    }
    const t = model.tasks[sym.index];
    const kindWord = t.kind === 'milestone' ? 'milestone' : t.kind === 'group' ? 'group' : 'task';
    const dates = datesOf(analysis, sym.index);
    // Predecessors are usually written above: those first, nearest first.
    const beforeCursor = sym.block.start < site.offset;
    const item = base(site, id, t.kind === 'milestone' ? CompletionItemKind.Event : CompletionItemKind.Class,
      beforeCursor ? `0_${pad(1_000_000 - 1 - (sym.index % 1_000_000))}` : `1_${pad(sym.index)}`);
    item.detail = dates ? `${kindWord} · ${dates}` : kindWord;
    if (t.name !== id) item.labelDetails = { description: t.name };
    item.documentation = md(`**${t.name}** (${kindWord} \`${id}\`)${dates ? `\n\n${dates}` : ''}`);
    items.push(item);
  }
  return items;
}

function resourceItems(site: Site, assigning: boolean): CompletionItem[] {
  const model = site.analysis.model;
  const taken = new Set<string>();
  if (assigning && site.block) {
    for (const p of site.block.props) if (p.key === 'assign') for (const a of p.assignments) if (a.resource && a.resource.start !== site.wordStart) taken.add(a.resource.text);
  }
  const currency = model.project.currency ? ` ${model.project.currency}` : '';
  const items: CompletionItem[] = [];
  for (const r of model.resources) {
    const sym = model.symbols.get(r.id);
    if (!sym || sym.kind !== 'resource' || sym.block !== r.block || taken.has(r.id)) continue;
    const item = base(site, r.id, CompletionItemKind.Variable, `0_${pad(r.index)}`);
    const facts: string[] = [];
    if (r.rate !== undefined) facts.push(`rate ${r.rate}${currency}/${r.per}`);
    else facts.push('no rate');
    if (r.capacity !== 1) facts.push(`capacity ${Math.round(r.capacity * 100)}%`);
    if (r.calendarName) facts.push(`calendar ${r.calendarName}`);
    item.detail = r.name;
    if (r.name !== r.id) item.labelDetails = { description: r.name };
    item.documentation = md(`**${r.name}** (resource \`${r.id}\`)\n\n${facts.join(' · ')}`);
    items.push(item);
  }
  return items;
}

function calendarItems(site: Site): CompletionItem[] {
  const items: CompletionItem[] = [];
  let i = 0;
  for (const [id, sym] of site.analysis.model.symbols) {
    if (sym.kind !== 'calendar') continue;
    const cal = site.analysis.model.calendars.get(id);
    const item = base(site, id, CompletionItemKind.Module, `0_${pad(i++)}`);
    item.detail = sym.block.name?.value ?? 'calendar';
    item.documentation = md(`Calendar \`${id}\`.`);
    if (cal) {
      const days = WEEKDAYS.filter((_, d) => cal.workdays[d]).map(([w]) => w).join(' ');
      item.documentation = md(`Calendar \`${id}\`: ${days}, ${cal.hours} h a day.`);
    }
    items.push(item);
  }
  return items;
}

function unitItems(site: Site, unitStart: number): CompletionItem[] {
  const lines = site.analysis.lines;
  const range: Range = { start: lines.position(unitStart), end: site.range.end };
  const amount = site.word.slice(0, unitStart - site.wordStart);
  return UNITS.map(([unit, detail, doc], i) => ({
    label: unit,
    kind: CompletionItemKind.Unit,
    detail,
    documentation: md(doc),
    sortText: `0_${i}`,
    filterText: unit,
    labelDetails: { description: `${amount}${unit}` },
    textEdit: { range, newText: unit },
  }));
}

function weekdayItems(site: Site): CompletionItem[] {
  const ranges = WEEKDAY_RANGES.map(([w, doc], i) => {
    const item = base(site, w, CompletionItemKind.EnumMember, `0_${i}`);
    item.detail = doc;
    item.documentation = md(`Working days ${doc.replace(' (the default)', '')}: a range runs from Monday towards Sunday.`);
    return item;
  });
  const days = WEEKDAYS.map(([w, name], i) => {
    const item = base(site, w, CompletionItemKind.EnumMember, `1_${i}`);
    item.detail = name;
    item.documentation = md(`${name}. List days with spaces or commas (\`mon-wed, fri\`).`);
    return item;
  });
  return [...ranges, ...days];
}

function currencyItems(site: Site): CompletionItem[] {
  const own = site.analysis.model.project.currency;
  const list = own && !CURRENCIES.some(([c]) => c === own) ? [[own, 'the plan\'s currency'] as [string, string], ...CURRENCIES] : CURRENCIES;
  return list.map(([code, name], i) => {
    const item = base(site, code, CompletionItemKind.Constant, code === own ? '0_' : `1_${String(i).padStart(3, '0')}`);
    item.detail = code === own ? `${name} (the plan's currency)` : name;
    item.documentation = md(`ISO 4217 code \`${code}\`: ${name}.`);
    if (code === own) item.preselect = true;
    return item;
  });
}

function perItems(site: Site): CompletionItem[] {
  return [
    { ...base(site, 'd', CompletionItemKind.Unit, '0_d'), detail: 'per working day', documentation: md('A daily rate: `rate 720/d`.') },
    { ...base(site, 'h', CompletionItemKind.Unit, '1_h'), detail: 'per hour', documentation: md('An hourly rate: `rate 95/h`, converted to days with the calendar\'s `hours`.') },
  ];
}

/** The dates worth offering where a date is written; the first is preselected. */
function dateCandidates(analysis: PlanAnalysis, block: A.Block | undefined, key: string): { date: string; detail: string }[] {
  const out: { date: string; detail: string }[] = [];
  const add = (day: number | undefined, detail: string) => {
    if (day === undefined) return;
    const date = formatDay(day);
    if (!out.some((x) => x.date === date)) out.push({ date, detail });
  };
  const s = analysis.schedule;
  const tl = s.timeline;
  const sym = block?.id ? analysis.model.symbols.get(block.id.text) : undefined;
  if (tl && sym && sym.block === block && (sym.kind === 'task' || sym.kind === 'milestone') && s.scheduled[sym.index] === 1) {
    const start = tl.dayOf(s.startPt[sym.index] >> 1), end = tl.dayOf(s.endPt[sym.index] >> 1);
    if (key === 'deadline') add(end, sym.kind === 'milestone' ? 'its computed date' : 'its computed end');
    else add(start, sym.kind === 'milestone' ? 'its computed date' : 'its computed start');
  }
  const p = analysis.model.project;
  if (tl && block?.kind === 'project' && key === 'deadline' && s.projectEndPt >= 0) add(tl.dayOf(s.projectEndPt >> 1), 'the computed project end');
  add(p.startDay, 'the project start');
  add(p.statusDay, 'the status date');
  add(p.deadlineDay, 'the project deadline');
  return out;
}

function dateItems(site: Site, block: A.Block, key: string): CompletionItem[] {
  return dateCandidates(site.analysis, block, key).map(({ date, detail }, i) => {
    const item = base(site, date, CompletionItemKind.Value, `0_${i}`);
    item.detail = detail;
    const day = parseIsoDate(date);
    item.documentation = md(`${day !== undefined ? `${WEEKDAYS[weekday(day)][1]} ` : ''}${date}: ${detail}.`);
    if (i === 0) item.preselect = true;
    return item;
  });
}

// ------------------------------------------------------------------ properties and blocks

function propertyItems(site: Site, block: A.Block): CompletionItem[] {
  const place = placeOf(block);
  const set = new Set<A.PropertyKey>();
  for (const p of block.props) if (p.keyword.start !== site.wordStart) set.add(p.key);
  const items: CompletionItem[] = [];
  ALLOWED[place].forEach((key, i) => {
    if (set.has(key) && !REPEATABLE.has(key)) return;
    if ((key === 'duration' && set.has('effort')) || (key === 'effort' && set.has('duration'))) return;
    items.push(propertyItem(site, block, key, `1_${String(i).padStart(2, '0')}`));
  });
  if (block.kind === 'task') items.push(...nestedBlockItems(site));
  return items;
}

function esc(s: string): string { return s.replace(/[$}\\]/g, '\\$&'); }

function choice(ids: string[], fallback: string, n: number): string {
  const usable = ids.filter((id) => !/[,|$}\\]/.test(id));
  if (usable.length === 0) return `\${${n}:${fallback}}`;
  if (usable.length === 1 || usable.length > 12) return `\${${n}:${usable[0]}}`;
  return `\${${n}|${usable.join(',')}|}`;
}

function propertyItem(site: Site, block: A.Block, key: A.PropertyKey, sortText: string): CompletionItem {
  const date = (k: string) => esc(dateCandidates(site.analysis, block, k)[0]?.date ?? 'YYYY-MM-DD');
  let body: string;
  let retrigger = false;
  switch (key) {
    case 'start': case 'deadline': case 'on': case 'status': body = `${key} \${1:${date(key)}}`; break;
    case 'not before': body = `not before \${1:${date('not before')}}`; break;
    case 'after': case 'assign': case 'owner': case 'calendar': case 'currency': case 'workdays':
      body = `${key} `; retrigger = true; break;
    case 'duration': case 'effort': body = `${key} \${1:5}\${2|d,h,w,mo|}`; break;
    case 'budget': body = 'budget ${1:10_000}'; break;
    case 'cost': body = 'cost ${1:1_000} "${2:What it pays for}"'; break;
    case 'quality': body = 'quality "${1:Acceptance criterion}"'; break;
    case 'progress': body = 'progress ${1:50}%'; break;
    case 'capacity': body = 'capacity ${1:100}%'; break;
    case 'uses': body = 'uses "${1:standard.policy}"'; break;
    case 'waive': body = 'waive ${1:rule-id} "${2:Why this is acceptable}"'; break;
    case 'rate': body = 'rate ${1:700}/${2|d,h|}'; break;
    case 'leave': body = `leave \${1:${date('leave')}}`; break;
    case 'holiday': body = 'holiday ${1:YYYY-MM-DD} "${2:Name}"'; break;
    case 'hours': body = 'hours ${1:8}'; break;
  }
  const item = snippet(site, key, CompletionItemKind.Property, sortText, body);
  item.filterText = key;
  item.detail = REPEATABLE.has(key) ? 'property (may repeat)' : 'property';
  item.documentation = md(PROPERTY_DOCS[key]);
  if (retrigger) { item.command = RETRIGGER; item.insertTextFormat = InsertTextFormat.PlainText; }
  return item;
}

interface BlockSnippet { label: string; detail: string; doc: string; body: string }

/** The resources of the plan as a snippet choice, and the task written last before the cursor. */
function planFacts(site: Site): { resources: string[]; lastTask: string | undefined; start: string } {
  const model = site.analysis.model;
  const resources = model.resources.filter((r) => model.symbols.get(r.id)?.block === r.block).map((r) => r.id);
  let lastTask: string | undefined;
  for (const t of model.tasks) {
    if (t.block.start >= site.wordStart) break;
    if (t.block.id && model.symbols.get(t.id)?.block === t.block && !(site.block && isWithin(site.block, t.block))) lastTask = t.id;
  }
  const start = model.project.startDay !== undefined ? formatDay(model.project.startDay) : 'YYYY-MM-DD';
  return { resources, lastTask, start };
}

function taskSnippets(site: Site): BlockSnippet[] {
  const f = planFacts(site);
  const res = (n: number) => choice(f.resources, 'resource', n);
  const after = f.lastTask ? `\tafter \${3:${f.lastTask}}\n` : '';
  const k = f.lastTask ? 4 : 3;
  return [
    {
      label: 'task', detail: 'task with effort and assignee', doc: 'A leaf task: the work to be done and who does it.',
      body: `task \${1:id} "\${2:Name}" {\n${after}\teffort \${${k}:5d}\n\tassign ${res(k + 1)}\n\t$0\n}`,
    },
    {
      label: 'task', detail: 'task with a duration', doc: 'A leaf task with a fixed length in working time.',
      body: `task \${1:id} "\${2:Name}" {\n${after}\tduration \${${k}:5d}\n\t$0\n}`,
    },
    {
      label: 'task', detail: 'group of tasks', doc: 'A group: its dates and cost come from its subtasks.',
      body: `task \${1:id} "\${2:Name}" {\n\towner ${res(3)}\n\n\ttask \${4:first} {\n\t\teffort \${5:5d}\n\t\tassign ${res(6)}\n\t}\n\t$0\n}`,
    },
    {
      label: 'milestone', detail: 'milestone after a task', doc: 'A milestone: a point in time, after its dependencies.',
      body: `milestone \${1:id} "\${2:Name}" {\n\tafter \${3:${esc(f.lastTask ?? 'task')}}\n\t$0\n}`,
    },
    {
      label: 'milestone', detail: 'milestone on a date', doc: 'A milestone pinned to a date.',
      body: `milestone \${1:id} "\${2:Name}" { on \${3:${f.start}} }`,
    },
  ];
}

function nestedBlockItems(site: Site): CompletionItem[] {
  return taskSnippets(site).map((s, i) => blockItem(site, s, `2_${i}`));
}

function blockItem(site: Site, s: BlockSnippet, sortText: string): CompletionItem {
  const item = snippet(site, s.label, CompletionItemKind.Snippet, sortText, s.body);
  item.filterText = s.label;
  item.labelDetails = { detail: ` — ${s.detail}` };
  item.detail = s.detail;
  item.documentation = md(`${s.doc}\n\n\`\`\`plan\n${s.body.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '').replace(/\t/g, '  ')}\n\`\`\``);
  return item;
}

function topLevelItems(site: Site): CompletionItem[] {
  const snippets: BlockSnippet[] = [];
  const hasProject = site.analysis.document.blocks.some((b) => b.kind === 'project' && b.start !== site.wordStart);
  if (!hasProject) {
    snippets.push({
      label: 'project', detail: 'the project', doc: 'The project (exactly one per plan): its start, deadline, currency and budget.',
      body: 'project ${1:id} "${2:Name}" {\n\tstart ${3:YYYY-MM-DD}\n\tcurrency ${4|EUR,USD,GBP,CHF,JPY|}\n\t$0\n}',
    });
  }
  snippets.push(
    {
      label: 'resource', detail: 'person or team with a rate', doc: 'A resource: a person or a team, its cost rate and capacity.',
      body: 'resource ${1:id} "${2:Name}" { rate ${3:700}/${4|d,h|} }',
    },
    {
      label: 'calendar', detail: 'working days, hours, holidays', doc: 'A working calendar: working days, hours per day and holidays.',
      body: 'calendar ${1:id} {\n\tworkdays ${2:mon-fri}\n\thours ${3:8}\n\t$0\n}',
    },
    ...taskSnippets(site),
  );
  return snippets.map((s, i) => blockItem(site, s, `2_${i}`));
}
