// Bundles with esbuild: one file each, no runtime resolution.
//   dist/planc.js       the CLI (includes the language server for `planc lsp --stdio`)
//   dist/server.js      the language server (stdio, node IPC, socket or pipe: see server/src/server.ts)
//   dist/extension.cjs  the VS Code extension (CommonJS, `vscode` provided by the editor)
//   dist/bench.js       the benchmark
//   dist/media/         the timeline webview: timeline.js (browser IIFE), timeline.css, mermaid.min.js (mermaid's own bundle)
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // Some dependencies still call require() for Node built-ins; give ESM bundles a require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/planc.ts'], outfile: 'dist/planc.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } }),
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    external: ['vscode'],
    banner: {},
  }),
  // playwright-core (the preview benchmark's Chromium driver) is loaded from node_modules, not bundled.
  build({ ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js', external: ['playwright-core'] }),
  build({
    entryPoints: { timeline: 'client/webview/main.ts' },
    outdir: 'dist/media',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    loader: { '.css': 'css' },
  }),
]);

// mermaid is loaded as its own script (window.mermaid): never from a CDN, always this pinned copy.
mkdirSync('dist/media', { recursive: true });
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'dist/media/mermaid.min.js');
