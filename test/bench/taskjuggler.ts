/**
 * Writes a generated plan (generate.ts) as the equivalent TaskJuggler 3 project (`.tjp`), so that
 * `tj3` schedules the same project the engine analyses, and reads tj3's CSV schedule back to check
 * that both agree.
 *
 * Mapping (TaskJuggler 3.7 semantics, see `tj3man KEYWORD`):
 * - Working time: tj3's default working hours (Mon–Fri 9–12, 13–18 = 8 h, `dailyworkinghours 8`) with
 *   the calendar's holidays as global `leaves holiday`; timing resolution stays at tj3's default and
 *   maximum, 1 hour (it cannot be a day). Interval ends in tj3 are exclusive, so ranges end a day later.
 * - Resources: `rate` is a daily rate in tj3, so `/h` rates are multiplied by the calendar's hours.
 *   Leave becomes `leaves annual`. A part-timer (capacity 50%) gets `limits { dailymax 4h }`. A team
 *   with capacity k × 100% becomes a resource group of k members; the generator books team work on
 *   specific members, and the `.tjp` allocates exactly those members.
 * - Leaves: `effort` → `effort` (the generator chooses efforts that fill whole days, so tj3's
 *   hour-based booking ends on the same day as our rounded-up length); `duration` (working time in
 *   this language) → `length` in whole days, already rounded up (tj3's `duration` is calendar time);
 *   an allocation of 50% → a task limit `dailymax 4h` for that resource.
 * - `after a` → `depends a`; `after start of a` → `depends a { onstart }`; a lag `+ n` → `gaplength nd`
 *   (rounded up to days, as the language rounds); tj3 has no negative gaps, so a lead `after a - n`
 *   (only generated on leaves a of length L > n) becomes the same point expressed from a's start:
 *   `depends a { onstart gaplength (L − n)d }`. Dependencies use absolute ids (`stream.phase.task`).
 * - `not before D` (only generated where it is the binding constraint) → `start D`; a milestone `on D`
 *   → `milestone start D`; `owner` → `responsible`; `progress` → `complete`; `cost` items → `charge …
 *   onstart` on a `chargeset` account. Pins are at 09:00, the start of tj3's working day.
 * - Report: one CSV task report with id, start and end (what the comparison reads). Asking tj3 for
 *   `effort` and `cost` columns as well costs it about 40% more time at 5,000 tasks.
 * - Not carried over (no tj3 equivalent that changes scheduling work): budgets, deadlines, quality
 *   criteria, the status date's progress checks. tj3's scheduler levels resources; the generated
 *   plan never over-allocates, so levelling does not move anything.
 */
import { isoDay, type GeneratedPlan, type GenDep, type GenTask } from './generate';

function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(3)));
}

export interface TjpOptions {
  /** Base name of the CSV report tj3 writes (into its `-o` directory). */
  reportName?: string;
}

/** Absolute tj3 id of every task: parent ids joined with dots. */
export function tjPaths(plan: GeneratedPlan): string[] {
  const paths: string[] = new Array(plan.tasks.length);
  for (const t of plan.tasks) paths[t.index] = t.parent < 0 ? t.id : `${paths[t.parent]}.${t.id}`;
  return paths;
}

