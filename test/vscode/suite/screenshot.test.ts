// Last test of the run: leave the fixture plan open with its diagnostics and the Problems panel showing,
// then ask the harness for a screenshot. The code-server harness sets PLAN_VSCODE_TEST_SIGNAL_DIR (the
// extension host runs on the same machine as the harness): the suite writes `screenshot-request.json`
// there, the harness takes the shot and writes `screenshot-done`. Under @vscode/test-electron there is
// no such directory and the test is skipped.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitFor, waitForDiagnostic } from './helpers';

suite('Screenshot', () => {
  test('the editor with the plan, its diagnostics and the Problems panel', async function () {
    const signalDir = process.env.PLAN_VSCODE_TEST_SIGNAL_DIR;
    if (!signalDir) this.skip();
    this.timeout(90_000);
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await openFixture('website.plan');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the plan is in the active editor');
    const error = await waitForDiagnostic(document.uri, 'unknown-reference');
    await waitForDiagnostic(document.uri, 'missing-estimate');
    editor.selection = new vscode.Selection(error.range.start, error.range.start);
    editor.revealRange(error.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document, { preserveFocus: false, preview: false });

    const done = path.join(signalDir!, 'screenshot-done');
    fs.rmSync(done, { force: true });
    fs.writeFileSync(path.join(signalDir!, 'screenshot-request.json'), JSON.stringify({ name: 'vscode-editor.png', at: Date.now() }));
    await waitFor('the harness to take the screenshot', () => fs.existsSync(done), 60_000, 200);
    const answer = fs.readFileSync(done, 'utf8');
    assert.ok(!answer.startsWith('error'), `screenshot failed: ${answer}`);
  });
});
