/**
 * The timeline view of the webview (client/webview/), in headless Chromium on the real page
 * (timelinePage.ts) under its CSP, with models from the real pipeline (analyzePlan → timelineModel), in
 * both renderers: one bar per visible scheduled task at its dates, marks (critical, done, active,
 * milestone, late, deadline, status date), unscheduled tasks with their reason, hostile names as text,
 * reveal on click and keyboard, highlight, collapse, filters, state across a reload, themes, a
 * 5,000-task plan, coalesced updates, empty states; screenshots in test-results/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../../server/src/language/analyze';
import { timelineModel } from '../../server/src/language/timeline/model';
import type { TimelineModel } from '../../server/src/language/timeline/types';
import type { PreviewSettings, RenderReport, TimelineState, WebviewMessage } from '../../client/src/timeline/messages';
import { generatePlan, writePlan } from '../bench/generate';
import { ROOT } from '../cli/helpers';
import { suiteBrowser, type TimelineBrowser, type TimelinePage } from './timelinePage';

const RESULTS = path.join(ROOT, 'test-results');

// a → b → m1 → c is the critical path (the project deadline is its end); c misses its own deadline
// (late); d has slack; x and y are in a cycle. Names carry gantt syntax and HTML.
const HOSTILE_A = 'a: b; #c "d" <e>&';
const HOSTILE_B = '<img src=x onerror=alert(1)> %% not a comment';
const PLAN = `project demo "Demo <b>plan</b> & co" {
  start 2027-01-04
  deadline 2027-01-19
  status 2027-01-08
}
resource ann "Ann" { rate 500/d }
resource bob "Bob" { rate 400/d }
task phase1 "Phase one" {
  task a "a: b; #c \\"d\\" <e>&" { duration 3d  assign ann  progress 100% }
  task b "<img src=x onerror=alert(1)> %% not a comment" { after a  duration 4d  assign bob  progress 50% }
  milestone m1 "Phase one done" { after b }
}
task phase2 "Phase two" {
  after phase1
  task c "Build" { duration 5d  assign ann  deadline 2027-01-15 }
  task d "Side work" { duration 2d  assign bob }
}
task x "In a cycle" { duration 2d  after y }
task y "Cycle partner" { duration 1d  after x }
`;

const URI = 'file:///work/demo.plan';
const modelOf = (text: string, version = 1, uri = URI): TimelineModel => timelineModel(analyzePlan(text), uri, version);
const BUILTIN: PreviewSettings = { renderer: 'builtin', mermaidMaxTasks: 150 };
const MERMAID: PreviewSettings = { renderer: 'mermaid', mermaidMaxTasks: 150 };
const AUTO: PreviewSettings = { renderer: 'auto', mermaidMaxTasks: 150 };
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const scheduled = (m: TimelineModel) => m.tasks.filter((t) => t.start !== null);
const barsOf = (r: RenderReport) => r.bars.map((b) => `${b.id} ${b.start} ${b.end}`);
/** In the page: the contrast ratio (WCAG) of each mermaid label beside its bar against the background. */
// A script string: the test runner's transpiler would add helpers the page lacks to a function.
const LABEL_CONTRASTS = `(() => {
  const lum = (c) => {
    const [r, g, b] = (c.match(/[\\d.]+/g) || []).slice(0, 3).map((v) => { const s = Number(v) / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const bg = lum(getComputedStyle(document.body).backgroundColor);
  return [...document.querySelectorAll('.mermaid-chart text.pac-bar')]
    .filter((t) => /taskTextOutside(Right|Left)/.test(t.getAttribute('class') || ''))
    .map((t) => { const fg = lum(getComputedStyle(t).fill); return { id: t.getAttribute('data-id'), ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) }; });
})()`;

