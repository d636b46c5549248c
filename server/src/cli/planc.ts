/**
 * The `planc` executable (bundled to dist/planc.js). Wires the process to `main`: arguments,
 * streams, exit code. Output is flushed before exit because the code is set, not forced.
 */
import { main, reportFailure, EXIT_USAGE } from './main';
import { processIo } from './io';

const io = processIo();

// `planc check | head`: a closed pipe ends the run quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.exit(EXIT_USAGE);
  });
}

process.on('uncaughtException', (e) => {
  process.exitCode = reportFailure(e, io);
  process.exit();
});

process.exitCode = main(process.argv.slice(2), io);
