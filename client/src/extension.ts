/**
 * The VS Code extension (bundled to dist/extension.cjs): starts the language server
 * (dist/server.js over node IPC) for `plan` and `plan-policy` documents, contributes the commands
 * "Plan: Restart Language Server", "Plan: Show Output" and "Plan: Show Effective Policy" (the rules in
 * effect for the active plan, as a read-only Markdown document), shows the active plan's project end
 * and problem count in the status bar (from the server's `planAsCode/status` notification), and the
 * timeline preview with its commands ("Plan: Open Timeline to the Side", "Plan: Export Timeline…", …:
 * ./timeline/).
 */
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { EffectivePolicyRequest, StatusNotification, type PlanStatus } from '../../server/src/protocol';
import { EFFECTIVE_POLICY_SCHEME, effectivePolicyMarkdown } from './effectivePolicy';
import { PlanStatusBar } from './statusBar';
import { exportTimeline } from './timeline/exportTimeline';
import { TimelinePreviews } from './timeline/previewManager';
import type { PlanAsCodeApi } from './api';

export const CLIENT_ID = 'planAsCode';
export const CLIENT_NAME = 'Plan as Code';
const LANGUAGES = ['plan', 'plan-policy'] as const;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PlanAsCodeApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    traceOutputChannel: output,
    // Markdown in hovers comes from the server's own texts (plan data is escaped there); no commands in it.
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      workspace: {
        // In an untrusted workspace only the user's own `planAsCode.policies` applies (VS Code's
        // restrictedConfigurations does the same; this keeps it so whatever the editor version).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return result.map((value: unknown, i: number) => {
            const item = params.items[i];
            if (item?.section !== 'planAsCode' || !value || typeof value !== 'object') return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const user = vscode.workspace.getConfiguration('planAsCode', scope).inspect<string[]>('policies')?.globalValue ?? [];
            return { ...(value as Record<string, unknown>), policies: user };
          });
        },
      },
    },
  };
  // The id makes the client read `planAsCode.trace.server`.
  const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = languageClient;

  // Trust granted: the workspace's `planAsCode.policies` applies now.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (languageClient.isRunning()) void languageClient.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }));

  const statusBar = new PlanStatusBar(LANGUAGES);
  context.subscriptions.push(statusBar);
  // The timeline preview (webview) beside the plan editor; registered before the client starts so that a
  // preview restored after a window reload finds its serializer.
  let clientStarted: () => void = () => undefined;
  const previews = new TimelinePreviews({
    client: languageClient,
    clientStarted: new Promise<void>((resolve) => (clientStarted = resolve)),
    extensionUri: context.extensionUri,
    log: output,
    exportPlan: (uri) => vscode.commands.executeCommand('planAsCode.exportTimeline', uri),
  });
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand('planAsCode.exportTimeline', (uri?: unknown, format?: unknown, target?: unknown) =>
      exportTimeline(languageClient, () => previews.activePlan(), uri, format, target)),
  );

  // One handler per notification: the status bar and the preview both follow each analysis.
  context.subscriptions.push(languageClient.onNotification(StatusNotification, (status: PlanStatus) => {
    statusBar.update(status);
    previews.onStatus(status);
  }));

  context.subscriptions.push(
    vscode.commands.registerCommand('planAsCode.restartServer', async () => {
      output.info('Restarting the language server.');
      try {
        if (languageClient.isRunning()) await languageClient.restart();
        else await languageClient.start();
      } catch (e) {
        output.error(`Could not restart the language server: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage(`Plan as Code: the language server could not be restarted. See "Plan: Show Output".`);
      }
    }),
    vscode.commands.registerCommand('planAsCode.showOutput', () => output.show(true)),
  );

  // "Plan: Show Effective Policy": a virtual document per plan (the plan's URI in the query), read-only.
  const effectiveChanged = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    effectiveChanged,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_POLICY_SCHEME, {
      onDidChange: effectiveChanged.event,
      async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const planUri = uri.query;
        const name = decodeURIComponent(planUri.replace(/[?#].*$/, '').replace(/^.*\//, ''));
        try {
          const result = await languageClient.sendRequest(EffectivePolicyRequest, { uri: planUri });
          return result ? effectivePolicyMarkdown(result, name) : `# Effective policy of ${name}\n\nOpen the plan in an editor to see its effective policy.\n`;
        } catch (e) {
          return `# Effective policy of ${name}\n\nThe language server could not answer: ${e instanceof Error ? e.message : String(e)}\n`;
        }
      },
    }),
    vscode.commands.registerCommand('planAsCode.showEffectivePolicy', async (target?: vscode.Uri) => {
      const document = target
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) ?? await vscode.workspace.openTextDocument(target)
        : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'plan') {
        void vscode.window.showInformationMessage('Plan as Code: open a plan (*.plan) to see its effective policy.');
        return;
      }
      const base = document.uri.path.replace(/^.*\//, '') || 'plan';
      const uri = vscode.Uri.from({ scheme: EFFECTIVE_POLICY_SCHEME, path: `/${base} — effective policy.md`, query: document.uri.toString() });
      effectiveChanged.fire(uri);
      const shown = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(shown, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    }),
  );

  try {
    await languageClient.start();
  } catch (e) {
    output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage('Plan as Code: the language server did not start. See "Plan: Show Output".');
  }
  clientStarted();

  return {
    client: languageClient,
    status: (uri) => statusBar.statusOf(typeof uri === 'string' ? uri : uri.toString()),
    statusBarText: () => statusBar.text,
    timeline: previews.testApi,
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}