describe('timeline webview: the gantt chart in Chromium', function () {
  this.timeout(120_000);
  const browser = suiteBrowser(RESULTS);
  let page: TimelinePage | undefined;

  afterEach(async function () {
    // No console errors, CSP violations, page errors or outside requests in any test.
    if (page) {
      const problems = page.problems.slice();
      await page.close();
      page = undefined;
      if (this.currentTest?.state === 'passed') assert.deepEqual(problems, []);
    }
  });

  async function open(options: Parameters<TimelineBrowser['open']>[0] = {}): Promise<TimelinePage> {
    page = await browser.open(options);
    return page;
  }

  /** Sends a model and waits for its render report (the next one after what was posted so far). */
  async function show(p: TimelinePage, model: TimelineModel, settings: PreviewSettings, fileName = 'demo.plan'): Promise<RenderReport> {
    const since = (await p.posted()).length;
    await p.send({ type: 'model', model, fileName, settings });
    return p.rendered((r) => r.version === model.version, since);
  }

  /** Waits for a message the page posts (after `since` messages). */
  async function waitForPosted(p: TimelinePage, accept: (m: WebviewMessage) => boolean, since: number): Promise<WebviewMessage> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const hit = (await p.posted()).slice(since).find(accept);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error('the page posted no such message within 10 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Runs `action` and waits for the render report that follows it. */
  async function renderAfter(p: TimelinePage, action: () => Promise<unknown>): Promise<RenderReport> {
    const since = (await p.posted()).length;
    await action();
    return p.rendered(() => true, since);
  }

  describe('built-in renderer', () => {
    it('one bar per scheduled task at its dates, with its marks; unscheduled tasks listed with the reason', async () => {
      const p = await open();
      const model = modelOf(PLAN);
      const r = await show(p, model, BUILTIN);
      assert.equal(r.renderer, 'builtin');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(barsOf(r), scheduled(model).map((t) => `${t.id} ${t.start} ${t.end}`));
      const dom = await p.page.$$eval('.gantt-bars g.bar', (gs) => gs.map((g) => `${g.getAttribute('data-id')} ${g.getAttribute('data-start')} ${g.getAttribute('data-end')}`));
      assert.deepEqual(dom, barsOf(r));
      const cls = async (id: string) => (await p.page.getAttribute(`.gantt-bars g.bar[data-id="${id}"]`, 'class'))!.split(' ');
      assert.ok((await cls('a')).includes('critical') && (await cls('a')).includes('done'));
      assert.ok((await cls('b')).includes('active'));
      assert.ok((await cls('m1')).includes('milestone'));
      assert.ok((await cls('c')).includes('late'));
      assert.ok(!(await cls('d')).includes('critical'));
      // Bars sit at their dates on one linear scale.
      const x = async (id: string) => p.page.$eval(`.gantt-bars g.bar[data-id="${id}"] rect.body`, (e) => [Number(e.getAttribute('x')), Number(e.getAttribute('width'))]);
      const [ax, aw] = await x('a'), [cx, cw] = await x('c');
      const perDay = aw / 3; // a: Mon 4 – Wed 6 January
      assert.ok(Math.abs(cx - (ax + (dayOf('2027-01-13') - dayOf('2027-01-04')) * perDay)) < 0.2, `c starts at ${cx}`);
      assert.ok(Math.abs(cw - 7 * perDay) < 0.2, 'c: Wed 13 – Tue 19 January, weekend included');
      // Project deadline and status date, in the axis and across the rows; the task's own deadline.
      assert.equal(await p.page.locator('.gantt-bars .deadline-line[data-date="2027-01-19"]').count(), 1);
      assert.equal(await p.page.locator('.gantt-bars .status-line[data-date="2027-01-08"]').count(), 1);
      assert.equal(await p.page.locator('.gantt-axis .marker-head').count(), 2);
      assert.equal(await p.page.locator('.gantt-bars .deadline[data-deadline="2027-01-15"]').count(), 1);
      // The cycle: listed below the chart with the reason, and in the report.
      assert.deepEqual(r.unscheduled, [{ id: 'x', reason: 'in a dependency cycle: x → y → x' }, { id: 'y', reason: 'in a dependency cycle: x → y → x' }]);
      const listed = await p.page.locator('.unscheduled-list li').allInnerTexts();
      assert.deepEqual(listed, ['In a cycle: in a dependency cycle: x → y → x', 'Cycle partner: in a dependency cycle: x → y → x']);
      // The toolbar's title line.
      const title = await p.page.locator('.toolbar .title').innerText();
      assert.match(title, /Demo <b>plan<\/b> & co/);
      assert.match(title, /demo\.plan/);
      assert.match(title, /ends 2027-01-19 \(deadline 2027-01-19\)/);
      assert.match(title, /\d+ errors?/);
      assert.match(await p.page.locator('.renderer').innerText(), /built-in/);
    });

    it('hostile names are shown exactly as text and inject nothing', async () => {
      const p = await open();
      await show(p, modelOf(PLAN), BUILTIN);
      const names = await p.page.locator('.row-label .name').allInnerTexts();
      assert.ok(names.includes(HOSTILE_A) && names.includes(HOSTILE_B), JSON.stringify(names));
      assert.equal(await p.page.locator('#app img, #app script, #app b, #app e').count(), 0);
      assert.equal(await p.page.locator('.corner-name').innerText(), 'Demo <b>plan</b> & co');
    });

    it('click on a bar or label reveals the task; keyboard moves the selection and Enter reveals', async () => {
      const p = await open();
      await show(p, modelOf(PLAN), BUILTIN);
      await p.page.click('.gantt-bars g.bar[data-id="c"] rect.body');
      await p.page.click('.row-label[data-id="b"] .name');
      let reveals = (await p.posted()).filter((m) => m.type === 'reveal');
      assert.deepEqual(reveals, [{ type: 'reveal', taskId: 'c' }, { type: 'reveal', taskId: 'b' }]);
      assert.equal(await p.page.locator('.gantt-bars g.bar[data-id="b"]').getAttribute('class').then((c) => c!.includes('selected')), true);
      assert.equal(await p.page.$eval('.gantt-bars g.bar[data-id="c"]', (e) => getComputedStyle(e).cursor), 'pointer');
      await p.page.focus('.gantt-scroll');
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('Enter');
      reveals = (await p.posted()).filter((m) => m.type === 'reveal');
      assert.deepEqual(reveals.at(-1), { type: 'reveal', taskId: 'm1' });
      assert.ok((await p.page.getAttribute('.row-label[data-id="m1"]', 'class'))!.includes('selected'));
      // The export button.
      await p.page.click('button.export');
      assert.deepEqual((await p.posted()).at(-1), { type: 'export' });
    });

    it('twisties collapse and expand groups; collapse all, expand all and the outline level', async () => {
      const p = await open();
      const model = modelOf(PLAN);
      await show(p, model, BUILTIN);
      let r = await renderAfter(p, () => p.page.click('.row-label[data-id="phase1"] .twisty'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'phase2', 'c', 'd']);
      assert.equal(await p.page.locator('.row-label[data-id="a"]').count(), 0);
      assert.deepEqual(((await p.state()) as TimelineState).collapsed, ['phase1']);
      r = await renderAfter(p, () => p.page.click('.row-label[data-id="phase1"] .twisty'));
      assert.equal(r.bars.length, scheduled(model).length);
      r = await renderAfter(p, () => p.page.click('button.collapse-all'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'phase2']);
      r = await renderAfter(p, () => p.page.click('button.expand-all'));
      assert.equal(r.bars.length, scheduled(model).length);
      r = await renderAfter(p, () => p.page.selectOption('select.level', '1'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'phase2']);
      // Keyboard: right expands, left collapses.
      await p.page.click('.row-label[data-id="phase2"] .name');
      r = await renderAfter(p, () => p.page.keyboard.press('ArrowRight'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'phase2', 'c', 'd']);
      r = await renderAfter(p, () => p.page.keyboard.press('ArrowLeft'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'phase2']);
    });

    it('filters: critical path only, one resource, one phase', async () => {
      const p = await open();
      const model = modelOf(PLAN);
      await show(p, model, BUILTIN);
      let r = await renderAfter(p, () => p.page.check('input.critical-only'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'a', 'b', 'm1', 'phase2', 'c']);
      assert.deepEqual(r.unscheduled, [], 'tasks in a cycle are not critical');
      r = await renderAfter(p, () => p.page.uncheck('input.critical-only'));
      r = await renderAfter(p, () => p.page.selectOption('select.resource-filter', 'bob'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'b', 'phase2', 'd']);
      r = await renderAfter(p, () => p.page.selectOption('select.phase-filter', 'phase2'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase2', 'd']);
      r = await renderAfter(p, () => p.page.selectOption('select.resource-filter', ''));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase2', 'c', 'd']);
      assert.deepEqual(((await p.state()) as TimelineState).filter, { criticalOnly: false, resource: null, phase: 'phase2' });
    });

    it('highlight marks the bar and label and scrolls a 5,000-task plan to it; a hidden task highlights its group', async () => {
      const p = await open();
      const model = modelOf(writePlan(generatePlan(5000, 3)));
      const r = await show(p, model, AUTO, 'big.plan');
      assert.equal(r.renderer, 'builtin');
      assert.equal(r.bars.length, scheduled(model).length);
      assert.match(await p.page.locator('.notice').innerText(), /5000 rows: drawn by the built-in renderer/);
      const rowsInDom = await p.page.locator('.row-label').count();
      assert.ok(rowsInDom > 10 && rowsInDom < 200, `${rowsInDom} rows in the DOM`);
      const target = model.tasks[4900];
      await p.send({ type: 'highlight', taskId: target.id });
      const bar = p.page.locator(`.gantt-bars g.bar[data-id="${target.id}"]`);
      await bar.waitFor();
      assert.match((await bar.getAttribute('class'))!, /\bhighlight\b/);
      assert.match((await p.page.getAttribute(`.row-label[data-id="${target.id}"]`, 'class'))!, /\bhighlight\b/);
      const visible = await p.page.$eval(`.row-label[data-id="${target.id}"]`, (e) => {
        const box = e.getBoundingClientRect(), view = document.querySelector('.gantt-scroll')!.getBoundingClientRect();
        return box.top >= view.top && box.bottom <= view.bottom;
      });
      assert.ok(visible, 'the highlighted row is scrolled into view');
      assert.ok(await p.page.locator('.row-label').count() < 200);
      await p.page.screenshot({ path: path.join(RESULTS, 'timeline-large.png') });
      // A task inside a collapsed group: the group is highlighted.
      const group = model.tasks[target.parent];
      await renderAfter(p, () => p.page.click(`.row-label[data-id="${group.id}"] .twisty`));
      await p.send({ type: 'highlight', taskId: target.id });
      await p.page.waitForSelector(`.row-label.highlight[data-id="${group.id}"]`);
      // The page answers each highlight: drawn in its own row, or hidden in its group.
      const answers = (await p.posted()).filter((m) => m.type === 'highlighted');
      assert.deepEqual(answers, [{ type: 'highlighted', taskId: target.id, shown: true }, { type: 'highlighted', taskId: target.id, shown: false }]);
    });

    it('scrollTo (the editor scrolled) puts the task\'s row at the top, in both renderers, and answers', async () => {
      const p = await open({ height: 600 });
      const big = modelOf(writePlan(generatePlan(5000, 5)));
      await show(p, big, BUILTIN, 'big.plan');
      const target = big.tasks[3210];
      await p.send({ type: 'scrollTo', taskId: target.id });
      await p.page.locator(`.row-label[data-id="${target.id}"]`).waitFor();
      const gap = async (selector: string, scroller: string) => p.page.$eval(selector, (e, sc) => e.getBoundingClientRect().top - document.querySelector(sc)!.getBoundingClientRect().top, scroller);
      const header = await p.page.$eval('.gantt-scroll', (e) => e.getBoundingClientRect().top);
      const rowTop = await p.page.$eval(`.row-label[data-id="${target.id}"]`, (e) => e.getBoundingClientRect().top);
      const headerHeight = await p.page.$eval('.gantt-header, .gantt-axis', (e) => e.getBoundingClientRect().height);
      assert.ok(Math.abs(rowTop - header - headerHeight) <= 2, `the row is at the top below the header (${rowTop - header - headerHeight}px off)`);
      let answers = (await p.posted()).filter((m) => m.type === 'scrolled');
      assert.deepEqual(answers, [{ type: 'scrolled', taskId: target.id }]);
      // mermaid: the bar's top at the top of the chart's scroller.
      const small = modelOf(PLAN, 2);
      await show(p, small, MERMAID);
      await p.page.setViewportSize({ width: 1400, height: 220 });
      await p.send({ type: 'scrollTo', taskId: 'd' });
      await p.page.waitForFunction(() => document.querySelector('.gantt-scroll')!.scrollTop > 0);
      const offset = await gap('.mermaid-chart rect.pac-bar[data-id="d"]', '.gantt-scroll');
      assert.ok(offset >= 0 && offset <= 10, `d is ${offset}px below the top`);
      answers = (await p.posted()).filter((m) => m.type === 'scrolled');
      assert.deepEqual(answers.at(-1), { type: 'scrolled', taskId: 'd' });
      // A task hidden in a collapsed group: its group's row goes to the top.
      await renderAfter(p, () => p.page.click('button.collapse-all'));
      const before = (await p.posted()).length;
      await p.send({ type: 'scrollTo', taskId: 'c' });
      const answer = await waitForPosted(p, (m) => m.type === 'scrolled', before);
      assert.deepEqual(answer, { type: 'scrolled', taskId: 'phase2' });
    });

    it('scrolling a 5,000-task plan draws the rows in view only', async () => {
      const p = await open({ height: 700 });
      const model = modelOf(writePlan(generatePlan(5000, 4)));
      await show(p, model, BUILTIN, 'big.plan');
      await p.page.$eval('.gantt-scroll', (e) => { e.scrollTop = e.scrollHeight; });
      const last = model.tasks.at(-1)!;
      await p.page.locator(`.row-label[data-id="${last.id}"]`).waitFor();
      assert.ok(await p.page.locator('.row-label').count() < 100);
      assert.equal(await p.page.locator(`.row-label[data-id="${model.tasks[0].id}"]`).count(), 0);
    });

    it('dependency arrows: from the end of the task waited for into the start of the waiting one; a switch hides them', async () => {
      const p = await open();
      await show(p, modelOf(PLAN), BUILTIN);
      const arrows = await p.page.$$eval('.gantt-bars path.dep', (ps) => ps.map((e) => ({ link: `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`, d: e.getAttribute('d')!, cls: e.getAttribute('class')! })));
      // x and y (a cycle) have no dates: no arrows between them.
      assert.deepEqual(arrows.map((a) => a.link), ['a→b', 'b→m1', 'phase1→phase2']);
      const box = (id: string) => p.page.$eval(`.gantt-bars g.bar[data-id="${id}"] rect.body`, (e) => ({ x: Number(e.getAttribute('x')), w: Number(e.getAttribute('width')) }));
      const a = await box('a'), b = await box('b');
      const ab = arrows.find((x) => x.link === 'a→b')!;
      const nums = ab.d.match(/-?[\d.]+/g)!.map(Number);
      assert.ok(Math.abs(nums[0] - (a.x + a.w)) < 0.2, `starts at the end of a: ${ab.d}`);
      assert.ok(Math.abs(nums.at(-1)! - b.x) < 0.2, `ends at the start of b: ${ab.d}`);
      assert.match(ab.cls, /critical/, 'a and b are on the critical path');
      assert.equal(await p.page.$eval('.gantt-bars path.dep', (e) => getComputedStyle(e).markerEnd), 'url("#pac-arrow-critical")');
      // The switch: off hides them and is kept in the state; on brings them back.
      await renderAfter(p, () => p.page.uncheck('input.show-links'));
      assert.equal(await p.page.locator('.gantt-bars path.dep').count(), 0);
      assert.equal(((await p.state()) as TimelineState).hideLinks, true);
      await renderAfter(p, () => p.page.check('input.show-links'));
      assert.equal(await p.page.locator('.gantt-bars path.dep').count(), 3);
      assert.ok(!('hideLinks' in ((await p.state()) as TimelineState)));
    });

    it('the zoom changes the scale and is kept in the state', async () => {
      const p = await open();
      await show(p, modelOf(PLAN), BUILTIN);
      const width = () => p.page.$eval('.gantt-bars g.bar[data-id="a"] rect.body', (e) => Number(e.getAttribute('width')));
      await renderAfter(p, () => p.page.selectOption('select.zoom', '28'));
      assert.equal(await width(), 84);
      await renderAfter(p, () => p.page.selectOption('select.zoom', '8'));
      assert.equal(await width(), 24);
      assert.equal(((await p.state()) as TimelineState).zoom, 8);
    });
  });

  describe('mermaid renderer', () => {
    it('one bar per scheduled row at its dates on mermaid\'s axis, marks, markers, unscheduled listed', async () => {
      const p = await open();
      const model = modelOf(PLAN);
      const r = await show(p, model, MERMAID);
      assert.equal(r.renderer, 'mermaid');
      assert.deepEqual(r.errors, []);
      // Expanded top-level groups are sections, not bars.
      const expected = scheduled(model).filter((t) => !(t.kind === 'group' && t.depth === 0));
      assert.deepEqual(barsOf(r), expected.map((t) => `${t.id} ${t.start} ${t.end}`));
      const rects = await p.page.$$eval('.mermaid-chart rect.pac-bar', (rs) => rs.map((e) => ({
        id: e.getAttribute('data-id')!, x: Number(e.getAttribute('x')), y: Number(e.getAttribute('y')), width: Number(e.getAttribute('width')), cls: e.getAttribute('class')!,
      })));
      assert.deepEqual(rects.map((e) => e.id).sort(), expected.map((t) => t.id).sort());
      // Top to bottom in plan order, left to right on one linear scale (mermaid rounds to pixels).
      const byId = new Map(rects.map((e) => [e.id, e]));
      assert.deepEqual([...rects].sort((u, v) => u.y - v.y).map((e) => e.id), expected.map((t) => t.id));
      const a = byId.get('a')!, c = byId.get('c')!;
      const perDay = (c.x - a.x) / (dayOf('2027-01-13') - dayOf('2027-01-04'));
      for (const t of expected.filter((t) => t.kind !== 'milestone')) {
        const e = byId.get(t.id)!;
        assert.ok(Math.abs(e.x - (a.x + (dayOf(t.start!) - dayOf('2027-01-04')) * perDay)) <= 1, `${t.id} x`);
        assert.ok(Math.abs(e.width - (dayOf(t.end!) + 1 - dayOf(t.start!)) * perDay) <= 1, `${t.id} width`);
      }
      // mermaid's own classes: doneCrit0, crit1, active0, …
      assert.match(byId.get('a')!.cls, /crit/i);
      assert.match(byId.get('a')!.cls, /done/i);
      assert.match(byId.get('b')!.cls, /\bactive/);
      assert.match(byId.get('m1')!.cls, /\bmilestone\b/);
      assert.match(byId.get('c')!.cls, /\blate\b/);
      assert.doesNotMatch(byId.get('d')!.cls, /crit/i);
      assert.equal(await p.page.locator('.mermaid-chart line.status-line').count(), 1);
      assert.equal(await p.page.locator('.mermaid-chart line.deadline-line').count(), 1);
      assert.deepEqual(await p.page.locator('.unscheduled-list li').allInnerTexts(), ['In a cycle: in a dependency cycle: x → y → x', 'Cycle partner: in a dependency cycle: x → y → x']);
      assert.match(await p.page.locator('.renderer').innerText(), /mermaid/);
    });

    it('a narrow panel: axis labels well apart (weekly ticks on Mondays here), not mermaid\'s ten ticks', async () => {
      const p = await open({ width: 520, height: 700 });
      const r = await show(p, modelOf(PLAN), MERMAID);
      assert.equal(r.renderer, 'mermaid');
      const labels = await p.page.$$eval('.mermaid-chart g.tick text', (ts) => ts.map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: b.left, right: b.right, top: Math.round(b.top) };
      }));
      assert.ok(labels.length >= 2, JSON.stringify(labels));
      const rows = new Map<number, typeof labels>();
      for (const l of labels) rows.set(l.top, [...(rows.get(l.top) ?? []), l]);
      for (const row of rows.values()) {
        row.sort((a, b) => a.left - b.left);
        for (let i = 1; i < row.length; i++) assert.ok(row[i].left - row[i - 1].right >= 30, `"${row[i - 1].text}" and "${row[i].text}" are crowded`);
      }
      // 4, 11 and 18 January 2027 are Mondays.
      assert.deepEqual([...new Set(labels.map((l) => l.text))], ['04 Jan', '11 Jan', '18 Jan']);
    });

    it('dependency arrows over mermaid\'s bars, from the end of one bar into the start of the next', async () => {
      const p = await open();
      await show(p, modelOf(PLAN), MERMAID);
      const links = await p.page.$$eval('.mermaid-chart path.dep', (ps) => ps.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`));
      // phase1 and phase2 are sections (no bars): their link is not drawn.
      assert.deepEqual(links, ['a→b', 'b→m1']);
      const rect = (id: string) => p.page.$eval(`.mermaid-chart rect.pac-bar[data-id="${id}"]`, (e) => ({ x: Number(e.getAttribute('x')), w: Number(e.getAttribute('width')) }));
      const a = await rect('a'), b = await rect('b');
      const d = await p.page.getAttribute('.mermaid-chart path.dep[data-from="a"]', 'd');
      const nums = d!.match(/-?[\d.]+/g)!.map(Number);
      assert.ok(Math.abs(nums[0] - (a.x + a.w)) < 0.2 && Math.abs(nums.at(-1)! - b.x) < 0.2, d!);
      // Under the bars: the arrows come before the first bar in the SVG.
      const order = await p.page.$eval('.mermaid-chart g.pac-deps', (g) => Boolean(g.compareDocumentPosition(document.querySelector('.mermaid-chart rect.pac-bar')!) & Node.DOCUMENT_POSITION_FOLLOWING));
      assert.ok(order);
      await renderAfter(p, () => p.page.uncheck('input.show-links'));
      assert.equal(await p.page.locator('.mermaid-chart path.dep').count(), 0);
    });

    it('hostile names exactly, nothing injected', async () => {
      const p = await open();
      await show(p, modelOf(PLAN), MERMAID);
      const texts = await p.page.$$eval('.mermaid-chart text.pac-bar', (ts) => ts.map((t) => t.textContent));
      assert.ok(texts.includes(HOSTILE_A), JSON.stringify(texts));
      assert.ok(texts.includes(HOSTILE_B), JSON.stringify(texts));
      assert.equal(await p.page.locator('#app img, #app script, #app foreignObject, #app b').count(), 0);
    });

    it('click on a bar or its text reveals the task; sections and group bars collapse; highlight marks the bar', async () => {
      const p = await open();
      const model = modelOf(PLAN);
      await show(p, model, MERMAID);
      // The bar's label sits over its middle: the bar itself is clicked near its start.
      await p.page.click('.mermaid-chart rect.pac-bar[data-id="c"]', { position: { x: 4, y: 6 } });
      await p.page.click('.mermaid-chart text.pac-bar[data-id="d"]');
      assert.deepEqual((await p.posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', taskId: 'c' }, { type: 'reveal', taskId: 'd' }]);
      assert.equal(await p.page.$eval('.mermaid-chart rect.pac-bar[data-id="c"]', (e) => getComputedStyle(e).cursor), 'pointer');
      await p.send({ type: 'highlight', taskId: 'b' });
      await p.page.waitForSelector('.mermaid-chart rect.pac-bar.highlight[data-id="b"]');
      // The section title of Phase one collapses it into one bar; clicking it again expands it.
      let r = await renderAfter(p, () => p.page.locator('.mermaid-chart text.sectionTitle', { hasText: 'Phase one' }).first().click());
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'c', 'd']);
      assert.match(await p.page.locator('.mermaid-chart text.pac-bar[data-id="phase1"]').textContent() ?? '', /^▸ Phase one/);
      // b is hidden in phase1: its highlight goes to the group's bar.
      await p.page.waitForSelector('.mermaid-chart rect.pac-bar.highlight[data-id="phase1"]');
      r = await renderAfter(p, () => p.page.locator('.mermaid-chart text.sectionTitle', { hasText: 'Phase one' }).first().click());
      assert.deepEqual(r.bars.map((b) => b.id), ['a', 'b', 'm1', 'c', 'd']);
      // Double click on a collapsed group's bar expands it.
      r = await renderAfter(p, () => p.page.click('button.collapse-all'));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'phase2']);
      r = await renderAfter(p, () => p.page.dblclick('.mermaid-chart rect.pac-bar[data-id="phase2"]', { position: { x: 4, y: 6 } }));
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'c', 'd']);
    });

    it('auto: mermaid up to mermaidMaxTasks rows, the built-in renderer beyond, with a notice', async () => {
      const p = await open();
      const model = modelOf(PLAN);
      let r = await show(p, model, AUTO);
      assert.equal(r.renderer, 'mermaid');
      assert.equal(await p.page.locator('.notice').isVisible(), false);
      r = await show(p, { ...model, version: 2 }, { renderer: 'auto', mermaidMaxTasks: 5 });
      assert.equal(r.renderer, 'builtin');
      assert.match(await p.page.locator('.notice').innerText(), /9 rows: drawn by the built-in renderer/);
      // Collapsing below the threshold brings mermaid back.
      r = await renderAfter(p, () => p.page.click('button.collapse-all'));
      assert.equal(r.renderer, 'mermaid');
    });
  });

  describe('state, themes, updates, messages', () => {
    it('the state round-trips through setState and a reload restores the view', async () => {
      let p = await open();
      const model = modelOf(PLAN);
      await show(p, model, BUILTIN);
      await renderAfter(p, () => p.page.click('.row-label[data-id="phase2"] .twisty'));
      await renderAfter(p, () => p.page.selectOption('select.resource-filter', 'ann'));
      await renderAfter(p, () => p.page.selectOption('select.zoom', '8'));
      const state = (await p.state()) as TimelineState;
      assert.deepEqual(state, { uri: URI, view: 'timeline', collapsed: ['phase2'], filter: { criticalOnly: false, resource: 'ann', phase: null }, zoom: 8 });
      const before = await p.page.locator('.row-label').allInnerTexts();
      await p.close();
      page = undefined;
      // A reload: the webview's saved state …
      p = await open({ state });
      const r = await show(p, model, BUILTIN);
      assert.deepEqual(r.bars.map((b) => b.id), ['phase1', 'a', 'phase2']);
      assert.deepEqual(await p.page.locator('.row-label').allInnerTexts(), before);
      assert.equal(await p.page.inputValue('select.resource-filter'), 'ann');
      await p.close();
      page = undefined;
      // … and the serializer's (the page attribute), on another view.
      p = await open({ stateAttribute: { ...state, view: 'resources' } });
      const r2 = await show(p, model, BUILTIN);
      assert.equal(r2.view, 'resources');
      assert.ok(r2.resources.includes('ann'));
      const r3 = await renderAfter(p, () => p.page.click('button.tab[data-view="timeline"]'));
      assert.deepEqual(r3.bars.map((b) => b.id), ['phase1', 'a', 'phase2']);
    });

    for (const [theme, file] of [['vscode-light', 'timeline-light.png'], ['vscode-dark', 'timeline-dark.png'], ['vscode-high-contrast', 'timeline-hc.png']] as const) {
      it(`${theme}: both renderers draw without errors; screenshot`, async () => {
        const p = await open({ theme, width: 1300, height: 760 });
        const example = modelOf(fs.readFileSync(path.join(ROOT, 'examples', 'website-relaunch.plan'), 'utf8'), 1, 'file:///work/website-relaunch.plan');
        const r1 = await show(p, example, BUILTIN, 'website-relaunch.plan');
        assert.equal(r1.theme, theme === 'vscode-light' ? 'light' : theme === 'vscode-dark' ? 'dark' : 'high-contrast');
        const r2 = await show(p, { ...example, version: 2 }, MERMAID, 'website-relaunch.plan');
        assert.deepEqual([r1.errors, r2.errors], [[], []]);
        assert.equal(r2.renderer, 'mermaid');
        // Labels beside their bars (active, done, critical alike) stand out from the page's background.
        const contrasts = await p.page.evaluate(LABEL_CONTRASTS) as { id: string; ratio: number }[];
        assert.ok(contrasts.length > 10, `${contrasts.length} labels beside their bars`);
        const faint = contrasts.filter((c) => c.ratio < 4.5);
        assert.deepEqual(faint, [], 'labels below a 4.5:1 contrast');
        await p.page.screenshot({ path: path.join(RESULTS, file) });
      });
    }

    it('a theme switch redraws with the new theme\'s colours', async () => {
      const p = await open({ theme: 'vscode-light' });
      await show(p, modelOf(PLAN), MERMAID);
      const colours = () => p.page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        section: getComputedStyle(document.querySelector('.mermaid-chart text.sectionTitle')!).fill,
      }));
      const light = await colours();
      const r = await renderAfter(p, () => p.page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark')));
      assert.equal(r.theme, 'dark');
      assert.equal(r.renderer, 'mermaid');
      const dark = await colours();
      assert.notEqual(dark.background, light.background);
      assert.notEqual(dark.section, light.section);
      const hc = await renderAfter(p, () => p.page.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-high-contrast')));
      assert.equal(hc.theme, 'high-contrast');
      const stroke = await p.page.$eval('.mermaid-chart rect.pac-bar', (e) => getComputedStyle(e).strokeWidth);
      assert.equal(stroke, '1.5px', 'high contrast: visible borders');
    });

    it('updates are coalesced and an older version of the same plan is ignored', async () => {
      const p = await open();
      const since = (await p.posted()).length;
      for (let v = 1; v <= 5; v++) await p.send({ type: 'model', model: modelOf(PLAN.replace('duration 5d', `duration ${v}d`), v), fileName: 'demo.plan', settings: BUILTIN });
      const last = await p.rendered((r) => r.version === 5, since);
      assert.deepEqual(last.bars.find((b) => b.id === 'c'), { id: 'c', start: '2027-01-13', end: '2027-01-19' });
      const reports = (await p.posted()).slice(since).filter((m) => m.type === 'rendered');
      assert.ok(reports.length < 5, `${reports.length} renders for 5 models`);
      await p.send({ type: 'model', model: modelOf(PLAN, 3), fileName: 'demo.plan', settings: BUILTIN });
      await p.send({ type: 'setView', view: 'budget' });
      const r = await p.rendered((r) => r.view === 'budget', since);
      assert.equal(r.version, 5);
    });

    it('odd plans draw in both renderers and every view without errors', async () => {
      const nested = ['project n "Nested" { start 2027-01-04 }'];
      for (let d = 0; d < 7; d++) nested.push(`${'  '.repeat(d)}task g${d} "Level ${d}" {`);
      nested.push(`${'  '.repeat(7)}task leaf "Leaf" { duration 2d }`);
      for (let d = 6; d >= 0; d--) nested.push(`${'  '.repeat(d)}}`);
      const plans: [string, string][] = [
        ['a single milestone', 'project p "P" { start 2027-01-04 }\nmilestone m "Only this" { }\n'],
        ['ten years long', 'project p "P" { start 2027-01-04 }\nresource r "R" { rate 100/d }\ntask a "Long" { duration 2600d  assign r }\ntask b "Short" { duration 1d }\n'],
        ['seven levels of groups', nested.join('\n') + '\n'],
        ['half typed', 'project p "P" { start 2027-01-04 }\ntask a "A" { duration 3d }\ntask b "B" { after a  duration \n'],
        ['names in other scripts', 'project p "Проект 🚀" { start 2027-01-04 }\ntask a "مهمة أولى" { duration 2d }\ntask b "任务 😀 ‮reversed" { after a  duration 2d }\n'],
      ];
      const p = await open();
      let version = 0;
      for (const [what, text] of plans) {
        for (const settings of [BUILTIN, MERMAID]) {
          const model = modelOf(text, ++version);
          const r = await show(p, model, settings);
          assert.deepEqual(r.errors, [], `${what}, ${settings.renderer}`);
          assert.deepEqual(r.bars.map((b) => b.id).sort(), r.bars.map((b) => b.id).sort().filter((id) => model.tasks.some((t) => t.id === id)), what);
          assert.ok(r.bars.length > 0, `${what}: something is drawn`);
        }
        for (const view of ['resources', 'budget'] as const) {
          const since = (await p.posted()).length;
          await p.send({ type: 'setView', view });
          const r = await p.rendered((x) => x.view === view, since);
          assert.deepEqual(r.errors, [], `${what}, ${view}`);
        }
        await p.send({ type: 'setView', view: 'timeline' });
      }
      assert.deepEqual(p.problems, []);
    });

    it('messages and plans without a chart say why', async () => {
      const p = await open();
      await p.send({ type: 'message', text: 'Open a plan <b>file</b> to see its timeline.' });
      await p.page.waitForSelector('.message');
      assert.equal(await p.page.locator('.content .message').innerText(), 'Open a plan <b>file</b> to see its timeline.');
      let r = await show(p, modelOf('project p "P" { start 2027-01-04 }\n', 1), BUILTIN);
      assert.deepEqual(r.bars, []);
      assert.match(await p.page.locator('.content .message').innerText(), /no tasks/);
      r = await show(p, modelOf('project p "P" { }\ntask a "A" { duration 2d }\n', 2), MERMAID);
      assert.match(await p.page.locator('.content .message').innerText(), /no start date/);
      r = await show(p, modelOf('project p "P" { start 2027-01-04 }\ntask a "A" { duration 2d  after b }\ntask b "B" { duration 2d  after a }\n', 3), MERMAID);
      assert.deepEqual(r.bars, []);
      assert.match(await p.page.locator('.content .message').innerText(), /No task of this plan can be scheduled/);
      assert.equal(r.unscheduled.length, 2);
      assert.equal(await p.page.locator('.unscheduled-list li').count(), 2);
    });
  });
});
