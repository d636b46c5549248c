/**
 * What `activate` returns (`vscode.extensions.getExtension('plan-as-code.plan-as-code').exports`),
 * for tests and other extensions.
 */
import type { Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PlanStatus } from '../../server/src/protocol';
import type { TimelineTestApi } from './timeline/previewManager';

export interface PlanAsCodeApi {
  /** The running language client (started when `activate` resolves, unless the server failed to start). */
  client: LanguageClient;
  /** The last `planAsCode/status` the server sent for a document. */
  status(uri: Uri | string): PlanStatus | undefined;
  /** The status bar item's text ('' while it is hidden, i.e. no plan editor is active). */
  statusBarText(): string;
  /** The timeline preview: what its webview reported it drew, and a way to post it messages. */
  timeline: TimelineTestApi;
}
