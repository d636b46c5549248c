// Entry point of the mocha suite that runs INSIDE the VS Code extension host.
// Both harnesses load this same `run()`: test/vscode/runTest.ts (@vscode/test-electron, desktop VS Code)
// and test/vscode/codeServer.ts (the VS Code server bundled in code-server, driven by headless Chromium).
// scripts/build-vscode-tests.mjs bundles this file and each *.test.ts next to it into
// dist/test/vscode/suite/*.cjs (CommonJS, `vscode` and `mocha` external).
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Prefix of mocha's lines when the code-server harness reads them out of the workbench log. */
export const MOCHA_LINE_MARK = '[[mocha]] ';

/** Test files in the order they run; `screenshot` last, so the editor it leaves open is the one shot. */
const files = ['extension.test.cjs', 'policy.test.cjs', 'timeline.test.cjs', 'screenshot.test.cjs'];

export async function run(): Promise<void> {
  if (process.env.PLAN_VSCODE_TEST_SIGNAL_DIR) {
    // Under code-server the extension host's console reaches the harness mixed with the workbench's own
    // log; mark mocha's lines so that the harness prints exactly mocha's report.
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(MOCHA_LINE_MARK + format(...args));
  }
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: process.env.PLAN_VSCODE_TEST_COLOR === '1',
    timeout: 60_000,
    slow: 5_000,
  });
  const grep = process.env.PLAN_VSCODE_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed.`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
