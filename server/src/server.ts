/**
 * Entry point of the bundled language server (dist/server.js):
 *   node dist/server.js --stdio        (any LSP client)
 *   node dist/server.js --node-ipc     (VS Code's language client, TransportKind.ipc)
 *   node dist/server.js --socket=PORT | --pipe=NAME
 * Without a transport argument it speaks over stdio. `planc lsp --stdio` runs the same server.
 */
import { startServer } from './planServer';

startServer();
