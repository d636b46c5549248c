/**
 * Deterministic generator of realistic benchmark plans (seeded PRNG: same n and seed → same text).
 *
 * A plan of `n` tasks has exactly `n` task and milestone blocks (groups, leaves and milestones all
 * count), plus one project, one calendar with holidays and 20–200 resources (people, part-timers and
 * teams) with rates, capacities and leave. Top-level work streams (groups nested 2–4 levels deep) run
 * in waves: each stream waits for a gate milestone or a stream of the previous wave, and leaves are
 * chained inside their groups with fan-in from earlier tasks, lags, leads and `after start of`.
 *
 * The plan is valid and quiet: the generator schedules it itself as it goes (LANGUAGE.md's rules:
 * working days, start/end points, lags rounded up), so it only ever refers to earlier tasks that are
 * not ancestors (no cycles, no unknown references), assigns a resource only where it has free capacity
 * and no leave (no over-allocation), and sets deadlines, budgets, the status date and progress so that
 * none is missed, overrun or late. The analysis is therefore measured on its normal path, and the
 * reference schedule (`start`/`end` of every task) lets the benchmark cross-check the engine and
 * TaskJuggler. The structured model is exported so that the TaskJuggler writer emits the same project.
 */
import { mulberry32 } from '../support/random';

// ------------------------------------------------------------------ PRNG

/** The generator's PRNG (seeded: same n and seed → same text). */
export const prng = mulberry32;

// ------------------------------------------------------------------ calendar days

/** Days since 1970-01-01 (a Thursday) of a proleptic Gregorian date. */
export function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function easterSunday(y: number): number {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

// ------------------------------------------------------------------ model

export interface GenHoliday { from: number; to: number; label: string }

export interface GenCalendar {
  id: string;
  hours: number;
  holidays: GenHoliday[];
}

export interface GenLeave { from: number; to: number }

export type ResourceKind = 'person' | 'part-time' | 'team';

export interface GenResource {
  index: number;
  id: string;
  name: string;
  kind: ResourceKind;
  /** As written: amount per day or per hour, with or without the currency code. */
  rate: { amount: number; per: 'd' | 'h'; code: boolean };
  /** Cost of one person-day. */
  dailyRate: number;
  /** Percent; 100 for people, 50 for part-timers, 100 × members for teams. */
  capacity: number;
  /** Whether `capacity` is written (people at 100% mostly leave it out). */
  writeCapacity: boolean;
  /** Team members (TaskJuggler models a team as a group of members); 1 for people. */
  members: number;
  leave: GenLeave[];
}

export interface GenDep {
  /** Index into `tasks`. */
  target: number;
  startOf: boolean;
  /** Working days, after rounding up; negative for a lead. */
  lagDays: number;
  /** As written, e.g. `+ 2d`, `- 4h`; empty when there is no lag. */
  lagText: string;
}

export interface GenAssign {
  resource: number;
  /** Percent, as written (100 is written as no percentage at all). */
  pct: number;
  /** The team members (0-based) that do the work, for TaskJuggler. People: [0]. */
  members: number[];
}

export type TaskKind = 'group' | 'leaf' | 'milestone';

export interface GenTask {
  index: number;
  id: string;
  name?: string;
  kind: TaskKind;
  parent: number;
  /** 0 for top-level blocks. */
  depth: number;
  children: number[];
  deps: GenDep[];
  /** `not before` day (leaves only; only where it is the binding constraint). */
  notBefore?: number;
  /** `on` day (milestones without dependencies). */
  on?: number;
  /** Leaves: `effort` or `duration`, the text written and the length in working days that follows. */
  estimate?: { key: 'effort' | 'duration'; text: string; days: number };
  length: number;
  assign: GenAssign[];
  owner?: number;
  budget?: number;
  costs: { amount: number; label?: string; code: boolean }[];
  deadline?: number;
  quality: { text: string; by?: number }[];
  progress?: number;
  comment?: string;
  // Reference schedule, in working-day points (start of working day w = 2w, its end = 2w + 1).
  startPoint: number;
  endPoint: number;
  /** First and last working day (indices into the working-day list). */
  startW: number;
  endW: number;
  /** Resource cost + cost items (+ children for groups). */
  cost: number;
  /** Booked person-days. */
  effort: number;
}

export interface GenProject {
  id: string;
  name: string;
  start: number;
  deadline: number;
  currency: string;
  budget: number;
  status: number;
  quality: { text: string; by?: number }[];
}

export interface GeneratedPlan {
  n: number;
  seed: number;
  text: string;
  project: GenProject;
  calendar: GenCalendar;
  resources: GenResource[];
  /** Pre-order (document order): a group before its children. */
  tasks: GenTask[];
  /** Indices of top-level tasks/milestones, in order. */
  roots: number[];
  /** Working days from the project start: `workdays[w]` is the day number of working day w. */
  workdays: number[];
  /** Reference results. */
  endDay: number;
  cost: number;
  stats: {
    groups: number; leaves: number; milestones: number; effortLeaves: number; durationLeaves: number;
    assigned: number; deps: number; maxDepth: number; resources: number; teams: number;
  };
}

// ------------------------------------------------------------------ word lists (ids and names)

const FIRST = ['ana', 'bob', 'carol', 'dan', 'eva', 'farid', 'gita', 'hugo', 'ines', 'jon', 'kim', 'lea', 'mario', 'nina', 'omar', 'paula', 'quinn', 'rosa', 'sam', 'tara', 'uma', 'vic', 'wen', 'xavi', 'yara', 'zoe'];
const LAST = ['kim', 'ortiz', 'diaz', 'novak', 'weber', 'rossi', 'silva', 'lund', 'haas', 'meyer', 'sato', 'khan', 'moreau', 'berg', 'costa', 'young'];
const TEAMS = ['vendor', 'qa_team', 'ops_team', 'agency', 'offshore', 'data_team', 'sec_team', 'infra'];
const AREAS = ['platform', 'billing', 'search', 'mobile', 'checkout', 'identity', 'reporting', 'migration', 'api', 'web', 'infra', 'data', 'support', 'compliance', 'security', 'onboarding'];
const PHASES = ['discovery', 'design', 'build', 'integration', 'test', 'rollout', 'hardening', 'docs'];
const VERBS = ['spec', 'design', 'build', 'review', 'test', 'deploy', 'migrate', 'document', 'refactor', 'integrate', 'configure', 'validate'];
const NOUNS = ['api', 'schema', 'ui', 'auth', 'cache', 'queue', 'report', 'export', 'import', 'search', 'billing', 'alerts', 'backup', 'pipeline', 'dashboard', 'sdk'];
const QUALITY = ['Design reviewed', 'Code reviewed by two peers', 'Zero open P1 defects', 'Security scan clean', 'Load test passed', 'Docs published', 'Sign-off by the product owner', 'Accessibility audit passed'];
const COST_LABELS = ['Licences', 'Hardware', 'Travel', 'Training', 'Cloud credits', 'External audit', 'Penetration test'];
const COMMENTS = ['waiting on the vendor contract', 'estimate from the last sprint', 'see the risk log', 'scope agreed in the steering meeting', 'may move after the review'];

function cap(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
function words(id: string): string { return id.split('_').map(cap).join(' '); }

/** `12500` → `12_500`. */
export function groupDigits(value: number): string {
  const s = String(Math.round(value));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(3)));
}

