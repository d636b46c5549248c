/**
 * `planc export --format mermaid` rendered by mermaid itself (the pinned 11.17.2 the extension bundles,
 * the line GitHub renders ```mermaid blocks with) in headless Chromium: the text parses, every scheduled
 * task becomes exactly one bar whose position and width match its dates on mermaid's own time axis, names
 * with gantt syntax and HTML come out exactly as text, and tasks in a cycle are not drawn.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuilt, planc, ROOT } from '../cli/helpers';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './timelinePage';

const MERMAID = path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

interface Rendered { error: string | null; bars: { id: string; x: number; y: number; width: number; text: string }[]; svgText: string; scripts: number }

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

describe('planc export --format mermaid rendered by mermaid 11 in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let page: Page;
  let dir: string;

  before(async function () {
    requireChromium();
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planc-mermaid-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', gantt: { useWidth: 1400 } }));
  });
  after(async () => { await browser?.close(); if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  async function render(text: string): Promise<Rendered> {
    return page.evaluate(async (source) => {
      const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      const out = document.getElementById('out')!;
      try {
        const { svg } = await mermaid.render(`g${Math.random().toString(36).slice(2)}`, source);
        out.innerHTML = svg;
      } catch (e) {
        return { error: String((e as Error).message ?? e), bars: [], svgText: '', scripts: 0 };
      }
      const bars = [...out.querySelectorAll('rect.task')].map((r) => ({
        id: r.id,
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        width: Number(r.getAttribute('width')),
        text: out.querySelector(`text[id="${r.id}-text"]`)?.textContent ?? '',
      }));
      // One row per task, top to bottom in the order of the text (the DOM order is mermaid's own).
      bars.sort((a, b) => a.y - b.y);
      return { error: null, bars, svgText: out.textContent ?? '', scripts: out.querySelectorAll('script, foreignObject, iframe').length };
    }, text);
  }

  /** Mermaid's scale is linear in time (it rounds to whole pixels): derive pixels per day from two bars, then check every bar. */
  function assertAtDates(bars: Rendered['bars'], expected: { start: string; endExclusive: string; milestone: boolean }[]): void {
    assert.equal(bars.length, expected.length);
    const leaves = expected.map((e, i) => ({ e, b: bars[i] })).filter((p) => !p.e.milestone);
    const first = leaves[0], last = leaves[leaves.length - 1];
    const perDay = (last.b.x - first.b.x) / (dayOf(last.e.start) - dayOf(first.e.start));
    assert.ok(perDay > 0, 'the axis runs left to right');
    for (const { e, b } of leaves) {
      const x = first.b.x + (dayOf(e.start) - dayOf(first.e.start)) * perDay;
      assert.ok(Math.abs(b.x - x) <= 1, `bar ${b.text} starts at ${b.x}, expected ${x} (${e.start})`);
      const width = (dayOf(e.endExclusive) - dayOf(e.start)) * perDay;
      assert.ok(Math.abs(b.width - width) <= 1, `bar ${b.text} is ${b.width} wide, expected ${width}`);
    }
  }

  it('the example plan: one bar per task at its dates, sections for phases', async () => {
    const plan = path.join(ROOT, 'examples', 'website-relaunch.plan');
    const text = planc(['export', plan, '--format', 'mermaid']);
    assert.equal(text.status, 0, text.stderr);
    const schedule = JSON.parse(planc(['schedule', plan]).stdout) as { tasks: { id: string; name: string; kind: string; parent: string | null; start: string; end: string }[] };
    const r = await render(text.stdout);
    assert.equal(r.error, null);
    // Top-level groups become sections, not bars; every other task is a bar; the deadline marker is one more.
    const drawn = schedule.tasks.filter((t) => !(t.kind === 'group' && t.parent === null));
    const bars = r.bars.filter((b) => !/^Deadline /.test(b.text) && !/^Status date /.test(b.text));
    assert.deepEqual(bars.map((b) => b.text.replace(/^▸ /, '')), drawn.map((t) => t.name));
    const next = (iso: string) => new Date((dayOf(iso) + 1) * DAY_MS).toISOString().slice(0, 10);
    assertAtDates(bars, drawn.map((t) => ({ start: t.start, endExclusive: t.kind === 'milestone' ? t.start : next(t.end), milestone: t.kind === 'milestone' })));
    for (const t of schedule.tasks.filter((t) => t.kind === 'group' && t.parent === null)) assert.ok(r.svgText.includes(t.name), `section ${t.name}`);
  });

  it('names with gantt syntax and HTML are shown exactly and inject nothing; cycles are not drawn', async () => {
    const file = path.join(dir, 'hostile.plan');
    fs.writeFileSync(file, [
      'project p "Hostile <b>plan</b> & co" { start 2027-01-04 }',
      'task a "a: b; #c \\"d\\" <e>&" { duration 3d }',
      "task b \"<img src=x onerror=alert(1)> %% not a comment\" { duration 2d after a }",
      'task c "section click call gantt" { duration 1d after b }',
      'task x "In a cycle" { duration 2d after y }',
      'task y { duration 1d after x }',
    ].join('\n') + '\n');
    const text = planc(['export', file, '--format', 'mermaid']);
    assert.equal(text.status, 0);
    const r = await render(text.stdout);
    assert.equal(r.error, null);
    assert.deepEqual(r.bars.map((b) => b.text), ['a: b; #c "d" <e>&', '<img src=x onerror=alert(1)> %% not a comment', 'section click call gantt']);
    assert.equal(r.scripts, 0);
    assert.ok(r.svgText.includes('Hostile <b>plan</b> & co'));
    assert.equal(await page.locator('#out img').count(), 0, 'no element was injected');
    assertAtDates(r.bars, [
      { start: '2027-01-04', endExclusive: '2027-01-07', milestone: false },
      { start: '2027-01-07', endExclusive: '2027-01-09', milestone: false },
      { start: '2027-01-11', endExclusive: '2027-01-12', milestone: false },
    ]);
  });

  it('the --markdown fence holds exactly the mermaid text', () => {
    const plan = path.join(ROOT, 'examples', 'website-relaunch.plan');
    const plain = planc(['export', plan, '--format', 'mermaid']).stdout;
    const fenced = planc(['export', plan, '--format', 'mermaid', '--markdown']).stdout;
    assert.equal(fenced, '```mermaid\n' + plain + '```\n');
  });
});
