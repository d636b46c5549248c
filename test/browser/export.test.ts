/**
 * The exported HTML page opened from disk (file://) in Debian's headless Chromium: the inline SVG has
 * one bar per scheduled task at the dates `planc schedule` computes, the page loads nothing and logs
 * no error (its CSP allows only its own style), and a screenshot is saved to test-results/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ensureBuilt, planc, ROOT } from '../cli/helpers';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './timelinePage';


const HOSTILE = `project p "Hostile <b>plan</b> & co" { start 2027-01-04 }
task a "a: b; #c \\"d\\" <e>&" { duration 3d }
task x "In a cycle" { duration 2d after y }
task y { duration 1d after x }
`;

interface Bar { id: string; kind: string; start: string; end: string }

describe('planc export --format html in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let dir: string;

  before(async function () {
    requireChromium();
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planc-export-browser-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => { await browser?.close(); if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  async function open(html: string, screenshot?: string) {
    const file = path.join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
    fs.writeFileSync(file, html);
    const page = await browser!.newPage({ viewport: { width: 1600, height: 1000 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const bars: Bar[] = await page.$$eval('svg [data-id]', (els) => els.map((el) => ({
      id: el.getAttribute('data-id')!, kind: el.getAttribute('data-kind')!, start: el.getAttribute('data-start')!, end: el.getAttribute('data-end')!,
    })));
    const visible = await page.$$eval('svg [data-id]', (els) => els.filter((el) => { const b = (el as unknown as { getBBox(): { width: number; height: number } }).getBBox(); return b.width > 0 && b.height > 0; }).length);
    const title = await page.title();
    const text = await page.innerText('body');
    if (screenshot) {
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    await page.close();
    return { bars, visible, problems, requests: requests.filter((u) => !u.startsWith('file:')), title, text };
  }

  it('website-relaunch: one bar per task at the scheduled dates, no errors, no requests; screenshot', async () => {
    const plan = path.join(ROOT, 'examples', 'website-relaunch.plan');
    const html = planc(['export', plan, '--format', 'html']);
    assert.equal(html.status, 0, html.stderr);
    const schedule = JSON.parse(planc(['schedule', plan]).stdout) as { tasks: { id: string; kind: string; start: string | null; end: string | null }[] };
    const r = await open(html.stdout, path.join(ROOT, 'test-results', 'export-timeline.png'));
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.requests, []);
    const expected = schedule.tasks.filter((t) => t.start !== null).map((t) => ({ id: t.id, kind: t.kind, start: t.start, end: t.end }));
    assert.equal(expected.length, schedule.tasks.length);
    assert.deepEqual(r.bars, expected);
    assert.equal(r.visible, expected.length);
    assert.match(r.title, /Website relaunch 2027/);
  });

  it('hostile names are shown as text; tasks in a cycle are listed, not drawn', async () => {
    const file = path.join(dir, 'hostile.plan');
    fs.writeFileSync(file, HOSTILE);
    const html = planc(['export', file, '--format', 'html']);
    assert.equal(html.status, 0);
    assert.match(html.stderr, /error/);
    const r = await open(html.stdout);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.bars, [{ id: 'a', kind: 'leaf', start: '2027-01-04', end: '2027-01-06' }]);
    assert.ok(r.text.includes('a: b; #c "d" <e>&'));
    assert.ok(r.text.includes('Hostile <b>plan</b> & co'));
    assert.match(r.text, /Not scheduled[\s\S]*x In a cycle: in a dependency cycle: x → y → x/);
  });

  it('a 1,500-task plan: every bar drawn', async () => {
    let plan = 'project big "Big" { start 2027-01-04 }\n';
    for (let g = 0; g < 50; g++) {
      plan += `task g${g} "Phase ${g}" {\n`;
      for (let i = 0; i < 29; i++) plan += `  task t${g}_${i} { duration ${1 + (i % 5)}d${i ? ` after t${g}_${i - 1}` : g ? ` after g${g - 1}` : ''} }\n`;
      plan += '}\n';
    }
    const file = path.join(dir, 'big.plan');
    fs.writeFileSync(file, plan);
    const out = path.join(dir, 'big.html');
    const html = planc(['export', file, '--format', 'html', '-o', out]);
    assert.equal(html.status, 0, html.stderr);
    assert.equal(html.stdout, '');
    const r = await open(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(r.problems, []);
    assert.equal(r.bars.length, 1500);
    assert.equal(r.visible, 1500);
  });
});