// ------------------------------------------------------------------ generator

export interface GenerateOptions {
  /** Project start (a Monday by default): 2027-01-04. */
  start?: number;
}

export function generatePlan(n: number, seed = 1, options: GenerateOptions = {}): GeneratedPlan {
  if (!Number.isInteger(n) || n < 10) throw new Error(`generatePlan: n must be an integer ≥ 10, got ${n}`);
  const rnd = prng(seed * 2654435761 + n);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number): boolean => rnd() < p;

  const startDay = options.start ?? dayOf(2027, 1, 4);
  const startYear = new Date(startDay * 86_400_000).getUTCFullYear();
  const HOURS = 8;

  // Holidays for enough years; only those up to the project's end are written.
  const holidays: GenHoliday[] = [];
  for (let y = startYear; y < startYear + 40; y++) {
    holidays.push({ from: dayOf(y, 1, 1), to: dayOf(y, 1, 1), label: 'New Year' });
    const easter = easterSunday(y);
    holidays.push({ from: easter - 2, to: easter - 2, label: 'Good Friday' });
    holidays.push({ from: easter + 1, to: easter + 1, label: 'Easter Monday' });
    holidays.push({ from: dayOf(y, 5, 1), to: dayOf(y, 5, 1), label: 'Labour Day' });
    holidays.push({ from: dayOf(y, 12, 24), to: dayOf(y, 12, 31), label: 'Year-end shutdown' });
  }
  const holidaySet = new Set<number>();
  for (const h of holidays) for (let d = h.from; d <= h.to; d++) holidaySet.add(d);

  // Working days, extended on demand.
  const workdays: number[] = [];
  let nextDay = startDay;
  const wd = (w: number): number => {
    while (workdays.length <= w) {
      const d = nextDay++;
      if (weekday(d) < 5 && !holidaySet.has(d)) workdays.push(d);
    }
    return workdays[w];
  };
  wd(0);

  // ---------------------------------------------------------------- resources
  const resourceCount = Math.max(20, Math.min(200, Math.round(20 + n / 280)));
  const resources: GenResource[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}${k}`;
    usedIds.add(id);
    return id;
  };
  // Rough horizon of the plan (working days), for placing leave.
  const waveCount = Math.max(2, Math.min(8, Math.round(Math.sqrt(n / 85))));
  const horizon = waveCount * 60;
  for (let i = 0; i < resourceCount; i++) {
    const roll = rnd();
    const kind: ResourceKind = roll < 0.7 ? 'person' : roll < 0.8 ? 'part-time' : 'team';
    let id: string, name: string, members = 1, capacity = 100;
    let rate: GenResource['rate'];
    if (kind === 'team') {
      const base = pick(TEAMS);
      id = uniqueId(base);
      name = `${words(base)} ${i + 1}`;
      members = int(2, 5);
      capacity = members * 100;
      rate = chance(0.6) ? { amount: int(70, 120), per: 'h', code: chance(0.5) } : { amount: int(56, 96) * 10, per: 'd', code: false };
    } else {
      const first = pick(FIRST), last = pick(LAST);
      id = uniqueId(`${first}_${last.charAt(0)}`);
      name = `${cap(first)} ${cap(last)}`;
      if (kind === 'part-time') capacity = 50;
      rate = chance(0.25) ? { amount: int(60, 125), per: 'h', code: chance(0.3) } : { amount: int(48, 98) * 10, per: 'd', code: chance(0.1) };
    }
    const dailyRate = rate.per === 'h' ? rate.amount * HOURS : rate.amount;
    const leave: GenLeave[] = [];
    if (kind !== 'team') {
      const count = int(0, 3);
      for (let k = 0; k < count; k++) {
        const w1 = int(5, horizon);
        if (leave.some((l) => l.to >= wd(w1 - 1) && l.from <= wd(w1 + 10))) continue;
        const w2 = w1 + (chance(0.3) ? 0 : int(1, 9));
        leave.push({ from: wd(w1), to: wd(w2) });
      }
      leave.sort((a, b) => a.from - b.from);
    }
    resources.push({ index: i, id, name, kind, rate, dailyRate, capacity, writeCapacity: kind !== 'person' || chance(0.2), members, leave });
  }
  const people = resources.filter((r) => r.kind !== 'team');

  // Load per team member (slot) per working day: 0..1 (a part-timer's slot is full at 0.5).
  const slotLoad: Float64Array[][] = resources.map((r) => Array.from({ length: r.members }, () => new Float64Array(horizon * 2 + 64)));
  const slotMax = resources.map((r) => (r.kind === 'part-time' ? 0.5 : 1));
  const ensure = (r: number, m: number, w: number): Float64Array => {
    let arr = slotLoad[r][m];
    if (w >= arr.length) {
      const bigger = new Float64Array(Math.max(w + 1, arr.length * 2));
      bigger.set(arr);
      slotLoad[r][m] = arr = bigger;
    }
    return arr;
  };
  // Leave blocks every working day it covers.
  const dayToW = (day: number): number => {
    // Working day index of the first working day on or after `day`.
    let lo = 0, hi = workdays.length - 1;
    if (day > workdays[hi]) { while (wd(workdays.length) < day); hi = workdays.length - 1; }
    while (lo < hi) { const mid = (lo + hi) >> 1; if (workdays[mid] < day) lo = mid + 1; else hi = mid; }
    return lo;
  };
  for (const r of resources) {
    for (const l of r.leave) {
      for (let w = dayToW(l.from); wd(w) <= l.to; w++) ensure(r.index, 0, w)[w] = 1;
    }
  }
  const slotFree = (r: number, m: number, from: number, to: number, pct: number): boolean => {
    const arr = ensure(r, m, to);
    const limit = slotMax[r] - pct / 100 + 1e-9;
    for (let w = from; w <= to; w++) if (arr[w] > limit) return false;
    return true;
  };
  const book = (r: number, m: number, from: number, to: number, pct: number): void => {
    const arr = ensure(r, m, to);
    for (let w = from; w <= to; w++) arr[w] += pct / 100;
  };

  /** Tries to find `pct` percent of resource r free on working days from..to; returns the members. */
  const tryAssign = (r: number, from: number, to: number, pct: number): number[] | undefined => {
    const res = resources[r];
    if (res.kind === 'team') {
      const need = Math.ceil(pct / 100);
      const per = pct / need;
      const got: number[] = [];
      for (let m = 0; m < res.members && got.length < need; m++) if (slotFree(r, m, from, to, per)) got.push(m);
      if (got.length < need) return undefined;
      for (const m of got) book(r, m, from, to, per);
      return got;
    }
    if (!slotFree(r, 0, from, to, pct)) return undefined;
    book(r, 0, from, to, pct);
    return [0];
  };

  // ---------------------------------------------------------------- tasks
  const tasks: GenTask[] = [];
  const roots: number[] = [];
  let counter = 0;
  const newTask = (kind: TaskKind, parent: number, id: string, name: string | undefined): GenTask => {
    const t: GenTask = {
      index: tasks.length, id, name, kind, parent, depth: parent < 0 ? 0 : tasks[parent].depth + 1, children: [],
      deps: [], length: 0, assign: [], costs: [], quality: [],
      startPoint: 0, endPoint: 0, startW: 0, endW: 0, cost: 0, effort: 0,
    };
    tasks.push(t);
    if (parent >= 0) tasks[parent].children.push(t.index); else roots.push(t.index);
    return t;
  };

  /** Floor point that a group's `after` imposes on its descendants (rule 5: it applies to each child). */
  const floorOf: number[] = [];

  const lagFor = (startOf: boolean, targetLength: number, target: GenTask): { lagDays: number; lagText: string } => {
    const roll = rnd();
    if (roll < 0.72) return { lagDays: 0, lagText: '' };
    if (roll < 0.94) {
      const r2 = rnd();
      if (r2 < 0.6) { const d = int(1, 3); return { lagDays: d, lagText: `+ ${d}d` }; }
      if (r2 < 0.8) return { lagDays: 1, lagText: `+ ${pick(['4h', '0.5d', '8h'])}` };
      return { lagDays: 5, lagText: '+ 1w' };
    }
    // A lead, on a leaf only and shorter than it (so TaskJuggler can express it as start + gap).
    if (target.kind !== 'leaf' || startOf || targetLength < 2) return { lagDays: 0, lagText: '' };
    const d = int(1, Math.min(3, targetLength - 1));
    return chance(0.5) ? { lagDays: -d, lagText: `- ${d}d` } : { lagDays: -d, lagText: `- ${d * HOURS - 4}h` };
  };

  const pointOfDep = (dep: GenDep): number => {
    const t = tasks[dep.target];
    let p = dep.startOf ? t.startPoint : t.endPoint;
    p += 2 * dep.lagDays;
    return Math.max(0, p);
  };

  const ancestorsOf = (i: number): Set<number> => {
    const s = new Set<number>();
    for (let p = tasks[i].parent; p >= 0; p = tasks[p].parent) s.add(p);
    return s;
  };

  const addDep = (t: GenTask, target: number, startOf = false, allowLag = true): void => {
    let tg = tasks[target];
    if (tg.kind === 'milestone') startOf = false;
    if (startOf && tg.kind === 'group') {
      // `after start of` a group becomes `after start of` its first leaf: tj3's loop check rejects
      // start dependencies on containers that hold milestones.
      let first = tg;
      while (first.kind === 'group') first = tasks[first.children[0]];
      if (first.kind !== 'leaf') startOf = false;
      else { target = first.index; tg = first; }
    }
    // Start dependencies (and leads, which tj3 expresses from the start) only on fixed-duration leaves:
    // tj3 moves an effort task's start to its first booked hour after it has placed the tasks that
    // depend on that start, and then rejects its own schedule.
    const fixed = tg.kind === 'leaf' && tg.estimate?.key === 'duration';
    if (startOf && !fixed) startOf = false;
    // No duplicates, also not of an ancestor's dependency (redundant; TaskJuggler rejects it).
    for (let a = t.index; a >= 0; a = tasks[a].parent) if (tasks[a].deps.some((d) => d.target === target)) return;
    const lag = allowLag ? lagFor(startOf, fixed ? tg.length : 0, tg) : { lagDays: 0, lagText: '' };
    t.deps.push({ target, startOf, ...lag });
  };

  /** Earliest point from the floor and the dependencies. */
  const earliest = (t: GenTask): number => {
    let e = t.parent >= 0 ? floorOf[t.parent] : 0;
    for (const d of t.deps) e = Math.max(e, pointOfDep(d));
    return e;
  };

  const finishGroup = (g: GenTask): void => {
    let s = Infinity, e = -Infinity, cost = 0, effort = 0;
    for (const c of g.children) {
      const ct = tasks[c];
      s = Math.min(s, ct.startPoint); e = Math.max(e, ct.endPoint);
      cost += ct.cost; effort += ct.effort;
    }
    g.startPoint = s; g.endPoint = e;
    g.startW = s >> 1; g.endW = e >> 1;
    for (const c of g.costs) cost += c.amount;
    g.cost = cost; g.effort = effort;
  };

  const scheduleLeaf = (t: GenTask, e: number): void => {
    const s = (e + 1) >> 1; // first working day whose start is at or after e
    t.startW = s; t.endW = s + t.length - 1;
    t.startPoint = 2 * s; t.endPoint = 2 * t.endW + 1;
  };

  const makeLeaf = (parent: number, siblingsBefore: number[], topGroup: number, prevWaveRoots: number[], extra: number[] = []): void => {
    const verb = pick(VERBS), noun = pick(NOUNS);
    const id = `${verb}_${noun}_${++counter}`;
    const t = newTask('leaf', parent, id, chance(0.6) ? `${cap(verb)} ${noun} ${counter}` : undefined);
    usedIds.add(id);
    for (const x of extra) addDep(t, x, false, false);
    const prev = siblingsBefore.length > 0 ? siblingsBefore[siblingsBefore.length - 1] : -1;
    // Dependencies: a chain through the siblings, fan-in from earlier siblings and other tasks.
    if (prev >= 0) {
      const roll = rnd();
      if (roll < 0.55) addDep(t, prev);
      else if (roll < 0.7) addDep(t, prev, true);
      // else: parallel to its predecessor
      if (chance(0.45) && siblingsBefore.length > 1) addDep(t, siblingsBefore[int(0, siblingsBefore.length - 2)]);
    }
    if (chance(prev >= 0 ? 0.3 : 0.4)) {
      // A task elsewhere: an earlier task of this work stream or of the previous wave, never an ancestor.
      const anc = ancestorsOf(t.index);
      const pool = chance(0.7) || prevWaveRoots.length === 0 ? [topGroup, t.index - 1] : [prevWaveRoots[0], roots[roots.length - 1]];
      const lo = Math.min(pool[0], pool[1]), hi = Math.max(pool[0], pool[1]);
      for (let k = 0; k < 6 && hi > lo; k++) {
        const c = int(lo, hi - 1);
        // Only one that finishes by about when this task could start anyway (it does not stretch the plan much).
        if (c !== t.index && !anc.has(c) && c < t.index && tasks[c].endPoint <= earliest(t) + 10) { addDep(t, c, chance(0.15)); break; }
      }
    }
    // Length in working days, then the estimate that produces it.
    const length = chance(0.1) ? int(6, 15) : int(1, 5);
    t.length = length;
    let e = earliest(t);
    if (chance(0.03)) {
      // A `not before` that is the binding constraint: a few working days after the earliest start.
      const nb = ((e + 1) >> 1) + int(1, 5);
      t.notBefore = wd(nb);
      e = 2 * nb;
    }
    scheduleLeaf(t, e);
    const from = t.startW, to = t.endW;
    wd(to + 10);
    // Assign resources where they are free; otherwise the task is a fixed-duration one.
    const wantEffort = chance(0.82);
    if (wantEffort) {
      const roll = rnd();
      const patterns: number[][] = roll < 0.6 ? [[100]] : roll < 0.8 ? [[100, 50]] : roll < 0.9 ? [[100, 100]] : [[200]];
      for (const pcts of patterns) {
        for (let k = 0; k < pcts.length; k++) {
          const pct = pcts[k];
          if (k > 0 && t.assign.length === 0) break;
          for (let attempt = 0; attempt < 12; attempt++) {
            const r = int(0, resources.length - 1);
            const res = resources[r];
            if (t.assign.some((a) => a.resource === r)) continue;
            // The first resource works full days (a part-timer only helps): a task done by half-time
            // work alone would end at midday in tj3, which books the hours in the morning.
            if (k === 0 && res.kind === 'part-time') continue;
            let p = pct;
            if (res.kind === 'part-time') p = 50;
            else if (res.kind !== 'team' && p > 100) p = 100;
            const members = tryAssign(r, from, to, p);
            if (members) { t.assign.push({ resource: r, pct: p, members }); break; }
          }
        }
      }
    }
    if (t.assign.length > 0 && chance(0.9)) {
      const total = t.assign.reduce((s, a) => s + a.pct, 0) / 100;
      const days = length * total;
      let text = `${fmtNum(days)}d`;
      if (days % 5 === 0 && chance(0.4)) text = `${days / 5}w`;
      else if (days <= 2 && chance(0.5)) text = `${fmtNum(days * HOURS)}h`;
      t.estimate = { key: 'effort', text, days };
    } else {
      let text = `${length}d`;
      if (length % 5 === 0 && chance(0.5)) text = `${length / 5}w`;
      else if (length === 1 && chance(0.5)) text = pick(['4h', '6h', '0.5d']);
      else if (length > 1 && chance(0.15)) text = `${fmtNum(length - 0.5)}d`;
      t.estimate = { key: 'duration', text, days: length };
    }
    // Cost: booked days × daily rate, plus cost items.
    let cost = 0, effort = 0;
    for (const a of t.assign) {
      const days = (length * a.pct) / 100;
      effort += days;
      cost += days * resources[a.resource].dailyRate;
    }
    if (chance(0.04)) t.costs.push({ amount: int(2, 60) * 100, label: chance(0.7) ? pick(COST_LABELS) : undefined, code: chance(0.3) });
    for (const c of t.costs) cost += c.amount;
    t.cost = cost; t.effort = effort;
    if (chance(0.35)) t.owner = pick(people).index;
    if (chance(0.05)) t.deadline = wd(t.endW + int(0, 6));
    if (chance(0.04)) t.quality.push({ text: pick(QUALITY), by: chance(0.5) ? pick(people).index : undefined });
    if (chance(0.05)) t.comment = pick(COMMENTS);
  };

  const makeMilestone = (parent: number, id: string, name: string, deps: number[]): GenTask => {
    const m = newTask('milestone', parent, id, name);
    for (const d of deps) addDep(m, d, false, chance(0.3));
    const e = earliest(m);
    m.startPoint = m.endPoint = e;
    m.startW = m.endW = e >> 1;
    wd(m.endW + 20);
    if (chance(0.7)) m.deadline = wd(m.endW + int(0, 10));
    if (chance(0.3)) m.quality.push({ text: pick(QUALITY), by: chance(0.6) ? pick(people).index : undefined });
    if (chance(0.1)) m.costs.push({ amount: int(5, 50) * 100, label: pick(COST_LABELS), code: false });
    m.cost = m.costs.reduce((s, c) => s + c.amount, 0);
    return m;
  };

  let remaining = n;

  // Kick-off milestone, pinned on the first working day.
  const kick = newTask('milestone', -1, 'kickoff', 'Kick-off');
  usedIds.add('kickoff');
  kick.on = wd(0);
  kick.startPoint = kick.endPoint = 0;
  kick.quality.push({ text: 'Charter signed', by: people[0].index });
  remaining--;

  const makeGroup = (parent: number, level: number, maxLevel: number, depsOf: (g: GenTask) => void, topGroup: number, prevWaveRoots: number[]): GenTask => {
    const base = level === 0 ? pick(AREAS) : pick(PHASES);
    const id = uniqueId(`${base}_${++counter}`);
    const g = newTask('group', parent, id, level === 0 ? `${words(base)} stream ${counter}` : `${words(base)} ${counter}`);
    remaining--;
    const top = topGroup < 0 ? g.index : topGroup;
    depsOf(g);
    floorOf[g.index] = earliest(g);
    if (level <= 1 && chance(0.6)) g.owner = pick(people).index;
    if (chance(level === 0 ? 0.5 : 0.15)) g.quality.push({ text: pick(QUALITY), by: chance(0.7) ? pick(people).index : undefined });
    if (chance(0.08)) g.costs.push({ amount: int(10, 200) * 100, label: pick(COST_LABELS), code: chance(0.2) });
    if (chance(0.5)) g.comment = level === 0 ? `work stream ${counter}` : pick(COMMENTS);
    const kids: number[] = [];
    if (level < maxLevel) {
      const k = int(2, 4);
      for (let i = 0; i < k && remaining > 0; i++) {
        if (remaining >= 3) {
          const sub = makeGroup(g.index, level + 1, maxLevel, (sg) => {
            // Sibling sub-groups: in sequence, overlapping, or in parallel.
            if (kids.length > 0) {
              const roll = rnd();
              if (roll < 0.3) addDep(sg, kids[kids.length - 1]);
              else if (roll < 0.5) addDep(sg, kids[kids.length - 1], true);
            }
          }, top, prevWaveRoots);
          kids.push(sub.index);
        } else {
          makeLeaf(g.index, kids, top, prevWaveRoots); remaining--;
          kids.push(tasks.length - 1);
        }
      }
    } else {
      const k = Math.min(remaining, int(3, 10));
      for (let i = 0; i < k; i++) { makeLeaf(g.index, kids, top, prevWaveRoots); remaining--; kids.push(tasks.length - 1); }
    }
    if (kids.length === 0) { makeLeaf(g.index, kids, top, prevWaveRoots); remaining--; kids.push(tasks.length - 1); }
    // A closing milestone after the last one to three children.
    if (level <= 2 && remaining > 0 && chance(0.45)) {
      const last = kids.slice(-int(1, Math.min(3, kids.length)));
      makeMilestone(g.index, uniqueId(`${id}_done`), `${g.name} done`, last);
      remaining--;
    }
    finishGroup(g);
    return g;
  };

  // Work streams in waves; each wave ends with a gate milestone.
  const topEstimate = Math.max(1, Math.round(n / 85));
  const width = Math.max(1, Math.ceil(topEstimate / waveCount));
  let wave = 0;
  let waveRoots: number[] = [];
  let prevWaveRoots: number[] = [];
  let gate = kick.index;
  while (remaining > 0) {
    if (remaining < 3) {
      // Not enough left for a stream: a final top-level task after the last gate.
      makeLeaf(-1, [], roots[roots.length - 1], prevWaveRoots, [gate]);
      remaining--;
      continue;
    }
    const maxLevel = int(1, 3); // groups 2–4 levels deep
    const g = makeGroup(-1, 0, maxLevel, (tg) => {
      if (chance(0.6) || prevWaveRoots.length === 0) addDep(tg, gate, false, chance(0.3));
      else addDep(tg, pick(prevWaveRoots));
      if (prevWaveRoots.length > 0 && chance(0.25)) addDep(tg, pick(prevWaveRoots));
    }, -1, prevWaveRoots);
    waveRoots.push(g.index);
    if (waveRoots.length >= width && remaining > 0) {
      wave++;
      const ends = [...new Set([pick(waveRoots), pick(waveRoots), pick(waveRoots)].slice(0, int(1, 3)))];
      const gm = makeMilestone(-1, uniqueId(`gate_${wave}`), `Gate ${wave}`, ends);
      remaining--;
      gate = gm.index;
      prevWaveRoots = waveRoots;
      waveRoots = [];
    }
  }

  // ---------------------------------------------------------------- project-level facts
  let endW = 0, cost = 0;
  for (const r of roots) { endW = Math.max(endW, tasks[r].endW); cost += tasks[r].cost; }
  const endDay = wd(endW);
  const deadline = wd(endW + 20);
  const statusW = Math.max(1, Math.round(endW * 0.1));
  const status = wd(statusW);

  // Progress at the status date: done before it, partly done across it (no `late` warnings).
  for (const t of tasks) {
    if (t.kind !== 'leaf') continue;
    if (t.endW < statusW) t.progress = 100;
    else if (t.startW < statusW) t.progress = Math.min(95, Math.round(((statusW - t.startW) / t.length) * 100 / 5) * 5 + 5);
  }

  // Budgets above cost, bottom-up, and never below what the direct children's budgets add up to.
  const roundUp = (x: number, step: number): number => Math.ceil(x / step) * step;
  for (let i = tasks.length - 1; i >= 0; i--) {
    const t = tasks[i];
    if (t.kind !== 'group') continue;
    const wants = t.depth === 0 || (t.depth === 1 && chance(0.5)) || (t.depth >= 2 && chance(0.1));
    if (!wants) continue;
    const childBudgets = t.children.reduce((s, c) => s + (tasks[c].budget ?? 0), 0);
    t.budget = roundUp(Math.max(t.cost * (1.1 + rnd() * 0.3), childBudgets * 1.02, 1000), 1000);
  }
  const topBudgets = roots.reduce((s, r) => s + (tasks[r].budget ?? 0), 0);
  const project: GenProject = {
    id: 'programme',
    name: `Benchmark programme (${n} tasks, seed ${seed})`,
    start: startDay,
    deadline,
    currency: 'EUR',
    budget: roundUp(Math.max(cost * 1.25, topBudgets * 1.02), 10_000),
    status,
    quality: [{ text: 'Steering committee sign-off', by: people[0].index }, { text: 'Benefits review scheduled' }],
  };
  const calendar: GenCalendar = { id: 'office', hours: HOURS, holidays: holidays.filter((h) => h.from <= deadline + 60) };

  const plan: GeneratedPlan = {
    n, seed, text: '', project, calendar, resources, tasks, roots, workdays, endDay, cost,
    stats: {
      groups: tasks.filter((t) => t.kind === 'group').length,
      leaves: tasks.filter((t) => t.kind === 'leaf').length,
      milestones: tasks.filter((t) => t.kind === 'milestone').length,
      effortLeaves: tasks.filter((t) => t.estimate?.key === 'effort').length,
      durationLeaves: tasks.filter((t) => t.estimate?.key === 'duration').length,
      assigned: tasks.filter((t) => t.assign.length > 0).length,
      deps: tasks.reduce((s, t) => s + t.deps.length, 0),
      maxDepth: tasks.reduce((s, t) => Math.max(s, t.depth), 0),
      resources: resources.length,
      teams: resources.filter((r) => r.kind === 'team').length,
    },
  };
  plan.text = writePlan(plan);
  return plan;
}

// ------------------------------------------------------------------ writer

function amountText(amount: number, code: boolean, currency: string): string {
  return code ? `${groupDigits(amount)} ${currency}` : groupDigits(amount);
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The `.plan` text of a generated model. */
export function writePlan(plan: GeneratedPlan): string {
  const { project, calendar, resources, tasks } = plan;
  const cur = project.currency;
  const out: string[] = [];
  out.push('/*');
  out.push(` * Generated benchmark plan: ${plan.n} tasks and milestones, seed ${plan.seed}.`);
  out.push(' * Work streams run in waves behind gate milestones; see test/bench/generate.ts.');
  out.push(' */');
  out.push('');
  out.push(`project ${project.id} ${quote(project.name)} {`);
  out.push(`  start ${isoDay(project.start)}`);
  out.push(`  deadline ${isoDay(project.deadline)}`);
  out.push(`  currency ${cur}`);
  out.push(`  budget ${groupDigits(project.budget)}`);
  out.push(`  calendar ${calendar.id}`);
  out.push(`  status ${isoDay(project.status)}   // progress below is as of this day`);
  for (const q of project.quality) out.push(`  quality ${quote(q.text)}${q.by !== undefined ? ` by ${resources[q.by].id}` : ''}`);
  out.push('}');
  out.push('');
  out.push(`calendar ${calendar.id} {`);
  out.push('  workdays mon-fri');
  out.push(`  hours ${calendar.hours}`);
  for (const h of calendar.holidays) {
    out.push(`  holiday ${isoDay(h.from)}${h.to !== h.from ? `..${isoDay(h.to)}` : ''} ${quote(h.label)}`);
  }
  out.push('}');
  out.push('');
  out.push('// People, part-timers and teams (a team may work above 100%).');
  for (const r of resources) {
    const props: string[] = [];
    props.push(`rate ${r.rate.code ? `${r.rate.amount} ${cur}` : r.rate.amount}/${r.rate.per}`);
    if (r.writeCapacity) props.push(`capacity ${r.capacity}%`);
    for (const l of r.leave) props.push(`leave ${isoDay(l.from)}${l.to !== l.from ? `..${isoDay(l.to)}` : ''}`);
    out.push(`resource ${r.id} ${quote(r.name)} { ${props.join('  ')} }`);
  }
  out.push('');

  const dep = (d: GenDep): string => `${d.startOf ? 'start of ' : ''}${tasks[d.target].id}${d.lagText ? ` ${d.lagText}` : ''}`;
  const assign = (a: GenAssign): string => `${resources[a.resource].id}${a.pct !== 100 ? ` ${a.pct}%` : ''}`;
  const common = (t: GenTask): string[] => {
    const p: string[] = [];
    if (t.deadline !== undefined) p.push(`deadline ${isoDay(t.deadline)}`);
    for (const c of t.costs) p.push(`cost ${amountText(c.amount, c.code, cur)}${c.label ? ` ${quote(c.label)}` : ''}`);
    for (const q of t.quality) p.push(`quality ${quote(q.text)}${q.by !== undefined ? ` by ${resources[q.by].id}` : ''}`);
    return p;
  };

  const emit = (i: number): void => {
    const t = tasks[i];
    const ind = '  '.repeat(t.depth);
    const head = `${t.kind === 'milestone' ? 'milestone' : 'task'} ${t.id}${t.name !== undefined ? ` ${quote(t.name)}` : ''}`;
    if (t.kind === 'group') {
      if (t.comment) out.push(`${ind}// ${t.comment}`);
      out.push(`${ind}${head} {`);
      const in2 = ind + '  ';
      if (t.deps.length > 0) out.push(`${in2}after ${t.deps.map(dep).join(', ')}`);
      if (t.owner !== undefined) out.push(`${in2}owner ${resources[t.owner].id}`);
      if (t.budget !== undefined) out.push(`${in2}budget ${groupDigits(t.budget)}`);
      for (const p of common(t)) out.push(in2 + p);
      for (const c of t.children) emit(c);
      out.push(`${ind}}`);
      return;
    }
    const props: string[] = [];
    if (t.on !== undefined) props.push(`on ${isoDay(t.on)}`);
    if (t.deps.length > 0) props.push(`after ${t.deps.map(dep).join(', ')}`);
    if (t.notBefore !== undefined) props.push(`not before ${isoDay(t.notBefore)}`);
    if (t.estimate) props.push(`${t.estimate.key} ${t.estimate.text}`);
    if (t.assign.length > 0) props.push(`assign ${t.assign.map(assign).join(', ')}`);
    if (t.owner !== undefined) props.push(`owner ${resources[t.owner].id}`);
    if (t.progress !== undefined) props.push(`progress ${t.progress}%`);
    props.push(...common(t));
    out.push(`${ind}${head} { ${props.join('  ')} }${t.comment ? `  // ${t.comment}` : ''}`);
  };
  for (const r of plan.roots) emit(r);
  out.push('');
  return out.join('\n');
}
