// The timeline preview inside VS Code: the webview beside the plan reports what it drew (RenderReport)
// and the tests compare it with the schedule; edits move the bars; the cursor highlights a bar; a real
// mouse click on a bar (by the code-server harness, inside the webview's nested frames) reveals the task;
// the resource and budget views; screenshots; the export command; the state the serializer restores.
// Fixture: workspace/timeline.plan (dates below as `planc schedule` computes them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../../client/src/api';
import { taskAtTopOfView } from '../../../client/src/timeline/cursorTask';
import type { RenderReport } from '../../../client/src/timeline/messages';
import type { TimelineModel } from '../../../server/src/protocol';
import {
  activateExtension, askWebview, fixtureUri, harnessSignalDir, openFixture, positionOf, rangeOf, replaceText, timelineTabs, waitFor,
} from './helpers';

/** Every row of timeline.plan with its computed dates (groups span their children). */
const SCHEDULE: Record<string, [string, string]> = {
  design: ['2027-01-04', '2027-01-12'],
  research: ['2027-01-04', '2027-01-06'],
  mockups: ['2027-01-07', '2027-01-12'],
  build: ['2027-01-07', '2027-01-25'],
  'build-api': ['2027-01-07', '2027-01-13'],
  'build-ui': ['2027-01-13', '2027-01-20'],
  tests: ['2027-01-21', '2027-01-25'],
  launch: ['2027-01-25', '2027-01-25'],
};

/** The server's model (by method name: the suite's bundle has its own copy of the request types). */
function timelineModel(api: PlanAsCodeApi, uri: string): Promise<TimelineModel | null> {
  return api.client.sendRequest<TimelineModel | null>('planAsCode/timeline', { uri });
}

/** The groups: drawn as mermaid sections while expanded, as bars when collapsed. */
const GROUPS = new Set(['design', 'build']);

function barsOf(report: RenderReport): Record<string, [string, string]> {
  return Object.fromEntries(report.bars.map((b) => [b.id, [b.start, b.end]]));
}

/** Each bar drawn is at its task's dates, and every task and milestone (not a group) has one. */
function assertBars(report: RenderReport, expected: Record<string, [string, string] | undefined>): void {
  const bars = barsOf(report);
  assert.equal(report.bars.length, Object.keys(bars).length, 'one bar per task');
  for (const [id, dates] of Object.entries(bars)) assert.deepEqual(dates, expected[id], `the bar of ${id}`);
  for (const id of Object.keys(expected)) if (!GROUPS.has(id)) assert.ok(bars[id], `a bar for ${id}`);
}

