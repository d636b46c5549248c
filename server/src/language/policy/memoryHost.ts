/**
 * An in-memory PolicyHost for tests: files by absolute POSIX path. `resolve` joins relative specs
 * (`./x`, `../x`) to the naming file's folder and maps a package path (`@acme/pmo/x.policy`,
 * `pkg/x.policy`) to `/node_modules/<spec>`; a path not among the files resolves to undefined.
 */
import { posix } from 'node:path';
import type { PolicyHost } from './types';

export function memoryHost(files: Record<string, string>): PolicyHost & { files: Map<string, string> } {
  const map = new Map(Object.entries(files));
  return {
    files: map,
    read: (path) => map.get(path),
    resolve: (spec, fromFile) => {
      const path = spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')
        ? posix.resolve(posix.dirname(fromFile), spec)
        : posix.join('/node_modules', spec);
      return map.has(path) ? path : undefined;
    },
  };
}
