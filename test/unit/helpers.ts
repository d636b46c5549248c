/**
 * Helpers for the unit tests of the core engine (Langium-style: text in, findings out).
 *
 * POSITIONS ARE 0-BASED, as in LSP: `line` 0 is the first line of the text, `character` 0 its
 * first UTF-16 code unit. `expectCodes(text, ['code@line'])` uses the same 0-based lines.
 *
 * The `plan` tag prefixes `project p { start 2027-01-04 } ` (on the SAME line, no newline) when
 * the snippet has no project block, so line numbers inside the snippet are unchanged: in
 *
 *     plan`
 *       task a { duration 1d }     // line 1
 *     `
 *
 * the task stands on line 1 (line 0 is the one with the opening backtick and the project).
 * 2027-01-04 is a Monday.
 */
import { mulberry32 } from '../support/random';
import { strict as assert } from 'node:assert';
import { analyzePlan, type PlanAnalysis } from '../../server/src/language/analyze';
import { locate } from '../../server/src/language/lsp';
import { scheduleReport, type ScheduleReport, type TaskReport } from '../../server/src/language/report';

export const PROJECT_PREFIX = 'project p { start 2027-01-04 } ';

export interface Diag {
  code: string;
  /** 0-based. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: string;
  source: string;
  message: string;
}

const HAS_PROJECT = /(^|[\s}])project\s+[A-Za-z_][A-Za-z0-9_-]*\s*("(?:[^"\\\n]|\\.)*"\s*)?\{/;

/**
 * Template tag: the snippet, with a default project in front when it has none. The snippet is
 * taken RAW (backslashes as written), so plan`task a "x\"y"` holds the plan escape `\"`.
 */
export function plan(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.raw[0] ?? '';
  for (let i = 0; i < values.length; i++) text += String(values[i]) + (strings.raw[i + 1] ?? '');
  return HAS_PROJECT.test(text) ? text : PROJECT_PREFIX + text;
}

/** analyzePlan, turning a throw into a readable test failure. */
export function analyze(text: string): PlanAnalysis {
  try {
    return analyzePlan(text);
  } catch (e) {
    assert.fail(`analyzePlan threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
}

export function located(analysis: PlanAnalysis): Diag[] {
  return analysis.diagnostics.map((d) => {
    const l = locate(d, analysis.lines);
    return {
      code: l.code, line: l.range.start.line, character: l.range.start.character,
      endLine: l.range.end.line, endCharacter: l.range.end.character,
      severity: l.severity, source: l.source, message: l.message,
    };
  });
}

/** Every diagnostic of the plan, located (0-based lines and characters). */
export function diagnosticsOf(text: string): Diag[] {
  return located(analyze(text));
}

export function describe_(list: Diag[]): string {
  return list.map((d) => `  ${d.code}@${d.line} [${d.line}:${d.character}-${d.endLine}:${d.endCharacter}] ${d.severity}: ${d.message}`).join('\n') || '  (none)';
}

/** Asserts the exact multiset of `code@line` (0-based line) of the plan's diagnostics. */
export function expectCodes(text: string, expected: string[]): Diag[] {
  const all = diagnosticsOf(text);
  const actual = all.map((d) => `${d.code}@${d.line}`).sort();
  const want = [...expected].sort();
  assert.deepEqual(actual, want, `diagnostics differ.\nexpected: ${JSON.stringify(want)}\nactual:\n${describe_(all)}`);
  return all;
}

/** The only diagnostic with this code (fails when there are none or several). */
export function only(text: string, code: string): Diag {
  const all = diagnosticsOf(text);
  const same = all.filter((d) => d.code === code);
  assert.equal(same.length, 1, `expected exactly one ${code}; actual:\n${describe_(all)}`);
  return same[0]!;
}

/** All diagnostics with this code. */
export function withCode(text: string, code: string): Diag[] {
  return diagnosticsOf(text).filter((d) => d.code === code);
}

/** The report's tasks by id. */
export function scheduleOf(text: string): Record<string, TaskReport> {
  const report = scheduleReport(analyze(text));
  const out: Record<string, TaskReport> = {};
  for (const t of report.tasks) out[t.id] = t;
  return out;
}

export function reportOf(text: string): ScheduleReport {
  return scheduleReport(analyze(text));
}

/** `start..end` of each task by id (null..null when unscheduled): compact exact-date checks. */
export function datesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, t] of Object.entries(scheduleOf(text))) out[id] = `${t.start}..${t.end}`;
  return out;
}

/** Asserts `start..end` of the given tasks (only those named). */
export function expectDates(text: string, expected: Record<string, string>): void {
  const all = datesOf(text);
  const actual: Record<string, string | undefined> = {};
  for (const id of Object.keys(expected)) actual[id] = all[id];
  assert.deepEqual(actual, expected, `dates differ; diagnostics:\n${describe_(diagnosticsOf(text))}`);
}

const WORD = /[A-Za-z0-9_-]/;

/**
 * 0-based range of the `occurrence`-th (1-based) `needle` in `text`. A needle that begins or ends
 * with a word character only matches whole words there (`a` does not match inside `task`).
 */
export function rangeOf(text: string, needle: string, occurrence = 1): Pick<Diag, 'line' | 'character' | 'endLine' | 'endCharacter'> {
  const wordStart = WORD.test(needle[0] ?? ''), wordEnd = WORD.test(needle[needle.length - 1] ?? '');
  let at = -1;
  for (let i = 0; i < occurrence; ) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`test bug: occurrence ${occurrence} of ${JSON.stringify(needle)} not found`);
    if (wordStart && at > 0 && WORD.test(text[at - 1]!)) continue;
    if (wordEnd && WORD.test(text[at + needle.length] ?? '')) continue;
    i++;
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  const s = pos(at), e = pos(at + needle.length);
  return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

/** Asserts that a diagnostic covers exactly `needle` (its `occurrence`-th appearance). */
export function expectRange(d: Diag, text: string, needle: string, occurrence = 1): void {
  const want = rangeOf(text, needle, occurrence);
  assert.deepEqual(
    { line: d.line, character: d.character, endLine: d.endLine, endCharacter: d.endCharacter }, want,
    `${d.code} should cover ${JSON.stringify(needle)} (#${occurrence})`,
  );
}

/** A small seeded PRNG for reproducible fuzzing. */
export const rng = mulberry32;

/** The plan example of LANGUAGE.md ("Plan file"), verbatim. */
export const CONTRACT_EXAMPLE = `project web "Website relaunch" {
  start 2027-01-04            // first possible working day
  deadline 2027-06-30         // the project must finish by
  currency EUR
  budget 250_000
  calendar office             // default: Mon–Fri, 8 h a day, no holidays
  status 2027-02-15           // status date ("today") for progress checks; optional
  uses "../pmo/standard.policy"        // relative path, or a package: "@acme/pmo/standard.policy"
  waive max-task-length on build "Vendor contract fixes this length"
}

calendar office {
  workdays mon-fri            // list or range of mon tue wed thu fri sat sun
  hours 8                     // working hours per day
  holiday 2027-04-05 "Easter Monday"
  holiday 2027-12-24..2027-12-31
}

resource alice "Alice Kim" { rate 720/d  capacity 100%  leave 2027-02-15..2027-02-19 }
resource bob   "Bob Ortiz" { rate 650/d }
resource vendor "Agency"   { rate 95/h  capacity 300% }   // a team: capacity above 100% allowed
resource carol "Carol Diaz" { rate 900/d }

milestone kickoff "Kick-off" { on 2027-01-04 }

task design "Design" {
  after kickoff
  owner alice
  budget 30_000
  quality "Wireframes approved" by carol

  task wireframes { effort 5d  assign bob }
  task visual     { after wireframes  effort 8d  assign bob, alice 50% }
}

task build "Build" {
  after design + 2d           // finish-to-start with a lag of 2 working days
  duration 4w
  assign vendor 200%
  cost 4_000 "Licences"       // fixed cost, added to the resource cost
  deadline 2027-03-31
  progress 40%
}

milestone launch "Launch" { after build  deadline 2027-04-15  quality "Zero open P1 defects" }
`;

/** The policy example of LANGUAGE.md ("Policy file"), verbatim. */
export const CONTRACT_POLICY = `policy standard "ACME PMO standard" {
  version "2.1.0"
  extends "./base.policy"                       // relative, or a package path; may repeat

  rule owner-required error "Every task needs an accountable owner" {
    each task require has owner
  }
  rule max-task-length warning "Split leaf tasks longer than 20 working days" {
    each leaf where not has start require duration <= 20d
  }
  rule milestone-gate error "Milestones need a quality criterion with an approver" {
    each milestone require quality >= 1 and approvers >= 1
  }
  rule contingency warning "Keep a 10% contingency on the project budget" {
    project require budget >= cost * 1.1
  }
  rule task-ids info "Task ids are kebab-case" {
    each task require id matches "^[a-z][a-z0-9-]*$"
  }
}
`;
