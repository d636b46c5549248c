// Bundles the CLI (and the benchmark) with esbuild: one file each, no runtime resolution.
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
  build({ ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js' }),
]);
