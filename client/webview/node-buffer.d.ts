// server/src/language/export/escape.ts (shared with the exports) names Node's Buffer in its iCalendar
// folding; the webview bundles only its escapeMermaid, which never touches Buffer. This lets the webview
// typecheck without Node's types.
declare const Buffer: { byteLength(text: string, encoding: 'utf8'): number };
