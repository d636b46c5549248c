/**
 * VS Code's colour theme as the webview sees it: a class on <body> (vscode-light, vscode-dark,
 * vscode-high-contrast, vscode-high-contrast-light) and --vscode-* CSS variables. Watches the class so
 * the chart is redrawn when the user switches themes.
 */
import type { ThemeKind } from '../src/timeline/messages';

export function themeKind(body: HTMLElement = document.body): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function isDark(kind: ThemeKind): boolean { return kind === 'dark' || kind === 'high-contrast'; }

/** Calls `changed` when the theme kind changes (VS Code swaps the body class in place). */
export function watchTheme(changed: (kind: ThemeKind) => void): void {
  let current = themeKind();
  new MutationObserver(() => {
    const next = themeKind();
    if (next !== current) { current = next; changed(next); }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** A CSS variable's value (the theme's colour), or `fallback` outside VS Code. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}
