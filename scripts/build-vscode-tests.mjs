// Bundles the in-editor mocha suite (test/vscode/suite) for the VS Code extension host:
// one CommonJS file per entry in dist/test/vscode/suite/, `vscode` (the host's API) and `mocha`
// (resolved from this repository's node_modules at run time) left external.
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const dir = 'test/vscode/suite';
const entryPoints = readdirSync(dir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => `${dir}/${f}`);

await build({
  entryPoints,
  outdir: 'dist/test/vscode/suite',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
