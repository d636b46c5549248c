/**
 * The resource load and budget views of the timeline webview, in headless Chromium on the real page
 * (timelinePage.ts) with models from the real pipeline: rows and over-allocated cells against the
 * plan's diagnostics, the tasks behind a cell and the reveal message, bars and the cost curve against the
 * plan's costs, hostile names shown as text, three themes, a large plan; screenshots in test-results/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../../server/src/language/analyze';
import { money } from '../../server/src/language/export/model';
import { timelineModel } from '../../server/src/language/timeline/model';
import type { TimelineModel } from '../../server/src/language/timeline/types';
import type { RenderReport, TimelineView } from '../../client/src/timeline/messages';
import { ROOT } from '../cli/helpers';
import { suiteBrowser, type TimelinePage } from './timelinePage';

const RESULTS = path.join(ROOT, 'test-results');

// bob is booked twice on Thursday and Friday of the first week (a1 and a2): over-allocated in that week
// only. alpha costs 3,500 EUR against a budget of 3,000; beta 4,800 of 5,000; the project 8,300 against
// 8,000, crossed in the week of b2 (7,500 by 7 Feb, 8,300 by 14 Feb: 8,000 on 11 Feb).
const HOSTILE = `project p "Plan <b>bold</b> & \\"quoted\\"" {
  start 2027-01-04
  deadline 2027-02-26
  status 2027-01-13
  currency EUR
  budget 8_000
}
resource bob "<img src=x onerror=alert(1)> Bob & \\"Co\\"" { rate 500/d }
resource ann "Ann: QA; #1" { rate 400/d  leave 2027-02-01..2027-02-05 }
resource idle "Idle <i>one</i>" { rate 100/d }
task alpha "Phase <script>alert(1)</script>: one; #1" {
  budget 3_000
  task a1 "Write the spec <b>now</b> & \\"then\\"" { duration 5d  assign bob }
  task a2 "Review: #2; 'x'" { duration 2d  assign bob  not before 2027-01-07 }
}
task beta "Beta" {
  budget 5_000
  task b1 "Build" { after alpha  duration 10d  assign ann }
  task b2 "Wrap-up" { after b1  not before 2027-02-08  duration 2d  assign ann }
}
`;

function modelOf(text: string, version = 1): { model: TimelineModel; diagnostics: { code: string; message: string }[] } {
  const analysis = analyzePlan(text);
  return { model: timelineModel(analysis, 'file:///work/plan.plan', version), diagnostics: analysis.diagnostics };
}

/** Weeks (Mondays) of the `resource-overallocated` diagnostics, as `resource@week`. */
function overallocatedCells(model: TimelineModel, diagnostics: { code: string; message: string }[]): string[] {
  const cells = new Set<string>();
  for (const d of diagnostics) {
    if (d.code !== 'resource-overallocated') continue;
    const m = /^(\S+) is over-allocated from (\d{4}-\d{2}-\d{2})/.exec(d.message);
    assert.ok(m, d.message);
    cells.add(`${m[1]}@${model.weeks.filter((w) => w <= m[2]).pop()}`);
  }
  return [...cells].sort();
}

/** 50 resources, each with a chain of four-week tasks over two years; every fifth one double-booked once. */
function largePlan(): string {
  const lines = ['project big "Two years, fifty people" {', '  start 2027-01-04', '  currency EUR', '  budget 5_000_000', '}'];
  for (let r = 0; r < 50; r++) lines.push(`resource r${r} "Person ${r}" { rate ${400 + r}/d }`);
  for (let r = 0; r < 50; r++) {
    for (let t = 0; t < 26; t++) lines.push(`task t${r}_${t} "Work ${r}.${t}" { duration 20d  assign r${r}${t > 0 ? `  after t${r}_${t - 1}` : ''} }`);
    if (r % 5 === 0) lines.push(`task x${r} "Extra ${r}" { duration 3d  assign r${r}  not before 2027-06-07 }`);
  }
  return lines.join('\n') + '\n';
}