suite('Timeline preview', () => {
  let api: PlanAsCodeApi;
  let document: vscode.TextDocument;
  /** The fixture's text as on disk. */
  let saved: string;
  const uri = () => document.uri.toString();
  /** A timeline report of the current version of the plan, in `view`. */
  const currentReport = (view: RenderReport['view'] = 'timeline', timeoutMs = 30_000) =>
    api.timeline.waitForReport((r) => r.uri === uri() && r.version === document.version && r.view === view, timeoutMs);

  /** The plan in the first column with the preview beside it (each test can run alone: PLAN_VSCODE_TEST_GREP). */
  const planWithPreview = async (): Promise<vscode.TextEditor> => {
    // A closed document is gone for good: open it again (the same object while it stays open).
    if (document.isClosed) document = await vscode.workspace.openTextDocument(document.uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false, preview: false });
    if (!api.timeline.isOpen(document.uri)) await vscode.commands.executeCommand('planAsCode.openTimelineToSide');
    if (api.timeline.lastReport(document.uri)?.view !== 'timeline') api.timeline.post(document.uri, { type: 'setView', view: 'timeline' });
    await currentReport();
    return editor;
  };

  suiteSetup(async function () {
    this.timeout(90_000);
    api = (await activateExtension()).exports as PlanAsCodeApi;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    document = await openFixture('timeline.plan');
    saved = fs.readFileSync(document.uri.fsPath, 'utf8');
    await waitFor('the fixture to be open unchanged', () => document.getText() === saved);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Open Timeline to the Side" opens the preview beside the plan; it draws one bar per task at the server\'s dates', async function () {
    this.timeout(90_000);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('planAsCode.openTimelineToSide');

    const tabs = await waitFor('the timeline tab', () => (timelineTabs().length === 1 ? timelineTabs() : undefined));
    assert.equal(tabs[0]!.tab.label, 'Timeline: timeline.plan');
    assert.equal(tabs[0]!.column, vscode.ViewColumn.Two, 'beside the editor');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri(), 'the plan editor keeps the focus');
    assert.equal(api.timeline.panelCount(), 1);
    assert.ok(api.timeline.isOpen(document.uri));

    const report = await currentReport();
    assert.deepEqual(report.errors, []);
    assert.equal(report.renderer, 'mermaid', 'a small plan is drawn by mermaid (renderer auto)');
    assertBars(report, SCHEDULE);
    assert.deepEqual(report.unscheduled, []);
    assert.ok(['light', 'dark', 'high-contrast', 'high-contrast-light'].includes(report.theme));

    // The same dates as the model the server computes for the editor's version.
    const model = await timelineModel(api, uri());
    assert.ok(model);
    assert.equal(model.version, document.version);
    assertBars(report, Object.fromEntries(model.tasks.map((t) => [t.id, t.start && t.end ? [t.start, t.end] : undefined])));
  });

  test('an edit moves the bars; after a burst of edits the preview shows the final text', async function () {
    this.timeout(90_000);
    await planWithPreview();
    // Build the UI: 6 → 8 days moves it, the tests and the launch two working days later.
    await replaceText(document, 'duration 6d', 'duration 8d');
    let report = await currentReport();
    let bars = barsOf(report);
    assert.deepEqual(bars['build-ui'], ['2027-01-13', '2027-01-22']);
    assert.deepEqual(bars.tests, ['2027-01-25', '2027-01-27']);
    assert.deepEqual(bars.launch, ['2027-01-27', '2027-01-27']);
    assert.deepEqual(bars.research, SCHEDULE.research, 'what the edit does not touch stays');

    // Typing: one edit after the other without waiting; the last one (4 days) must be what is drawn.
    for (const days of [9, 10, 11, 12, 3, 5, 7, 2, 4]) {
      const line = document.lineAt(positionOf(document, 'duration', 0, 3).line);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, line.range, `    duration ${days}d`);
      assert.ok(await vscode.workspace.applyEdit(edit));
    }
    assert.ok(document.getText().includes('    duration 4d\n    assign eve\n  }\n  task tests'), 'the edits went to build-ui');
    report = await currentReport();
    bars = barsOf(report);
    assert.deepEqual(bars['build-ui'], ['2027-01-13', '2027-01-18']);
    assert.deepEqual(bars.tests, ['2027-01-19', '2027-01-21']);
    assert.deepEqual(bars.launch, ['2027-01-21', '2027-01-21']);

    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // The reverted text reaches the extension host a moment after the command returns.
    await waitFor('the reverted plan', () => document.getText() === saved);
    report = await currentReport();
    assertBars(report, SCHEDULE);
  });

  test('moving the cursor into a task highlights its bar in the preview', async function () {
    this.timeout(90_000);
    const editor = await planWithPreview();
    // Into the body of build-api (its `duration 5d` line).
    const inside = positionOf(document, 'duration 5d', 2);
    editor.selection = new vscode.Selection(inside, inside);
    if (harnessSignalDir()) {
      const answer = await askWebview('wait', '.highlight[data-id="build-api"]');
      assert.ok((answer.count ?? 0) >= 1);
    } else {
      await waitFor('the webview to highlight build-api', () => api.timeline.lastHighlighted(document.uri)?.taskId === 'build-api');
    }
    // Into another task: the highlight moves.
    const other = positionOf(document, 'Integration tests');
    editor.selection = new vscode.Selection(other, other);
    if (harnessSignalDir()) {
      await askWebview('wait', '.highlight[data-id="tests"]');
      await askWebview('wait', '[data-id="build-api"]:not(.highlight)');
    } else {
      await waitFor('the webview to highlight tests', () => api.timeline.lastHighlighted(document.uri)?.taskId === 'tests');
    }
  });

  test('scrolling the plan editor scrolls the preview to the task at the top of the editor', async function () {
    this.timeout(90_000);
    const editor = await planWithPreview();
    const model = await timelineModel(api, uri());
    assert.ok(model);
    // As far down as the editor goes (the file is short: the last task may not reach the top).
    const tests = positionOf(document, 'Integration tests').line;
    editor.revealRange(new vscode.Range(tests, 0, tests, 0), vscode.TextEditorRevealType.AtTop);
    let seen = -1;
    const top = await waitFor('the editor to scroll and settle', () => {
      const line = editor.visibleRanges[0]?.start.line ?? 0;
      const settled = line > 0 && line === seen;
      seen = line;
      return settled ? line : undefined;
    }, 30_000, 250);
    const expected = taskAtTopOfView(model.tasks, top);
    assert.ok(expected && expected !== 'design', `the task at line ${top + 1}: ${expected}`);
    await waitFor(`the preview to scroll to ${expected}`, () => api.timeline.lastScrolled(document.uri) === expected);
    // Back to the top of the file (project and resources): the first task is at the top of the chart.
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await waitFor('the preview to scroll to design', () => api.timeline.lastScrolled(document.uri) === 'design');
  });

  test('a mouse click on a bar in the webview reveals the task in the plan editor', async function () {
    if (!harnessSignalDir()) this.skip(); // only the code-server harness can click inside the webview
    this.timeout(90_000);
    const editor = await planWithPreview();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Focus elsewhere first: the click must bring the plan editor back.
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await askWebview('click', 'rect[data-id="mockups"]');
    const expected = rangeOf(document, 'task mockups', 'mockups');
    const active = await waitFor('the plan editor with mockups selected', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === uri() && e.selection.isEqual(new vscode.Selection(expected.start, expected.end)) ? e : undefined;
    });
    assert.equal(active.viewColumn, vscode.ViewColumn.One, 'revealed in the plan\'s own column, not the preview\'s');
    assert.equal(document.getText(active.selection), 'mockups');
    assert.equal(timelineTabs().length, 1, 'the preview stays open');
  });

  test('"Show Resource Load" and "Show Budget" switch the preview\'s view', async function () {
    this.timeout(90_000);
    await planWithPreview();
    await vscode.commands.executeCommand('planAsCode.showResourceLoad');
    const resources = await currentReport('resources');
    assert.deepEqual(resources.errors, []);
    assert.deepEqual([...resources.resources].sort(), ['bob', 'eve']);
    // Eve works on build-api and build-ui at once on 2027-01-13 (the week of Monday 2027-01-11).
    assert.ok(resources.overallocated.includes('eve@2027-01-11'), `over-allocated: ${resources.overallocated.join(', ')}`);
    assert.ok(!resources.overallocated.some((cell) => cell.startsWith('bob@')), 'Bob is never over-allocated');

    await vscode.commands.executeCommand('planAsCode.showBudget');
    const budget = await currentReport('budget');
    assert.deepEqual(budget.errors, []);
    for (const group of ['design', 'build']) assert.ok(budget.budgetGroups.includes(group), `budget groups: ${budget.budgetGroups.join(', ')}`);
    assert.equal(timelineTabs().length, 1, 'the same preview, not another one');

    api.timeline.post(document.uri, { type: 'setView', view: 'timeline' });
    assertBars(await currentReport('timeline'), SCHEDULE);
  });

  test('a click on a resource\'s name in the resource view reveals its declaration', async function () {
    if (!harnessSignalDir()) this.skip(); // only the code-server harness can click inside the webview
    this.timeout(90_000);
    const editor = await planWithPreview();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('planAsCode.showResourceLoad');
    await currentReport('resources');
    await askWebview('click', '[data-resource="eve"] .rv-name');
    const expected = rangeOf(document, 'resource eve', 'eve');
    await waitFor('the plan editor with eve selected', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === uri() && e.selection.isEqual(new vscode.Selection(expected.start, expected.end));
    });
    assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.One);
    api.timeline.post(document.uri, { type: 'setView', view: 'timeline' });
    await currentReport('timeline');
  });

  test('screenshots of the preview beside the plan: timeline, resource load, budget', async function () {
    if (!harnessSignalDir()) this.skip(); // the screenshots are taken by the code-server harness
    this.timeout(120_000);
    const editor = await planWithPreview();
    const at = positionOf(document, 'duration 5d', 2);
    editor.selection = new vscode.Selection(at, at);
    // The pictures are for the docs: the editor and the preview only, no panel or notifications.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    const shots: [RenderReport['view'], string, string][] = [
      ['timeline', 'vscode-timeline.png', 'rect[data-id="build-ui"]'],
      ['resources', 'vscode-resources.png', '[data-resource="eve"]'],
      ['budget', 'vscode-budget.png', '[data-group="build"]'],
    ];
    for (const [view, name, selector] of shots) {
      api.timeline.post(document.uri, { type: 'setView', view });
      await currentReport(view);
      await askWebview('screenshot', selector, { name });
    }
    api.timeline.post(document.uri, { type: 'setView', view: 'timeline' });
    await currentReport('timeline');
  });

  test('the preview follows the active plan editor; other editors leave it alone', async function () {
    this.timeout(90_000);
    await planWithPreview();
    const website = await vscode.workspace.openTextDocument(fixtureUri('website.plan'));
    await vscode.window.showTextDocument(website, { viewColumn: vscode.ViewColumn.One });
    const report = await api.timeline.waitForReport((r) => r.uri === website.uri.toString() && r.view === 'timeline');
    assert.ok(report.bars.some((b) => b.id === 'design'), 'website.plan is drawn');
    await waitFor('the tab title of the other plan', () => timelineTabs()[0]?.tab.label === 'Timeline: website.plan');
    assert.equal(api.timeline.panelCount(), 1);

    const text = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a plan' });
    await vscode.window.showTextDocument(text, { viewColumn: vscode.ViewColumn.One });
    assert.equal(api.timeline.previewedUri()?.toString(), website.uri.toString(), 'a text editor does not change the preview');

    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    assertBars(await currentReport(), SCHEDULE);
    assert.equal(timelineTabs()[0]?.tab.label, 'Timeline: timeline.plan');
  });

  test('from the Explorer (a plan given as argument, not open in an editor): the preview shows that plan', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the preview to close', () => api.timeline.panelCount() === 0);
    const messy = fixtureUri('messy.plan');
    await vscode.commands.executeCommand('planAsCode.openTimelineToSide', messy);
    const report = await api.timeline.waitForReport((r) => r.uri === messy.toString() && r.view === 'timeline');
    assert.deepEqual(report.errors, []);
    assert.ok(report.bars.length > 0, 'messy.plan is drawn');
    assert.equal(timelineTabs()[0]?.tab.label, 'Timeline: messy.plan');
    document = await openFixture('timeline.plan'); // closing all editors may have closed the document
    await waitFor('the preview to follow the plan editor', () => api.timeline.previewedUri()?.toString() === uri());
  });

  test('a preview hidden behind the plan (its page unloaded) comes back in the view it was in, with the edits made meanwhile', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the preview to close', () => api.timeline.panelCount() === 0);
    document = await openFixture('timeline.plan'); // closing all editors may have closed the document
    // "Open Timeline": the preview in the editor's own column, in front of the plan.
    await vscode.commands.executeCommand('planAsCode.openTimeline');
    const tabs = await waitFor('the timeline tab', () => (timelineTabs().length === 1 ? timelineTabs() : undefined));
    assert.equal(tabs[0]!.column, vscode.ViewColumn.One, 'in the same column as the plan');
    await currentReport();
    await vscode.commands.executeCommand('planAsCode.showBudget');
    await currentReport('budget');
    // Bring the plan to the front: the webview is hidden and loses its page; then show the preview again.
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await waitFor('the preview to be hidden', () => timelineTabs()[0]?.tab.isActive === false);
    const before = api.timeline.lastReport(document.uri);
    // An edit while it is hidden: shown as soon as the preview is in front again.
    await replaceText(document, 'duration 6d', 'duration 8d');
    await waitFor('the server to analyse the edit', () => api.status(document.uri)?.version === document.version);
    await vscode.commands.executeCommand('planAsCode.openTimeline');
    const again = await api.timeline.waitForReport((r) => r !== before && r.uri === uri() && r.version === document.version);
    assert.equal(again.view, 'budget', 'the page restored its own state');
    api.timeline.post(document.uri, { type: 'setView', view: 'timeline' });
    assert.deepEqual(barsOf(await currentReport())['build-ui'], ['2027-01-13', '2027-01-22']);
    await replaceText(document, 'duration 8d', 'duration 6d');
    assert.equal(document.getText(), saved);
    await document.save();
  });

  test('the serializer restores a preview from its saved state (as after a window reload)', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the preview to close', () => api.timeline.panelCount() === 0);
    document = await openFixture('timeline.plan'); // closing all editors may have closed the document
    // VS Code hands the serializer a fresh panel and the state the webview last saved.
    const panel = vscode.window.createWebviewPanel('planAsCode.timeline', 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    await api.timeline.restore(panel, { uri: uri(), view: 'resources', collapsed: [], filter: { criticalOnly: false, resource: null, phase: null } });
    assert.equal(panel.title, 'Timeline: timeline.plan');
    assert.ok(panel.webview.html.includes('&quot;view&quot;:&quot;resources&quot;'), 'the page starts from the saved state');
    assert.ok(/script-src 'nonce-[A-Za-z0-9]{32}'/.test(panel.webview.html), 'a nonce CSP');
    const report = await currentReport('resources');
    assert.ok(report.resources.includes('eve'));
    assert.equal(api.timeline.panelCount(), 1);

    // A damaged state names no plan: the panel is closed, not left empty.
    const broken = vscode.window.createWebviewPanel('planAsCode.timeline', 'Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    let disposed = false;
    broken.onDidDispose(() => (disposed = true));
    await api.timeline.restore(broken, { view: 'budget' });
    assert.ok(disposed);
    assert.equal(api.timeline.panelCount(), 1);
  });

  test('the renderer setting applies at once: the same plan drawn by the built-in renderer', async function () {
    this.timeout(90_000);
    await planWithPreview();
    const config = vscode.workspace.getConfiguration('planAsCode.timeline', document.uri);
    try {
      await config.update('renderer', 'builtin', vscode.ConfigurationTarget.Workspace);
      const builtin = await api.timeline.waitForReport((r) => r.uri === uri() && r.view === 'timeline' && r.renderer === 'builtin');
      assert.deepEqual(builtin.errors, []);
      // The built-in renderer draws the groups as bars too.
      assert.deepEqual(barsOf(builtin), SCHEDULE);
    } finally {
      await config.update('renderer', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const mermaid = await api.timeline.waitForReport((r) => r.uri === uri() && r.view === 'timeline' && r.renderer === 'mermaid');
    assertBars(mermaid, SCHEDULE);
  });

  test('the preview follows the colour theme: dark, high contrast, high contrast light', async function () {
    this.timeout(120_000);
    await planWithPreview();
    const workbench = vscode.workspace.getConfiguration('workbench');
    const themes: [string, RenderReport['theme']][] = [
      ['Default Dark Modern', 'dark'],
      ['Default High Contrast', 'high-contrast'],
      ['Default High Contrast Light', 'high-contrast-light'],
    ];
    try {
      for (const [theme, kind] of themes) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        const report = await api.timeline.waitForReport((r) => r.uri === uri() && r.view === 'timeline' && r.theme === kind);
        assert.deepEqual(report.errors, [], theme);
        assertBars(report, SCHEDULE);
        if (kind === 'dark' && harnessSignalDir()) await askWebview('screenshot', 'rect[data-id="build-ui"]', { name: 'vscode-timeline-dark.png' });
      }
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
    await api.timeline.waitForReport((r) => r.uri === uri() && r.view === 'timeline' && r.theme === 'light');
  });

  test('without the language server the preview says so, and draws again once it is back', async function () {
    if (!harnessSignalDir()) this.skip(); // the message is read in the webview's page
    this.timeout(90_000);
    await planWithPreview();
    await api.client.stop();
    try {
      // Another plan becomes active: the preview cannot get its model and says why.
      const website = await vscode.workspace.openTextDocument(fixtureUri('website.plan'));
      await vscode.window.showTextDocument(website, { viewColumn: vscode.ViewColumn.One });
      const answer = await askWebview('wait', '.message:has-text("language server is not running")');
      assert.match(answer.text ?? '', /Restart Language Server/);
    } finally {
      if (!api.client.isRunning()) await api.client.start();
    }
    // The server analyses the open plans again and the preview draws the active one.
    const website = await api.timeline.waitForReport((r) => r.uri === fixtureUri('website.plan').toString() && r.view === 'timeline');
    assert.ok(website.bars.some((b) => b.id === 'design'));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    assertBars(await currentReport(), SCHEDULE);
  });

  test('"Export Timeline…" asks for the format and the file, proposing a name beside the plan', async function () {
    if (!harnessSignalDir()) this.skip(); // the harness sees the quick pick and the (web) file dialog
    this.timeout(90_000);
    await planWithPreview();
    const expected = fixtureUri('timeline-timeline.csv');
    fs.rmSync(expected.fsPath, { force: true });
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('planAsCode.exportTimeline');
    // The format list (HTML first): move down to CSV and accept it.
    const list = await askWebview('page-wait', '.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="CSV"]');
    assert.equal(list.count, 1);
    await askWebview('page-wait', '.quick-input-widget .quick-input-title:has-text("Export the timeline of timeline.plan")');
    for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    // The save dialog proposes timeline-timeline.csv beside the plan: accept it.
    await askWebview('page-wait', '.quick-input-widget .quick-input-title:has-text("as CSV")');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const written = await running;
    assert.equal(written?.toString(), expected.toString());
    assert.ok(fs.readFileSync(expected.fsPath, 'utf8').startsWith('id,name,kind,parent,start,end'));
  });

  test('"Export Timeline…" with a format and a target writes each format', async function () {
    this.timeout(90_000);
    const checks: Record<string, (text: string) => void> = {
      mermaid: (t) => {
        assert.ok(t.startsWith('gantt'), t.slice(0, 80));
        assert.ok(t.includes('Integration tests'));
      },
      markdown: (t) => assert.ok(t.includes('```mermaid\ngantt'), t.slice(0, 80)),
      html: (t) => {
        assert.ok(t.includes('<svg'), 'an inline SVG chart');
        assert.ok(t.includes('http-equiv="Content-Security-Policy"'), 'a CSP');
        assert.ok(t.includes('Integration tests'));
      },
      svg: (t) => assert.ok(/^(<\?xml[^>]*>\s*)?<svg/.test(t), t.slice(0, 80)),
      csv: (t) => assert.ok(t.includes('\nbuild-ui,Build the UI,leaf,build,2027-01-13,2027-01-20,'), t),
      ics: (t) => {
        assert.ok(t.startsWith('BEGIN:VCALENDAR'));
        assert.ok(t.includes('DTSTART;VALUE=DATE:20270113'));
      },
    };
    const names: Record<string, string> = { mermaid: 'mmd', markdown: 'md', html: 'html', svg: 'svg', csv: 'csv', ics: 'ics' };
    for (const [format, check] of Object.entries(checks)) {
      const target = fixtureUri(`exported-timeline.${names[format]}`);
      const written = await vscode.commands.executeCommand<vscode.Uri>('planAsCode.exportTimeline', document.uri, format, target);
      assert.equal(written?.toString(), target.toString(), format);
      check(fs.readFileSync(target.fsPath, 'utf8'));
    }
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('planAsCode.exportTimeline', document.uri, 'pdf', fixtureUri('x.pdf'))),
      /unknown export format/,
    );
  });
});
