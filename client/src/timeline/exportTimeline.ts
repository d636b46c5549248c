/**
 * "Plan: Export Timeline…": the active plan (or the previewed one, or the plan given as argument) rendered
 * by the language server in a chosen format and written where the user says. With the arguments
 * (uri, format, target) it runs without any dialog and returns the written file (tests, keybindings).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, type ExportFormatName } from '../../../server/src/protocol';
import { EXPORT_FORMATS, defaultExportName, exportFormatInfo } from './exportFormats';
import { fileNameOf } from './timelinePanel';

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') return vscode.Uri.parse(value);
  return undefined;
}

export async function exportTimeline(
  client: LanguageClient,
  activePlan: () => vscode.Uri | undefined,
  uriArg?: unknown,
  formatArg?: unknown,
  targetArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const plan = asUri(uriArg) ?? activePlan();
  if (!plan) {
    void vscode.window.showInformationMessage('Plan as Code: open a plan (*.plan) to export its timeline.');
    return undefined;
  }
  const unattended = formatArg !== undefined && targetArg !== undefined;
  const fail = (text: string) => {
    if (unattended) throw new Error(text);
    void vscode.window.showErrorMessage(`Plan as Code: ${text}`);
    return undefined;
  };

  let info = typeof formatArg === 'string' ? exportFormatInfo(formatArg) : undefined;
  if (formatArg !== undefined && !info) return fail(`unknown export format ${JSON.stringify(formatArg)}.`);
  if (!info) {
    const picked = await vscode.window.showQuickPick(
      EXPORT_FORMATS.map((f) => ({ label: f.label, description: `.${f.extension}`, detail: f.description, info: f })),
      { title: `Export the timeline of ${fileNameOf(plan)}`, placeHolder: 'Format' },
    );
    if (!picked) return undefined;
    info = picked.info;
  }
  const format: ExportFormatName = info.format;

  let target = asUri(targetArg);
  if (!target) {
    const folder = plan.scheme === 'untitled'
      ? vscode.workspace.workspaceFolders?.[0]?.uri
      : vscode.Uri.joinPath(plan, '..');
    const name = defaultExportName(plan.path, format);
    target = await vscode.window.showSaveDialog({
      title: `Export the timeline of ${fileNameOf(plan)} as ${info.label}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [info.filterName]: [info.extension] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }

  let result: { text: string } | null;
  try {
    // The server knows open documents only.
    await vscode.workspace.openTextDocument(plan);
    result = await client.sendRequest(ExportRequest, { uri: plan.toString(), format });
  } catch (error) {
    return fail(`the timeline of ${fileNameOf(plan)} could not be exported: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!result) return fail(`${fileNameOf(plan)} is not an open plan; open it in an editor to export its timeline.`);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  if (unattended) return target;

  const written = fileNameOf(target);
  if (format === 'html') {
    void vscode.window.showInformationMessage(`Exported the timeline to ${written}.`, 'Open in Browser', 'Reveal in Explorer').then((choice) => {
      if (choice === 'Open in Browser') void vscode.env.openExternal(target);
      else if (choice === 'Reveal in Explorer') void vscode.commands.executeCommand('revealInExplorer', target);
    });
  } else {
    void vscode.window.showInformationMessage(`Exported the timeline to ${written}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
  }
  return target;
}
