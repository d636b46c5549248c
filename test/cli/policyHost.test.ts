/** FsPolicyHost (server/src/cli/fsHost.ts): resolution of uses/extends strings and its bounds. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FsPolicyHost } from '../../server/src/cli/fsHost';
import { removeTempDirs, tempDir } from './helpers';

describe('planc policy host (file system)', () => {
  after(() => removeTempDirs());

  function workspace(): { root: string; ws: string; plan: string } {
    const root = tempDir({
      'outside.policy': 'policy outside { }\n',
      'node_modules/global-pkg/x.policy': 'policy g { }\n',
      'ws/package.json': '{}',
      'ws/pmo/standard.policy': 'policy standard { }\n',
      'ws/node_modules/@acme/pmo/standard.policy': 'policy acme { }\n',
      'ws/node_modules/pmo-lite/lite.policy': 'policy lite { }\n',
      'ws/projects/web/node_modules/@acme/pmo/standard.policy': 'policy nearer { }\n',
      'ws/projects/web/plan.plan': 'project p { start 2027-01-04 }\n',
      'ws/projects/web/sub/dir.policy/keep': '',
    });
    const ws = path.join(root, 'ws');
    return { root, ws, plan: path.join(ws, 'projects', 'web', 'plan.plan') };
  }

  it('relative paths resolve from the naming file\'s folder', () => {
    const { ws, plan } = workspace();
    const host = new FsPolicyHost(ws);
    assert.equal(host.resolve('../../pmo/standard.policy', plan), path.join(ws, 'pmo', 'standard.policy'));
    assert.equal(host.read(host.resolve('../../pmo/standard.policy', plan)!), 'policy standard { }\n');
    assert.equal(host.resolve('./nope.policy', plan), undefined);
    assert.equal(host.explain('./nope.policy', plan), 'not-found');
    assert.equal(host.resolve('./sub/dir.policy', plan), undefined, 'a directory is not a policy');
  });

  it('package paths: the nearest node_modules first, then upwards; scoped and unscoped', () => {
    const { ws, plan } = workspace();
    const host = new FsPolicyHost(ws);
    assert.equal(host.resolve('@acme/pmo/standard.policy', plan), path.join(ws, 'projects', 'web', 'node_modules', '@acme', 'pmo', 'standard.policy'));
    assert.equal(host.resolve('@acme/pmo/standard.policy', path.join(ws, 'pmo', 'standard.policy')), path.join(ws, 'node_modules', '@acme', 'pmo', 'standard.policy'));
    assert.equal(host.resolve('pmo-lite/lite.policy', plan), path.join(ws, 'node_modules', 'pmo-lite', 'lite.policy'));
    for (const bad of ['pmo-lite', '@acme/pmo', '@acme', 'pmo-lite/../pmo-lite/lite.policy', 'pmo-lite//lite.policy', 'pmo-lite/./lite.policy', '']) {
      assert.equal(host.resolve(bad, plan), undefined, bad);
    }
  });

  it('outside the workspace: .. climbing out, absolute paths, links out — unresolved and never read', () => {
    const { root, ws, plan } = workspace();
    fs.symlinkSync(path.join(root, 'outside.policy'), path.join(ws, 'link.policy'));
    fs.symlinkSync(root, path.join(ws, 'node_modules', 'escape'));
    const host = new FsPolicyHost(ws);
    const outside = ['../../../outside.policy', '../../../../../../../../../etc/passwd', '/etc/passwd', path.join(root, 'outside.policy'), '../../link.policy', 'escape/outside.policy'];
    for (const spec of outside) {
      assert.equal(host.resolve(spec, plan), undefined, spec);
      assert.equal(host.explain(spec, plan), 'outside', spec);
      assert.match(host.notFoundMessage(spec, plan) ?? '', /outside the workspace/);
    }
    // read() only reads what was resolved or allowed
    assert.equal(host.read(path.join(root, 'outside.policy')), undefined);
    assert.equal(host.read('/etc/passwd'), undefined);
    assert.equal(host.reads, 0);
  });

  it('node_modules above the workspace count as package folders', () => {
    const { root, ws, plan } = workspace();
    const host = new FsPolicyHost(ws);
    assert.equal(host.resolve('global-pkg/x.policy', plan), path.join(root, 'node_modules', 'global-pkg', 'x.policy'));
  });

  it('the workspace is the cwd or the nearest folder above the file with .git or package.json', () => {
    const { root, ws, plan } = workspace();
    // cwd elsewhere (the file system root): the package.json folder still bounds the plan
    const host = new FsPolicyHost(path.join(root, 'node_modules'));
    assert.equal(host.resolve('../../pmo/standard.policy', plan), path.join(ws, 'pmo', 'standard.policy'));
    assert.equal(host.resolve('../../../outside.policy', plan), undefined);
    // with the cwd at the temporary root, files there are inside
    const wide = new FsPolicyHost(root);
    assert.equal(wide.resolve('../../../outside.policy', plan), path.join(root, 'outside.policy'));
  });

  it('reads each file once', () => {
    const { ws, plan } = workspace();
    const host = new FsPolicyHost(ws);
    for (let i = 0; i < 5; i++) host.read(host.resolve('@acme/pmo/standard.policy', plan)!);
    assert.equal(host.reads, 1);
  });
});
