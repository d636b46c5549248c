// Shared helpers of the in-editor suite: polling (never fixed sleeps), fixture lookup, positions by text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'plan-as-code.plan-as-code';

/** Polls `probe` until it returns a value that is not undefined/false (errors count as "not yet"). */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness must open test/vscode/workspace (a copy of it) as the workspace folder');
  return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

/** Activates the extension (opening a plan would too) and returns its exports. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = await waitFor('the Plan as Code extension to be registered', () =>
    vscode.extensions.getExtension(EXTENSION_ID),
  );
  await extension.activate();
  return extension;
}

/** Opens a fixture in an editor (reverting unsaved changes from earlier tests) and returns its document. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  if (document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.languageId, 'plan', `${name} should open with the plan language`);
  return document;
}

/** The position of the `occurrence`-th match of `needle` (0-based), moved `delta` characters into it. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${document.uri.path}`);
  }
  return document.positionAt(index + delta);
}

/** The range of the `occurrence`-th match of `needle`, narrowed to `part` inside it when given. */
export function rangeOf(document: vscode.TextDocument, needle: string, part = needle, occurrence = 0): vscode.Range {
  const inner = needle.indexOf(part);
  assert.ok(inner >= 0, `"${part}" is not inside "${needle}"`);
  const start = positionOf(document, needle, inner, occurrence);
  return new vscode.Range(start, start.translate(0, part.length));
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function diagnosticsOf(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => code === undefined || codeOf(d) === code);
}

/** Waits until the language server has published diagnostics with `code` for the document. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, timeoutMs = 30_000): Promise<vscode.Diagnostic> {
  return waitFor(`a '${code}' diagnostic on ${uri.path}`, () => diagnosticsOf(uri, code)[0], timeoutMs);
}

/** Plain text of hover contents (markdown strings and marked strings alike). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function symbolNames(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  const names: string[] = [];
  const visit = (symbol: vscode.DocumentSymbol | vscode.SymbolInformation) => {
    names.push(symbol.name);
    if ('children' in symbol) symbol.children.forEach(visit);
  };
  symbols.forEach(visit);
  return names;
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

// ------------------------------------------------------------------ the timeline preview

/** The harness's signal directory (code-server harness only: it can see and click inside webviews). */
export function harnessSignalDir(): string | undefined {
  return process.env.PLAN_VSCODE_TEST_SIGNAL_DIR || undefined;
}

export interface WebviewAnswer {
  ok: boolean;
  error?: string;
  count?: number;
  text?: string;
}

/**
 * Asks the code-server harness to act in the webview that shows `selector`: wait for it, click it with
 * the mouse, or take a screenshot of the window (test-results/<name>) once it shows. `page-wait` waits
 * for `selector` in the workbench page itself (quick picks, the file dialog).
 */
export async function askWebview(action: 'wait' | 'click' | 'screenshot' | 'page-wait', selector: string, options: { name?: string; timeoutMs?: number } = {}): Promise<WebviewAnswer> {
  const dir = harnessSignalDir();
  assert.ok(dir, 'only the code-server harness can act inside a webview');
  const done = path.join(dir, 'webview-done.json');
  fs.rmSync(done, { force: true });
  const timeoutMs = options.timeoutMs ?? 30_000;
  fs.writeFileSync(path.join(dir, 'webview-request.json'), JSON.stringify({ action, selector, name: options.name, timeoutMs }));
  await waitFor(`the harness to ${action} ${selector} in the webview`, () => fs.existsSync(done), timeoutMs + 30_000, 100);
  const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as WebviewAnswer;
  fs.rmSync(done, { force: true });
  assert.ok(answer.ok, `the harness could not ${action} ${selector}: ${answer.error}`);
  return answer;
}

/** The webview tab of the timeline preview, with the column of its group. */
export function timelineTabs(): { tab: vscode.Tab; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('planAsCode.timeline'))
    .map((tab) => ({ tab, column: group.viewColumn })));
}

/** Replaces the `occurrence`-th `needle` of the document with `replacement` (an edit as a user would make). */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string, occurrence = 0): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, needle, needle, occurrence), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of "${needle}" was not applied`);
}