describe('timeline webview: resource load and budget views in Chromium', function () {
  this.timeout(120_000);
  const browser = suiteBrowser(RESULTS);
  let page: TimelinePage | undefined;

  afterEach(async () => { await page?.close(); page = undefined; });

  async function show(model: TimelineModel, view: TimelineView, theme: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' = 'vscode-light', width = 1400): Promise<{ p: TimelinePage; report: RenderReport }> {
    const p = await browser.open({ theme, width });
    page = p;
    await p.send({ type: 'setView', view });
    await p.send({ type: 'model', model, fileName: 'plan.plan', settings: { renderer: 'builtin', mermaidMaxTasks: 300 } });
    const report = await p.rendered((r) => r.view === view && r.version === model.version);
    assert.deepEqual(report.errors, []);
    return { p, report };
  }

  describe('resource load', () => {
    it('one row per resource; the over-allocated cells are exactly those of the diagnostics; names shown exactly', async () => {
      const { model, diagnostics } = modelOf(HOSTILE);
      const { p, report } = await show(model, 'resources');
      assert.deepEqual(report.resources, ['bob', 'ann', 'idle']);
      const expected = overallocatedCells(model, diagnostics);
      assert.deepEqual(expected, ['bob@2027-01-04']);
      assert.deepEqual([...report.overallocated].sort(), expected);
      const rows = await p.page.$$eval('tr[data-resource]', (trs) => trs.map((tr) => ({
        id: (tr as HTMLElement).dataset.resource,
        name: tr.querySelector('.rv-name')!.textContent,
        cells: tr.querySelectorAll('td').length,
        over: [...tr.querySelectorAll('td.lv-over')].map((td) => (td as HTMLElement).dataset.week),
        flagged: tr.querySelector('.rv-flag') !== null,
      })));
      assert.deepEqual(rows.map((r) => r.name), model.resources.map((r) => r.name));
      assert.equal(rows[0].name, '<img src=x onerror=alert(1)> Bob & "Co"');
      for (const r of rows) assert.equal(r.cells, model.weeks.length);
      assert.deepEqual(rows.flatMap((r) => r.over.map((w) => `${r.id}@${w}`)), expected);
      assert.deepEqual(rows.map((r) => r.flagged), [true, false, false]);
      // The leave week is drawn as not available.
      assert.equal(await p.page.textContent('tr[data-resource="ann"] td[data-week="2027-02-01"]'), 'off');
      assert.ok(await p.page.$('tr[data-resource="ann"] td[data-week="2027-02-01"].lv-off'));
      assert.equal(await p.page.$$eval('#app img, #app script, #app i, #app b', (els) => els.length), 0);
      assert.equal(await p.page.innerText('.pv-summary'), '1 of 3 resources is over-allocated, in 1 week (1 over-allocated cell): <img src=x onerror=alert(1)> Bob & "Co".');
      assert.deepEqual(p.problems, []);
    });

    it('hover explains a cell; a click lists its tasks and a task reveals itself; names and "show tasks"', async () => {
      const { model } = modelOf(HOSTILE);
      const { p } = await show(model, 'resources');
      const cell = p.page.locator('tr[data-resource="bob"] td[data-week="2027-01-04"]');
      await cell.hover();
      const tip = await p.page.locator('.pv-tooltip').innerText();
      assert.match(tip, /Booked 7 d of 5 d available \(140%\)/);
      assert.match(tip, /Peak day: 200% of capacity — over-allocated/);
      assert.ok(tip.includes('Write the spec <b>now</b> & "then"'), tip);

      await cell.click();
      const entries = p.page.locator('.pv-popover .pv-task');
      assert.deepEqual(await entries.locator('.pv-task-name').allTextContents(), ['Write the spec <b>now</b> & "then"', "Review: #2; 'x'"]);
      assert.match(await entries.nth(0).innerText(), /4 Jan – 8 Jan 2027/);
      await entries.nth(1).click();
      await p.page.locator('tr[data-resource="bob"] .rv-name').click();
      const posted = await p.posted();
      assert.deepEqual(posted.filter((m) => m.type === 'reveal' || m.type === 'revealResource'), [
        { type: 'reveal', taskId: 'a2' },
        { type: 'revealResource', resourceId: 'bob' },
      ]);
      // Escape closes the list.
      await p.page.locator('tr[data-resource="bob"] td[data-week="2027-01-04"]').click();
      assert.ok(await p.page.locator('.pv-popover').isVisible());
      await p.page.keyboard.press('Escape');
      assert.ok(!(await p.page.locator('.pv-popover').isVisible()));

      // "show tasks" switches to the timeline filtered to the resource.
      const before = (await p.posted()).length;
      await p.page.locator('tr[data-resource="ann"] .rv-show').click();
      const report = await p.rendered((r) => r.view === 'timeline', before);
      const ids = report.bars.map((b) => b.id);
      assert.ok(ids.includes('b1') && ids.includes('b2'), JSON.stringify(ids));
      assert.ok(!ids.includes('a1') && !ids.includes('a2'), JSON.stringify(ids));
      const state = await p.state() as { filter: { resource: string | null } };
      assert.equal(state.filter.resource, 'ann');
      assert.deepEqual(p.problems, []);
    });

    it('keyboard: one cell in the tab order, arrows move it, Enter lists the tasks and reveals one', async () => {
      const { model } = modelOf(HOSTILE);
      const { p } = await show(model, 'resources');
      const focusable = await p.page.$$eval('td.rv-cell[tabindex="0"]', (tds) => tds.map((td) => `${(td.parentElement as HTMLElement).dataset.resource}@${(td as HTMLElement).dataset.week}`));
      assert.deepEqual(focusable, ['bob@2027-01-04']);
      await p.page.focus('td.rv-cell[tabindex="0"]');
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('ArrowRight');
      const focused = await p.page.evaluate(() => { const td = document.activeElement as HTMLElement; return `${(td.parentElement as HTMLElement).dataset.resource}@${td.dataset.week}`; });
      assert.equal(focused, 'ann@2027-01-11');
      assert.match(await p.page.locator('.pv-tooltip').innerText(), /Ann: QA; #1 · week of 11 Jan 2027/);
      await p.page.keyboard.press('Enter');
      assert.deepEqual(await p.page.locator('.pv-popover .pv-task-name').allTextContents(), ['Build']);
      await p.page.keyboard.press('Enter');
      assert.deepEqual((await p.posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', taskId: 'b1' }]);
      assert.equal(await p.page.$$eval('td.rv-cell[tabindex="0"]', (tds) => tds.length), 1);
      assert.deepEqual(p.problems, []);
    });

    it('50 resources over two years: every row and week drawn, the names column stays put when scrolled', async () => {
      const { model, diagnostics } = modelOf(largePlan());
      assert.equal(model.resources.length, 50);
      assert.ok(model.weeks.length >= 104, String(model.weeks.length));
      const { p, report } = await show(model, 'resources');
      assert.equal(report.resources.length, 50);
      assert.deepEqual([...report.overallocated].sort(), overallocatedCells(model, diagnostics));
      assert.ok(report.overallocated.length >= 10);
      assert.equal(await p.page.$$eval('td.rv-cell', (tds) => tds.length), 50 * model.weeks.length);
      const name = p.page.locator('tr[data-resource="r0"] th');
      const x0 = (await name.boundingBox())!.x;
      await p.page.$eval('.rv-scroll', (el) => { el.scrollLeft = 3000; });
      assert.ok(await p.page.$eval('.rv-scroll', (el) => el.scrollLeft) > 1000);
      assert.equal((await name.boundingBox())!.x, x0);
      assert.deepEqual(p.problems, []);
    });

    it('no resources, or nothing scheduled: says so', async () => {
      const { model } = modelOf('project p "P" { start 2027-01-04 }\ntask a { duration 2d }\n');
      const { p, report } = await show(model, 'resources');
      assert.deepEqual(report.resources, []);
      assert.match(await p.page.innerText('#app'), /declares no resources/);
      await p.close();
      const cycle = modelOf('project p "P" { start 2027-01-04 }\nresource r { rate 1/d }\ntask x { duration 2d  after y  assign r }\ntask y { duration 1d  after x  assign r }\n').model;
      const second = await show(cycle, 'resources');
      assert.match(await second.p.page.innerText('#app'), /no schedule yet/);
      assert.deepEqual(second.p.problems, []);
    });
  });

  describe('budget', () => {
    it('bars: cost per group against its budget, the overrun marked; project total on top; names exact', async () => {
      const { model } = modelOf(HOSTILE);
      const { p, report } = await show(model, 'budget');
      assert.deepEqual(report.budgetGroups, ['alpha', 'beta']);
      const rows = await p.page.$$eval('.bv-row', (els) => els.map((el) => ({
        group: (el as HTMLElement).dataset.group ?? null,
        label: el.querySelector('.bv-label')!.textContent,
        cost: el.querySelector('.bv-cost')!.textContent,
        note: el.querySelector('.bv-amount-note')!.textContent,
        over: el.classList.contains('bv-over'),
        overrun: el.querySelector('.bv-overrun') !== null,
        marker: el.querySelector('.bv-marker') !== null,
      })));
      assert.deepEqual(rows, [
        { group: null, label: 'Plan <b>bold</b> & "quoted" (total)', cost: '8,300 EUR', note: '▲ over by 300 EUR', over: true, overrun: true, marker: true },
        { group: 'alpha', label: 'Phase <script>alert(1)</script>: one; #1', cost: '3,500 EUR', note: '▲ over by 500 EUR', over: true, overrun: true, marker: true },
        { group: 'beta', label: 'Beta', cost: '4,800 EUR', note: 'of 5,000 EUR (96%)', over: false, overrun: false, marker: true },
      ]);
      // The bars' lengths follow the costs: alpha's fill stops at its budget, beta's runs to 4,800.
      const widths = await p.page.$$eval('.bv-row[data-group] .bv-fill', (els) => els.map((el) => el.getBoundingClientRect().width));
      assert.ok(Math.abs(widths[0] / widths[1] - 3_000 / 4_800) < 0.02, String(widths));
      await p.page.locator('.bv-row[data-group="alpha"] .bv-name').click();
      assert.deepEqual((await p.posted()).filter((m) => m.type === 'reveal'), [{ type: 'reveal', taskId: 'alpha' }]);
      assert.equal(await p.page.$$eval('#app img, #app script, #app b', (els) => els.length), 0);
      assert.deepEqual(p.problems, []);
    });

    it('the cost curve ends at the project cost, crosses the budget where it is exceeded, and shows values on hover', async () => {
      const { model } = modelOf(HOSTILE);
      const { p } = await show(model, 'budget');
      const end = p.page.locator('.bv-end-label');
      assert.equal(await end.textContent(), money(model.project.cost, 'EUR'));
      assert.equal(Number(await end.getAttribute('data-amount')), model.project.cost);
      const last = model.budget.cumulative[model.budget.cumulative.length - 1];
      assert.equal(last.cumulative, model.project.cost);
      assert.equal(await p.page.locator('.bv-crossing').count(), 1);
      assert.equal(await p.page.locator('.bv-crossing-label').textContent(), 'Over budget from 11 Feb 2027');
      assert.equal(await p.page.locator('.bv-status-line').count(), 1);
      assert.equal(await p.page.locator('.bv-deadline-line').count(), 1);
      assert.equal(await p.page.locator('.bv-budget-line').count(), 1);
      const hit = (await p.page.locator('.bv-hit').boundingBox())!;
      await p.page.mouse.move(hit.x + hit.width - 2, hit.y + hit.height / 2);
      const tip = await p.page.locator('.pv-tooltip').innerText();
      assert.match(tip, /Week ending 28 Feb 2027/);
      assert.match(tip, /Planned cost to date: 8,300 EUR/);
      // The chart follows the panel's width.
      const wide = Number(await p.page.locator('.bv-chart').getAttribute('width'));
      await p.page.setViewportSize({ width: 760, height: 900 });
      await p.page.waitForFunction((w) => Number(document.querySelector('.bv-chart')?.getAttribute('width')) < w, wide);
      const narrow = Number(await p.page.locator('.bv-chart').getAttribute('width'));
      assert.ok(narrow <= 760 && narrow < wide, `${wide} → ${narrow}`);
      assert.equal(await p.page.locator('.bv-end-label').textContent(), '8,300 EUR');
      assert.deepEqual(p.problems, []);
    });

    it('a flat plan of 1,310 top-level tasks: the costliest 30 get bars, the rest one row until "show all"', async () => {
      const { model } = modelOf(largePlan());
      assert.equal(model.budget.groups.length, 1310);
      const { p, report } = await show(model, 'budget');
      assert.equal(report.budgetGroups.length, 30);
      assert.equal(await p.page.locator('.bv-row[data-group]').count(), 30);
      const rest = p.page.locator('.bv-rest');
      assert.match(await rest.innerText(), /1280 other top-level tasks/);
      const drawn = new Set(report.budgetGroups);
      const restCost = model.budget.groups.filter((g) => !drawn.has(model.tasks[g.task].id)).reduce((sum, g) => sum + g.cost, 0);
      assert.equal(await rest.locator('.bv-cost').textContent(), money(restCost, 'EUR'));
      await rest.locator('.bv-show-all').click();
      assert.equal(await p.page.locator('.bv-row[data-group]').count(), 1310);
      assert.equal(await p.page.locator('.bv-rest').count(), 0);
      assert.equal(await p.page.locator('.bv-end-label').textContent(), money(model.project.cost, 'EUR'));
      assert.deepEqual(p.problems, []);
    });

    it('no costs, no budget, nothing scheduled: each says so instead of an empty chart', async () => {
      const noCost = modelOf('project p "P" { start 2027-01-04  budget 1_000 }\ntask a { duration 2d }\n').model;
      let shown = await show(noCost, 'budget');
      assert.match(await shown.p.page.innerText('#app'), /No costs in this plan/);
      assert.equal(await shown.p.page.locator('.bv-chart').count(), 0);
      assert.deepEqual(shown.report.budgetGroups, []);
      await shown.p.close();

      const noBudget = modelOf('project p "P" { start 2027-01-04 }\nresource r { rate 100/d }\ntask g "G" {\n  task a { duration 2d  assign r }\n}\n').model;
      shown = await show(noBudget, 'budget');
      assert.deepEqual(shown.report.budgetGroups, ['g']);
      assert.equal(await shown.p.page.locator('.bv-marker').count(), 0);
      assert.equal(await shown.p.page.locator('.bv-budget-line').count(), 0);
      assert.match(await shown.p.page.innerText('#app'), /sets no budget/);
      assert.equal(await shown.p.page.locator('.bv-end-label').textContent(), '200');
      await shown.p.close();

      const cycle = modelOf('project p "P" { start 2027-01-04 }\nresource r { rate 100/d }\ntask x { duration 2d  after y  assign r }\ntask y { duration 1d  after x  assign r }\n').model;
      shown = await show(cycle, 'budget');
      assert.equal(await shown.p.page.locator('.bv-chart').count(), 0);
      assert.match(await shown.p.page.innerText('#app'), /no schedule yet/);
      assert.deepEqual(shown.report.budgetGroups, ['x', 'y']);
      assert.deepEqual(shown.p.problems, []);
      await shown.p.close();

      // Part of the plan in a cycle: its cost is in the bars, not in the curve, and the page says so.
      const partial = modelOf('project p "P" { start 2027-01-04 }\nresource r { rate 100/d }\ntask a { duration 2d  assign r }\ntask x { duration 2d  after y  assign r }\ntask y { duration 1d  after x  assign r }\n').model;
      shown = await show(partial, 'budget');
      assert.equal(await shown.p.page.locator('.bv-end-label').textContent(), '200');
      assert.match(await shown.p.page.innerText('#app'), /300 of the cost belongs to tasks without dates/);
      assert.deepEqual(shown.p.problems, []);
    });
  });

  describe('themes and screenshots', () => {
    for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as const) {
      it(`${theme}: both views draw without errors, text readable, over-allocation not by colour alone`, async () => {
        const { model } = modelOf(HOSTILE);
        let { p, report } = await show(model, 'resources', theme);
        assert.equal(report.theme, theme.replace('vscode-', ''));
        const look = await p.page.$eval('td.lv-over', (td) => {
          const s = getComputedStyle(td);
          const view = getComputedStyle(td.closest('.pv-view')!);
          return { border: parseFloat(s.borderTopWidth), pattern: s.backgroundImage, fg: view.color, bg: view.backgroundColor };
        });
        assert.ok(look.border >= 2, JSON.stringify(look));
        assert.match(look.pattern, /repeating-linear-gradient/);
        assert.notEqual(look.fg, look.bg);
        await p.page.screenshot({ path: path.join(RESULTS, `timeline-resources-${theme.replace('vscode-', '')}.png`) });
        assert.deepEqual(p.problems, []);
        await p.close();
        ({ p, report } = await show(model, 'budget', theme));
        assert.deepEqual(report.budgetGroups, ['alpha', 'beta']);
        await p.page.screenshot({ path: path.join(RESULTS, `timeline-budget-${theme.replace('vscode-', '')}.png`) });
        assert.deepEqual(p.problems, []);
      });
    }

    it('the example plan: screenshots of the resource load and the budget', async () => {
      const text = fs.readFileSync(path.join(ROOT, 'examples', 'website-relaunch.plan'), 'utf8');
      const { model, diagnostics } = modelOf(text);
      let { p, report } = await show(model, 'resources');
      assert.deepEqual(report.resources, model.resources.map((r) => r.id));
      assert.deepEqual([...report.overallocated].sort(), overallocatedCells(model, diagnostics));
      assert.equal(await p.page.locator('tr[data-resource]').count(), model.resources.length);
      await p.page.locator('tr[data-resource="jonas"] td[data-week="2027-01-11"]').click();
      await p.page.screenshot({ path: path.join(RESULTS, 'timeline-resources.png') });
      assert.deepEqual(p.problems, []);
      await p.close();
      ({ p, report } = await show(model, 'budget'));
      assert.equal(report.budgetGroups.length, model.budget.groups.length);
      assert.equal(await p.page.locator('.bv-end-label').textContent(), money(model.project.cost, 'EUR'));
      const hit = (await p.page.locator('.bv-hit').boundingBox())!;
      await p.page.mouse.move(hit.x + hit.width * 0.35, hit.y + hit.height / 2);
      await p.page.screenshot({ path: path.join(RESULTS, 'timeline-budget.png') });
      assert.deepEqual(p.problems, []);
    });
  });
});
