/**
 * The scheduler (LANGUAGE.md, "Scheduling semantics"). Time is counted in working days of the
 * project calendar from the project start; a time point is 2·day for the start of a day and
 * 2·day + 1 for its end, so "start of D < end of D < start of D+1" is integer order.
 *
 * Each task has two graph nodes: ENTRY (its earliest point, from its dependencies, its
 * ancestors' dependencies and its floors) and RESULT (its start and end). Edges: parent ENTRY →
 * child ENTRY, predecessor RESULT → ENTRY, ENTRY → RESULT for leaves and milestones, and child
 * RESULT → group RESULT. A topological pass schedules forward; the reverse pass gives latest
 * dates, slack and the critical path. Cycles are found as strongly connected components.
 */
import { DiagnosticSink } from './diagnostics';
import { Timeline } from './calendar';
import { formatDay } from './dates';
import type { PlanModel, TaskNode } from './model';

const NONE = -1;
const INF = 0x3fffffff;

export interface Schedule {
  timeline: Timeline | undefined;
  /** 1 when the task has dates (not in a cycle, and the project has a start). */
  scheduled: Uint8Array;
  startPt: Int32Array;
  endPt: Int32Array;
  /** Leaves: working days; groups: working days from start to end; milestones 0. */
  length: Int32Array;
  slack: Float64Array;
  critical: Uint8Array;
  projectStartDay: number | undefined;
  /** End point of the project (latest end of any task); -1 when nothing is scheduled. */
  projectEndPt: number;
  cycles: { members: number[]; path: number[] }[];
}

/** Day index of a point (the day it lies in). */
export function dayOfPoint(pt: number): number { return pt >> 1; }

/** Working time of a point, in days: the end of D and the start of D+1 are the same instant. */
function workTime(pt: number): number { return (pt + 1) >> 1; }

export function leafLength(t: TaskNode): number {
  if (t.effortDays !== undefined && t.assignments.length > 0) {
    let total = 0;
    for (const a of t.assignments) total += a.share;
    return Math.max(1, Math.ceil(t.effortDays / total - 1e-9));
  }
  if (t.durationDays !== undefined) return Math.max(1, Math.ceil(t.durationDays - 1e-9));
  return 1;
}

interface Graph { offsets: Int32Array; targets: Int32Array; /** For an edge from a dependency: its index in deps, else -1 */ }

export class Scheduler {
  private readonly n: number;
  private timeline!: Timeline;
  private readonly depPt: Int32Array;
  private readonly depFrom: Int32Array;
  private readonly floorPt: Int32Array;
  private readonly pinIdx: Int32Array;
  private readonly result: Schedule;

  constructor(private readonly model: PlanModel, private readonly sink: DiagnosticSink) {
    const n = (this.n = model.tasks.length);
    this.depPt = new Int32Array(n);
    this.depFrom = new Int32Array(n);
    this.floorPt = new Int32Array(n);
    this.pinIdx = new Int32Array(n).fill(NONE);
    this.result = {
      timeline: undefined, scheduled: new Uint8Array(n), startPt: new Int32Array(n), endPt: new Int32Array(n),
      length: new Int32Array(n), slack: new Float64Array(n).fill(NaN), critical: new Uint8Array(n),
      projectStartDay: undefined, projectEndPt: -1, cycles: [],
    };
  }

  run(): Schedule {
    const project = this.model.project;
    let origin = project.startDay;
    if (origin === undefined) {
      // Without a start there is nothing to count from; fall back to the earliest pinned date.
      for (const t of this.model.tasks) if (t.pinDay !== undefined && (origin === undefined || t.pinDay < origin)) origin = t.pinDay;
    }
    if (origin === undefined || !project.calendar.worksAnyDay) return this.result;
    this.timeline = new Timeline(project.calendar, origin);
    this.result.timeline = this.timeline;
    this.result.projectStartDay = this.timeline.originDay;
    this.resolvePins();

    const graph = this.buildGraph();
    const order = this.order(graph);
    this.forward(order);
    this.backward(order);
    return this.result;
  }

