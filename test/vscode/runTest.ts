// The same in-editor mocha suite (test/vscode/suite, bundled to dist/test/vscode/suite/index.cjs) run in a
// desktop VS Code downloaded by @vscode/test-electron, for machines that can reach Microsoft's update
// service (update.code.visualstudio.com). On the machines without it, test/vscode/codeServer.ts runs the
// same suite in the VS Code server of code-server instead.
//
//   npm run test:vscode:electron              (VS Code 1.100.3, the version the code-server route runs)
//   VSCODE_TEST_VERSION=stable npm run test:vscode:electron
//
// On a Linux machine without a display run it under xvfb-run (`xvfb-run -a npm run test:vscode:electron`).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<number> {
  const extensionTestsPath = path.join(ROOT, 'dist/test/vscode/suite/index.cjs');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} missing: run node scripts/build-vscode-tests.mjs (npm run test:vscode:electron does)`);
    return 1;
  }
  // The tests edit documents (a quick fix, formatting) and revert them; work on a copy all the same.
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-vscode-electron-'));
  const workspace = path.join(sandbox, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/vscode/workspace'), workspace, { recursive: true });
  try {
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under test
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(sandbox, 'user-data'),
      ],
      extensionTestsEnv: { PLAN_VSCODE_TEST_GREP: process.env.PLAN_VSCODE_TEST_GREP ?? '' },
    });
  } catch (error) {
    console.error(`VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(sandbox, { recursive: true, force: true });
  }
}

process.exit(await main());
