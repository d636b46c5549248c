/** `planc lsp [--stdio]`: the language server of dist/server.js, in this process. */
import { UsageError } from './errors';
import type { Io } from './io';
import { startServer } from '../planServer';

/** Options an LSP client may pass when it launches a server. */
const VALUED = new Set(['--socket', '--pipe', '--clientProcessId']);
const FLAGS = new Set(['--stdio', '--node-ipc']);

export function runLsp(args: readonly string[], _io: Io): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.split('=')[0];
    if (FLAGS.has(a)) continue;
    if (VALUED.has(name)) {
      if (a === name) {
        if (i + 1 >= args.length) throw new UsageError(`'${a}' needs a value`);
        i++;
      }
      continue;
    }
    if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (see 'planc lsp --help')`);
    throw new UsageError(`unexpected argument '${a}' (see 'planc lsp --help')`);
  }
  // The server keeps the process alive (it reads its input) and exits when the client says so.
  startServer();
  return 0;
}