  // ------------------------------------------------------------------ pins

  private resolvePins(): void {
    const tl = this.timeline;
    for (const t of this.model.tasks) {
      if (t.pinDay === undefined || !t.pinProperty?.date) continue;
      const date = t.pinProperty.date;
      const word = t.kind === 'milestone' ? 'on' : 'start';
      if (t.pinDay < tl.originDay) {
        this.sink.report('invalid-value', date, `${t.id} is pinned (${word} ${formatDay(t.pinDay)}) before the project starts on ${formatDay(tl.originDay)}.`);
        this.pinIdx[t.index] = 0;
        continue;
      }
      if (!tl.calendar.isWorkday(t.pinDay)) {
        const next = tl.dayOf(tl.ceilIndex(t.pinDay));
        this.sink.report('non-working-day', date, `${formatDay(t.pinDay)} is not a working day${next !== undefined ? `; the next working day is ${formatDay(next)}` : ''}.`, {
          data: next !== undefined ? { suggestion: formatDay(next) } : undefined,
        });
      }
      this.pinIdx[t.index] = tl.ceilIndex(t.pinDay);
    }
  }

  // ------------------------------------------------------------------ graph

  private buildGraph(): Graph {
    const n = this.n, tasks = this.model.tasks;
    const count = new Int32Array(2 * n + 1);
    for (const t of tasks) {
      if (t.parent >= 0) { count[t.parent]++; }
      for (const d of t.deps) count[n + d.target]++;
      if (t.kind !== 'group') count[t.index]++;
      else for (let k = 0; k < t.children.length; k++) count[n + t.children[k]]++;
    }
    const offsets = new Int32Array(2 * n + 1);
    for (let i = 0; i < 2 * n; i++) offsets[i + 1] = offsets[i] + count[i];
    const targets = new Int32Array(offsets[2 * n]);
    const fill = offsets.slice(0, 2 * n);
    for (const t of tasks) {
      const i = t.index;
      if (t.parent >= 0) targets[fill[t.parent]++] = i;
      for (const d of t.deps) targets[fill[n + d.target]++] = i;
      if (t.kind !== 'group') targets[fill[i]++] = n + i;
      else for (let k = 0; k < t.children.length; k++) targets[fill[n + t.children[k]]++] = n + i;
    }
    return { offsets, targets };
  }

  /** Topological order of the nodes outside cycles; cycle members are reported and left out. */
  private order(g: Graph): Int32Array {
    const size = 2 * this.n;
    let order = this.kahn(g, undefined);
    if (order.length === size) return order;
    const cyclic = this.findCycles(g);
    order = this.kahn(g, cyclic);
    return order;
  }

