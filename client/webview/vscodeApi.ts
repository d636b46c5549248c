// What a webview script sees of VS Code: acquireVsCodeApi() (callable once per page).
import type { WebviewMessage } from '../src/timeline/messages';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function vscodeApi(): VsCodeApi {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi();
  // Opened outside a webview (a plain browser): keep state in memory, post nowhere.
  let state: unknown = null;
  return { postMessage: () => undefined, getState: () => state, setState: (s) => (state = s) };
}
