/**
 * The status bar item of the active plan: project end and problems, from `planAsCode/status`.
 * Visible only while a plan or policy editor is active; a click opens the Problems view.
 */
import * as vscode from 'vscode';
import type { PlanStatus } from '../../server/src/protocol';

export class PlanStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly statuses = new Map<string, PlanStatus>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly languages: readonly string[]) {
    this.item = vscode.window.createStatusBarItem('planAsCode.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Plan as Code';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => { this.statuses.delete(doc.uri.toString()); this.render(); }),
    );
    this.render();
  }

  update(status: PlanStatus): void {
    const old = this.statuses.get(status.uri);
    // Notifications arrive in order, but never let an older version replace a newer one.
    if (old?.version !== undefined && status.version !== undefined && status.version < old.version) return;
    this.statuses.set(status.uri, status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) this.render();
  }

  statusOf(uri: string): PlanStatus | undefined {
    return this.statuses.get(uri);
  }

  /** The text shown now ('' when hidden). */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.languages.includes(doc.languageId)) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const status = this.statuses.get(doc.uri.toString());
    if (!status) {
      this.item.text = '$(sync~spin) Plan';
      this.item.tooltip = 'Plan as Code: analysing…';
    } else {
      const { errors, warnings } = status.problems;
      const end = status.projectEnd ? `$(calendar) ${status.projectEnd}  ` : '';
      this.item.text = `${end}$(error) ${errors}  $(warning) ${warnings}`;
      const problems = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
      const what = doc.languageId === 'plan'
        ? (status.projectEnd ? `Project ends ${status.projectEnd}` : 'The project cannot be scheduled yet')
        : 'Policy';
      this.item.tooltip = `${what} · ${problems}. Click to open the Problems view.`;
    }
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