  private kahn(g: Graph, cyclic: Uint8Array | undefined): Int32Array {
    const size = 2 * this.n;
    const indeg = new Int32Array(size);
    for (let u = 0; u < size; u++) {
      if (cyclic && cyclic[u]) continue;
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) indeg[g.targets[e]]++;
    }
    const order = new Int32Array(size);
    let head = 0, tail = 0;
    for (let u = 0; u < size; u++) if (indeg[u] === 0 && !(cyclic && cyclic[u])) order[tail++] = u;
    while (head < tail) {
      const u = order[head++];
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const v = g.targets[e];
        if (--indeg[v] === 0 && !(cyclic && cyclic[v])) order[tail++] = v;
      }
    }
    return order.subarray(0, tail);
  }

  /** Tarjan's algorithm, iterative; marks members of components with more than one node. */
  private findCycles(g: Graph): Uint8Array {
    const size = 2 * this.n;
    const index = new Int32Array(size).fill(NONE);
    const low = new Int32Array(size);
    const onStack = new Uint8Array(size);
    const stack: number[] = [];
    const cyclic = new Uint8Array(size);
    const component = new Int32Array(size).fill(NONE);
    const callNode: number[] = [];
    const callEdge: number[] = [];
    let counter = 0;
    const components: number[][] = [];
    for (let root = 0; root < size; root++) {
      if (index[root] !== NONE) continue;
      callNode.push(root); callEdge.push(g.offsets[root]);
      index[root] = low[root] = counter++; stack.push(root); onStack[root] = 1;
      while (callNode.length > 0) {
        const u = callNode[callNode.length - 1];
        const e = callEdge[callEdge.length - 1];
        if (e < g.offsets[u + 1]) {
          callEdge[callEdge.length - 1] = e + 1;
          const v = g.targets[e];
          if (index[v] === NONE) {
            index[v] = low[v] = counter++; stack.push(v); onStack[v] = 1;
            callNode.push(v); callEdge.push(g.offsets[v]);
          } else if (onStack[v] && index[v] < low[u]) low[u] = index[v];
          continue;
        }
        callNode.pop(); callEdge.pop();
        if (callNode.length > 0) { const p = callNode[callNode.length - 1]; if (low[u] < low[p]) low[p] = low[u]; }
        if (low[u] === index[u]) {
          const members: number[] = [];
          let w: number;
          do { w = stack.pop()!; onStack[w] = 0; members.push(w); } while (w !== u);
          if (members.length > 1) {
            for (const m of members) { cyclic[m] = 1; component[m] = components.length; }
            components.push(members);
          }
        }
      }
    }
    for (const members of components) this.reportCycle(g, members, component);
    return cyclic;
  }

  private reportCycle(g: Graph, members: number[], component: Int32Array): void {
    const n = this.n, tasks = this.model.tasks;
    const comp = component[members[0]];
    const taskOf = (node: number) => (node >= n ? node - n : node);
    // Start at the first task of the cycle in document order whose ENTRY is in the cycle.
    let start = NONE;
    for (const m of members) if (m < n && (start === NONE || m < start)) start = m;
    if (start === NONE) start = Math.min(...members);
    // Breadth-first over reversed edges ("is after") inside the component, back to the start.
    const reverse = new Map<number, number[]>();
    for (const u of members) {
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const v = g.targets[e];
        if (component[v] !== comp) continue;
        let list = reverse.get(v);
        if (!list) reverse.set(v, (list = []));
        list.push(u);
      }
    }
    const prev = new Map<number, number>();
    const queue = [start];
    let found = false;
    for (let qi = 0; qi < queue.length && !found; qi++) {
      const u = queue[qi];
      for (const v of reverse.get(u) ?? []) {
        if (v === start) { prev.set(start, u); found = true; break; }
        if (!prev.has(v)) { prev.set(v, u); queue.push(v); }
      }
    }
    const nodes: number[] = [start];
    if (found) {
      // prev maps a node to the node it was reached from; walk from the start's predecessor back.
      const chain: number[] = [];
      for (let v = prev.get(start)!; v !== start; v = prev.get(v)!) chain.push(v);
      nodes.push(...chain.reverse(), start);
    }
    const path: number[] = [];
    for (const node of nodes) { const t = taskOf(node); if (path[path.length - 1] !== t) path.push(t); }
    if (path.length === 1) path.push(path[0]);
    const ids = path.map((i) => tasks[i].id);
    const shown = ids.length > 12 ? [...ids.slice(0, 6), '…', ...ids.slice(-5)] : ids;
    const message = `Dependency cycle: ${shown.join(' → ')}. The tasks in it cannot be scheduled.`;
    const taskMembers = new Set<number>();
    for (const m of members) taskMembers.add(taskOf(m));
    this.result.cycles.push({ members: [...taskMembers].sort((a, b) => a - b), path });
    // Every reference whose edge lies inside the cycle gets the diagnostic.
    for (const i of [...taskMembers].sort((a, b) => a - b)) {
      if (component[i] !== comp) continue;
      for (const d of tasks[i].deps) if (component[n + d.target] === comp) this.sink.report('dependency-cycle', d.ref, message, { data: { cycle: ids } });
    }
  }

  // ------------------------------------------------------------------ forward pass

  private forward(order: Int32Array): void {
    const n = this.n, tasks = this.model.tasks, tl = this.timeline, r = this.result;
    const { depPt, depFrom, floorPt, pinIdx } = this;
    const entry = new Int32Array(n);
    const reached = new Uint8Array(n);
    for (let k = 0; k < order.length; k++) {
      const node = order[k];
      if (node < n) {
        const t = tasks[node];
        reached[node] = 1;
        let dp = -INF, from = NONE, fp = 0;
        if (t.parent >= 0) { dp = depPt[t.parent]; from = depFrom[t.parent]; fp = floorPt[t.parent]; }
        if (t.notBeforeDay !== undefined) { const p = 2 * tl.ceilIndex(t.notBeforeDay); if (p > fp) fp = p; }
        if (t.kind === 'group' && pinIdx[node] !== NONE && 2 * pinIdx[node] > fp) fp = 2 * pinIdx[node];
        for (const d of t.deps) {
          if (!r.scheduled[d.target]) continue;
          let p = (d.startOf ? r.startPt[d.target] : r.endPt[d.target]) + 2 * d.lagDays;
          if (p < 0) p = 0;
          if (p > dp) { dp = p; from = d.target; }
        }
        depPt[node] = dp; depFrom[node] = from; floorPt[node] = fp;
        entry[node] = dp > fp ? dp : fp;
        if (t.kind === 'group' && pinIdx[node] !== NONE && dp > 2 * pinIdx[node]) this.reportPinConflict(t, from);
        continue;
      }
      const i = node - n;
      const t = tasks[i];
      if (t.kind === 'leaf') {
        if (!reached[i]) continue;
        const len = leafLength(t);
        let s: number;
        if (pinIdx[i] !== NONE) {
          s = pinIdx[i];
          if (depPt[i] > 2 * s) this.reportPinConflict(t, depFrom[i]);
        } else s = (entry[i] + 1) >> 1;
        r.startPt[i] = 2 * s; r.endPt[i] = 2 * (s + len - 1) + 1; r.length[i] = len; r.scheduled[i] = 1;
      } else if (t.kind === 'milestone') {
        if (!reached[i]) continue;
        let p = entry[i];
        if (pinIdx[i] !== NONE) {
          const day = pinIdx[i];
          if (p < 2 * day) p = 2 * day;
          if (p >> 1 > day) {
            p = 2 * day;
            if (depPt[i] >> 1 > day) this.reportPinConflict(t, depFrom[i]);
          }
        }
        r.startPt[i] = r.endPt[i] = p; r.length[i] = 0; r.scheduled[i] = 1;
      } else {
        let s = INF, e = -INF;
        for (const c of t.children) if (r.scheduled[c]) { if (r.startPt[c] < s) s = r.startPt[c]; if (r.endPt[c] > e) e = r.endPt[c]; }
        if (s === INF) continue;
        r.startPt[i] = s; r.endPt[i] = e; r.scheduled[i] = 1;
        r.length[i] = Math.max(0, (e >> 1) - (s >> 1) + 1);
      }
      if (r.endPt[i] > r.projectEndPt) r.projectEndPt = r.endPt[i];
    }
  }

  private reportPinConflict(t: TaskNode, from: number): void {
    const tasks = this.model.tasks, r = this.result, tl = this.timeline;
    const prop = t.pinProperty!;
    const pinDay = t.pinDay!;
    const dep = from !== NONE ? tasks[from] : undefined;
    const edge = dep ? this.findEdge(t, from) : undefined;
    let what = 'its dependencies';
    if (dep) {
      const ss = edge?.startOf ?? false;
      const day = tl.dayOf((ss ? r.startPt[from] : r.endPt[from]) >> 1);
      what = `${dep.id}, which ${ss ? 'starts' : 'ends'} on ${day !== undefined ? formatDay(day) : '?'}`;
    }
    const earliest = this.earliestDayFor(t);
    const pinned = t.kind === 'milestone' ? `is set on ${formatDay(pinDay)}` : `is pinned to start on ${formatDay(pinDay)}`;
    const possible = t.kind === 'milestone' ? 'the earliest possible day' : 'the earliest possible start';
    this.sink.report('start-before-dependency', prop,
      `${t.id} ${pinned}, but it depends on ${what}${earliest ? `; ${possible} is ${earliest}` : ''}.`,
      { data: earliest ? { earliest } : undefined });
  }

  private earliestDayFor(t: TaskNode): string | undefined {
    const p = this.depPt[t.index];
    const idx = t.kind === 'milestone' ? p >> 1 : (p + 1) >> 1;
    const day = this.timeline.dayOf(idx);
    return day !== undefined ? formatDay(day) : undefined;
  }

  /** The dependency (own or inherited) of `t` on `target`. */
  private findEdge(t: TaskNode, target: number) {
    for (let i = t.index; i >= 0; i = this.model.tasks[i].parent) {
      const d = this.model.tasks[i].deps.find((x) => x.target === target);
      if (d) return d;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ backward pass

  private backward(order: Int32Array): void {
    const n = this.n, tasks = this.model.tasks, r = this.result, tl = this.timeline;
    if (r.projectEndPt < 0) return;
    let horizon = r.projectEndPt;
    const deadline = this.model.project.deadlineDay;
    if (deadline !== undefined) { const p = 2 * tl.floorIndex(deadline) + 1; if (p > horizon) horizon = p; }
    const boundEnd = new Int32Array(n).fill(horizon);
    const boundStart = new Int32Array(n).fill(INF);
    const boundEntry = new Int32Array(n).fill(INF);
    const latest = new Int32Array(n);
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      if (node >= n) {
        const i = node - n, t = tasks[i];
        if (!r.scheduled[i]) continue;
        if (t.kind === 'group') {
          for (const c of t.children) {
            if (boundEnd[i] < boundEnd[c]) boundEnd[c] = boundEnd[i];
            if (r.startPt[c] === r.startPt[i] && boundStart[i] < boundStart[c]) boundStart[c] = boundStart[i];
          }
        } else if (t.kind === 'leaf') {
          const len = r.length[i];
          let ls = ((boundEnd[i] - 1) >> 1) - len + 1;
          if (boundStart[i] !== INF && boundStart[i] >> 1 < ls) ls = boundStart[i] >> 1;
          latest[i] = 2 * ls;
          r.slack[i] = ls - (r.startPt[i] >> 1);
          const e = this.pinIdx[i] !== NONE ? r.startPt[i] : 2 * ls;
          if (e < boundEntry[i]) boundEntry[i] = e;
        } else {
          const q = Math.min(boundEnd[i], boundStart[i]);
          latest[i] = q;
          r.slack[i] = workTime(q) - workTime(r.startPt[i]);
          const e = this.pinIdx[i] !== NONE ? r.startPt[i] : q;
          if (e < boundEntry[i]) boundEntry[i] = e;
        }
        continue;
      }
      const t = tasks[node];
      const b = boundEntry[node];
      if (b === INF) continue;
      if (t.parent >= 0 && b < boundEntry[t.parent]) boundEntry[t.parent] = b;
      for (const d of t.deps) {
        if (!r.scheduled[d.target]) continue;
        const limit = b - 2 * d.lagDays;
        if (d.startOf) { if (limit < boundStart[d.target]) boundStart[d.target] = limit; }
        else if (limit < boundEnd[d.target]) boundEnd[d.target] = limit;
      }
    }
    // Groups: the least slack of their children (children come after their group in index order).
    for (let i = n - 1; i >= 0; i--) {
      const t = tasks[i];
      if (t.kind !== 'group' || !r.scheduled[i]) continue;
      let s = Infinity;
      for (const c of t.children) if (r.scheduled[c] && r.slack[c] < s) s = r.slack[c];
      r.slack[i] = s === Infinity ? NaN : s;
    }
    for (let i = 0; i < n; i++) r.critical[i] = r.scheduled[i] && r.slack[i] <= 0 ? 1 : 0;
  }
}

export function schedulePlan(model: PlanModel, sink: DiagnosticSink): Schedule {
  return new Scheduler(model, sink).run();
}
