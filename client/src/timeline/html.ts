/**
 * The timeline webview's page (pure: no `vscode` import, so the Chromium tests load the very same page).
 * Scripts run only with the page's nonce; styles come from the extension's media folder, plus the inline
 * styles mermaid writes into its SVG (hence 'unsafe-inline' for styles only, as VS Code's Markdown preview
 * does); nothing is fetched from the network.
 */
export interface TimelinePageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per page. */
  nonce: string;
  /** URIs (as the webview sees them) of dist/media/timeline.js, timeline.css and mermaid.min.js. */
  script: string;
  style: string;
  mermaid: string;
  /** The state to start from (serializer restore), embedded as JSON. */
  state?: unknown;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function timelinePage(o: TimelinePageOptions): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    `style-src ${o.cspSource} 'unsafe-inline'`,
    `img-src ${o.cspSource} data:`,
    `font-src ${o.cspSource}`,
  ].join('; ');
  const state = JSON.stringify(o.state ?? null);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.style)}">
<title>Plan timeline</title>
</head>
<body>
<div id="app" data-initial-state="${attr(state)}"></div>
<script nonce="${attr(o.nonce)}" src="${attr(o.mermaid)}"></script>
<script nonce="${attr(o.nonce)}" src="${attr(o.script)}"></script>
</body>
</html>
`;
}

/** 32 characters from a cryptographic random source, for the CSP nonce. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let s = '';
  for (const b of bytes) s += chars[b % chars.length];
  return s;
}
