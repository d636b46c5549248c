// The extension seen through VS Code's own API and commands, as a user's editor sees it.
// Fixture: test/vscode/workspace/website.plan (a copy of the folder is the workspace) —
//   error   unknown-reference  on `desing` in `after desing` (task build), did you mean `design`;
//   warning missing-estimate   on the id of task `review`.
// Schedule of the fixture (planc schedule): design 2027-01-04..2027-01-08, build 2027-01-04..2027-01-15,
// review and launch 2027-01-18; the project ends 2027-01-18.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  diagnosticsOf,
  hoverText,
  labelOf,
  openFixture,
  positionOf,
  rangeOf,
  rangeText,
  symbolNames,
  waitFor,
  waitForDiagnostic,
} from './helpers';

const PLAN = 'website.plan';

suite('Plan as Code in VS Code', () => {
  let document: vscode.TextDocument;

  suiteSetup(async function () {
    this.timeout(90_000);
    await activateExtension();
    document = await openFixture(PLAN);
    // The server is up once it has published the fixture's diagnostics.
    await waitForDiagnostic(document.uri, 'unknown-reference', 60_000);
  });

  setup(async () => {
    document = await openFixture(PLAN);
  });

  test('the extension is active and the plan has the plan language', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(document.languageId, 'plan');
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('plan'), 'language plan is contributed');
    assert.ok(languages.includes('plan-policy'), 'language plan-policy is contributed');
  });

  test('diagnostics reach the Problems list with code, severity, source and range', async () => {
    const error = await waitForDiagnostic(document.uri, 'unknown-reference');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(error.source, 'plan');
    assert.equal(rangeText(error.range), rangeText(rangeOf(document, 'after desing', 'desing')));
    assert.match(error.message, /desing/);
    assert.match(error.message, /design/, 'the message suggests the right id');

    const warning = await waitForDiagnostic(document.uri, 'missing-estimate');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.source, 'plan');
    assert.equal(rangeText(warning.range), rangeText(rangeOf(document, 'task review', 'review')));

    const codes = vscode.languages.getDiagnostics(document.uri).map(codeOf).sort();
    assert.deepEqual(codes, ['missing-estimate', 'unknown-reference'], 'exactly the known error and warning');
  });

  test('hover on a task shows its computed dates', async () => {
    const hovers = await waitFor('a hover on task build', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider', document.uri, positionOf(document, 'task build', 6));
      return result.length > 0 ? result : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /2027-01-04/, `start date in hover:\n${text}`);
    assert.match(text, /2027-01-15/, `end date in hover:\n${text}`);
  });

  test('hover on a resource and on a keyword', async () => {
    const resource = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, positionOf(document, 'resource bob', 10)));
    assert.match(resource, /650/, `rate in the resource hover:\n${resource}`);
    const keyword = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, positionOf(document, 'duration 10d', 2)));
    assert.ok(keyword.trim().length > 0, 'a keyword hover explains the keyword');
  });

  test('completion after `assign ` offers the resources (and no tasks)', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'assign eve', 'assign '.length));
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('bob'), `bob offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('eve'), `eve offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('design'), `a task is not offered after assign: ${labels.join(', ')}`);
  });

  test('completion after `after ` offers tasks', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'after build', 'after '.length));
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('design'), `design offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('bob'), `a resource is not offered after after: ${labels.join(', ')}`);
  });

  test('go to definition and find references', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, positionOf(document, 'after build', 7));
    assert.equal(definitions.length, 1);
    const target = definitions[0]!;
    const range = 'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.equal(range.start.line, positionOf(document, 'task build').line);

    const references = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', document.uri, positionOf(document, 'resource bob', 10));
    const lines = references.map((l) => l.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [positionOf(document, 'resource bob').line, positionOf(document, 'assign bob').line]);
  });

  test('rename renames the declaration and every reference', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'assign bob', 8), 'robert');
    const edits = edit.get(document.uri);
    assert.equal(edits.length, 2, `two edits: ${edits.map((e) => rangeText(e.range)).join(' ')}`);
    for (const e of edits) {
      assert.equal(e.newText, 'robert');
      assert.equal(document.getText(e.range), 'bob');
    }
    const starts = edits.map((e) => rangeText(e.range)).sort();
    assert.deepEqual(starts, [rangeText(rangeOf(document, 'assign bob', 'bob')), rangeText(rangeOf(document, 'resource bob', 'bob'))].sort());
  });

  test('rename rejects an invalid id and a clashing id', async () => {
    const at = positionOf(document, 'assign bob', 8);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'not an id')),
      'an id with spaces is rejected');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'eve')),
      'a clash with resource eve is rejected');
  });

  test('document symbols list the project, resources, tasks and milestone', async () => {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbolNames(symbols).join(' | ');
    for (const id of ['web', 'bob', 'eve', 'design', 'build', 'review', 'launch']) {
      assert.ok(new RegExp(`\\b${id}\\b`).test(names) || names.includes(id), `symbol ${id} in outline: ${names}`);
    }
  });

  test('a quick fix corrects the unknown reference and the diagnostic disappears', async () => {
    const diagnostic = await waitForDiagnostic(document.uri, 'unknown-reference');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
    const titles = fixes.map((a) => a.title).join(' | ');
    const fix =
      fixes.find((a) => a.edit?.get(document.uri).some((e) => e.newText === 'design')) ??
      fixes.find((a) => /\bdesign\b/.test(a.title));
    assert.ok(fix, `a did-you-mean fix to 'design' among: ${titles}`);
    if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(document.getText(), /after design\b/);
    await waitFor('the unknown-reference diagnostic to disappear',
      () => diagnosticsOf(document.uri, 'unknown-reference').length === 0);
    assert.equal(diagnosticsOf(document.uri, 'missing-estimate').length, 1, 'the warning stays');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.isDirty, false);
    await waitForDiagnostic(document.uri, 'unknown-reference');
  });

  test('formatting gives one canonical layout, keeps comments and is idempotent', async () => {
    const messy = await openFixture('messy.plan');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider', messy.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits.length > 0, 'the messy plan needs formatting');
    const edit = new vscode.WorkspaceEdit();
    edit.set(messy.uri, edits);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const formatted = messy.getText();
    assert.match(formatted, /\/\/ keep this comment/);
    assert.match(formatted, /\/\* and this one \*\//);
    assert.notEqual(formatted, '');

    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider', messy.uri, { tabSize: 2, insertSpaces: true });
    const secondEdit = new vscode.WorkspaceEdit();
    secondEdit.set(messy.uri, again);
    await vscode.workspace.applyEdit(secondEdit);
    assert.equal(messy.getText(), formatted, 'formatting a formatted plan changes nothing');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('planAsCode.restartServer'), 'planAsCode.restartServer');
    assert.ok(commands.includes('planAsCode.showOutput'), 'planAsCode.showOutput');
    await vscode.commands.executeCommand('planAsCode.showOutput');
  });

  test('settings are contributed with descriptions', () => {
    const configuration = vscode.workspace.getConfiguration('planAsCode');
    const extension = vscode.extensions.getExtension('plan-as-code.plan-as-code');
    const contributed = extension?.packageJSON?.contributes?.configuration;
    const blocks = Array.isArray(contributed) ? contributed : [contributed];
    const properties = Object.entries(Object.assign({}, ...blocks.map((b) => b?.properties ?? {}))) as [string, { description?: string; markdownDescription?: string }][];
    assert.ok(properties.length > 0, 'planAsCode.* settings are contributed');
    for (const [key, schema] of properties) {
      assert.ok(key.startsWith('planAsCode.'), `${key} is namespaced`);
      assert.ok(schema.description || schema.markdownDescription, `${key} has a description`);
      assert.notEqual(configuration.inspect(key.slice('planAsCode.'.length)), undefined, `${key} is readable`);
    }
  });

  test('restarting the server keeps diagnostics and features working', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('planAsCode.restartServer');
    const hovers = await waitFor('a hover after the restart', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider', document.uri, positionOf(document, 'task build', 6));
      return result.length > 0 ? result : undefined;
    }, 60_000);
    assert.match(hoverText(hovers), /2027-01-15/);
    await waitForDiagnostic(document.uri, 'unknown-reference', 60_000);
    await waitForDiagnostic(document.uri, 'missing-estimate', 60_000);
  });
});