export function writeTjp(plan: GeneratedPlan, options: TjpOptions = {}): string {
  const { project, calendar, resources, tasks } = plan;
  const hours = calendar.hours;
  const paths = tjPaths(plan);
  const out: string[] = [];
  const projectEnd = project.deadline + 90;
  out.push(`/* Generated from the benchmark plan (${plan.n} tasks, seed ${plan.seed}); see test/bench/taskjuggler.ts. */`);
  // Starting at 09:00 (tj3 default working hours) keeps tasks from starting at the non-working
  // midnight before the first working hour: an effort task is clipped to its first booked hour later,
  // and a task `onstart` of it would then fail tj3's check.
  out.push(`project ${project.id} ${q(project.name)} ${isoDay(project.start)}-09:00 - ${isoDay(projectEnd)} {`);
  out.push('  timezone "UTC"');
  out.push(`  currency ${q(project.currency)}`);
  out.push(`  dailyworkinghours ${hours}`);
  out.push(`  now ${isoDay(project.status)}`);
  out.push('}');
  out.push('');
  for (const h of calendar.holidays) {
    if (h.to < project.start || h.from > projectEnd) continue;
    out.push(`leaves holiday ${q(h.label)} ${isoDay(h.from)} - ${isoDay(h.to + 1)}`);
  }
  out.push('');
  out.push('account cost "Cost"');
  out.push('account revenue "Revenue"');
  out.push('');
  for (const r of resources) {
    const rate = num(r.dailyRate);
    const attrs: string[] = [`rate ${rate}`];
    if (r.kind === 'part-time') attrs.push('limits { dailymax 4h }');
    for (const l of r.leave) attrs.push(`leaves annual ${isoDay(l.from)} - ${isoDay(l.to + 1)}`);
    if (r.kind === 'team') {
      out.push(`resource ${r.id} ${q(r.name)} {`);
      for (let m = 0; m < r.members; m++) out.push(`  resource ${r.id}_m${m + 1} ${q(`${r.name} member ${m + 1}`)} { rate ${rate} }`);
      out.push('}');
    } else {
      out.push(`resource ${r.id} ${q(r.name)} { ${attrs.join('  ')} }`);
    }
  }
  out.push('');

  const depText = (d: GenDep): string => {
    const target = tasks[d.target];
    const opts: string[] = [];
    if (d.lagDays < 0) {
      // A lead: end of a minus n days = a's start plus (length − n) days.
      opts.push('onstart');
      const gap = target.length + d.lagDays;
      if (gap > 0) opts.push(`gaplength ${gap}d`);
    } else {
      if (d.startOf) opts.push('onstart');
      if (d.lagDays > 0) opts.push(`gaplength ${d.lagDays}d`);
    }
    return opts.length > 0 ? `${paths[d.target]} { ${opts.join(' ')} }` : paths[d.target];
  };

  const emit = (t: GenTask, ind: string): void => {
    const attrs: string[] = [];
    if (t.parent < 0) attrs.push('chargeset cost');
    if (t.kind === 'milestone') attrs.push('milestone');
    if (t.on !== undefined) attrs.push(`start ${isoDay(t.on)}-09:00`);
    if (t.deps.length > 0) attrs.push(`depends ${t.deps.map(depText).join(', ')}`);
    if (t.notBefore !== undefined) attrs.push(`start ${isoDay(t.notBefore)}-09:00`);
    if (t.kind === 'leaf') {
      if (t.estimate?.key === 'effort') attrs.push(`effort ${num(t.estimate.days)}d`);
      else attrs.push(`length ${t.length}d`);
      if (t.assign.length > 0) {
        const ids: string[] = [];
        const half: string[] = [];
        for (const a of t.assign) {
          const r = resources[a.resource];
          const perMember = r.kind === 'team' ? a.pct / a.members.length : a.pct;
          for (const m of a.members) {
            const id = r.kind === 'team' ? `${r.id}_m${m + 1}` : r.id;
            ids.push(id);
            // Part-timers are limited to 4 h a day on the resource itself.
            if (perMember < 100 && r.kind !== 'part-time') half.push(id);
          }
        }
        attrs.push(`allocate ${ids.join(', ')}`);
        if (half.length > 0) attrs.push(`limits { dailymax ${hours / 2}h { resources ${half.join(', ')} } }`);
      }
      if (t.progress !== undefined) attrs.push(`complete ${t.progress}`);
    }
    if (t.owner !== undefined) attrs.push(`responsible ${resources[t.owner].id}`);
    for (const c of t.costs) attrs.push(`charge ${c.amount} onstart`);
    const head = `${ind}task ${t.id} ${q(t.name ?? t.id)}`;
    if (t.kind !== 'group') {
      out.push(`${head} { ${attrs.join('  ')} }`);
      return;
    }
    out.push(`${head} {`);
    for (const a of attrs) out.push(`${ind}  ${a}`);
    for (const c of t.children) emit(tasks[c], ind + '  ');
    out.push(`${ind}}`);
  };
  for (const r of plan.roots) emit(tasks[r], '');
  out.push('');
  // A minimal report, so that tj3 schedules and writes the result (as `planc schedule` would).
  out.push(`taskreport ${options.reportName ?? 'schedule'} ${q(options.reportName ?? 'schedule')} {`);
  out.push('  formats csv');
  out.push('  columns id, start, end');
  out.push('  timeformat "%Y-%m-%d %H:%M"');
  out.push('  balance cost revenue');
  out.push('  hidetask 0');
  out.push('}');
  out.push('');
  return out.join('\n');
}

export interface TjComparison {
  /** Leaves and milestones found in both. */
  compared: number;
  matched: number;
  /** A few examples of disagreements: `path: tj3 start..end vs reference start..end`. */
  examples: string[];
  missing: number;
}

/**
 * Compares tj3's CSV schedule (report written by `writeTjp`) with the generator's reference schedule:
 * first and last working day of every leaf, and the day of every milestone.
 */
export function compareTjSchedule(plan: GeneratedPlan, csv: string): TjComparison {
  const paths = tjPaths(plan);
  const byPath = new Map<string, GenTask>();
  for (const t of plan.tasks) byPath.set(paths[t.index], t);
  const wdIndex = new Map<number, number>();
  plan.workdays.forEach((d, w) => wdIndex.set(d, w));
  const dayOfText = (s: string): number => Math.round(Date.parse(s.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
  /** Working day index on or after / on or before a calendar day. */
  const onOrAfter = (day: number): number => { for (let d = day; ; d++) { const w = wdIndex.get(d); if (w !== undefined) return w; if (d > day + 30) return -1; } };
  const onOrBefore = (day: number): number => { for (let d = day; ; d--) { const w = wdIndex.get(d); if (w !== undefined) return w; if (d < day - 30) return -1; } };
  const seen = new Set<number>();
  let compared = 0, matched = 0;
  const examples: string[] = [];
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const cells = line.split(';').map((c) => c.replace(/^"|"$/g, ''));
    if (cells.length < 3) continue;
    const t = byPath.get(cells[0]);
    if (!t || t.kind === 'group') continue;
    seen.add(t.index);
    const [sText, eText] = [cells[1], cells[2]];
    const sHour = Number(sText.slice(11, 13)), eHour = Number(eText.slice(11, 13));
    let s: number, e: number;
    if (t.kind === 'milestone') {
      s = e = onOrBefore(dayOfText(sText));
    } else {
      // A task that begins at the end of a working day (18:00, printed 17:00) starts the next one.
      s = sHour >= 17 ? onOrAfter(dayOfText(sText) + 1) : onOrAfter(dayOfText(sText));
      e = eHour === 0 && eText.slice(14, 16) === '00' ? onOrBefore(dayOfText(eText) - 1) : onOrBefore(dayOfText(eText));
    }
    compared++;
    if (s === t.startW && e === t.endW) matched++;
    else if (examples.length < 5) {
      const w = (x: number): string => (x >= 0 && x < plan.workdays.length ? isoDay(plan.workdays[x]) : '?');
      examples.push(`${cells[0]}: tj3 ${w(s)}..${w(e)} vs reference ${w(t.startW)}..${w(t.endW)}`);
    }
  }
  let missing = 0;
  for (const t of plan.tasks) if (t.kind !== 'group' && !seen.has(t.index)) missing++;
  return { compared, matched, examples, missing };
}
