// PMO policies in VS Code: violations from a plan's `uses` reach the Problems list with their docs link,
// editing the policy re-checks the plan, and "Plan: Show Effective Policy" lists the rules in effect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, waitFor } from './helpers';

const POLICY = `policy standard "Test standard" {
  version "1.0.0"
  rule owner-required warning "Every task needs an accountable owner" {
    docs "https://pmo.example/owners"
    each task require has owner
  }
}
`;

const PLAN = `project governed "Governed" {
  start 2027-01-04
  uses "./standard.policy"
}

resource ann "Ann" { rate 500/d }

task audit "Audit" { duration 3d  owner ann }
task report "Report" { after audit  duration 2d }
`;

suite('PMO policies in VS Code', () => {
  const planUri = () => fixtureUri('governed.plan');
  const policyUri = () => fixtureUri('standard.policy');

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(policyUri(), Buffer.from(POLICY));
    await vscode.workspace.fs.writeFile(planUri(), Buffer.from(PLAN));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [planUri(), policyUri()]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('a violation of the used policy reaches the Problems list, with the rule\'s docs link', async () => {
    const doc = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(doc);
    const violation = await waitFor('the policy/owner-required violation', () =>
      vscode.languages.getDiagnostics(planUri()).find((d) => typeof d.code === 'object' && d.code.value === 'policy/owner-required'));
    assert.equal(violation.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(violation.message, 'Every task needs an accountable owner');
    assert.equal(doc.getText(violation.range), 'report');
    assert.equal(typeof violation.code === 'object' ? violation.code.target.toString() : '', 'https://pmo.example/owners');
  });

  test('editing the policy re-checks the plan that uses it', async () => {
    const policy = await vscode.workspace.openTextDocument(policyUri());
    const edit = new vscode.WorkspaceEdit();
    const at = policy.getText().indexOf('require has owner');
    edit.replace(policyUri(), new vscode.Range(policy.positionAt(at), policy.positionAt(at + 'require has owner'.length)), 'require has owner or duration < 5d');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the violation to go once the rule allows short tasks', () =>
      !vscode.languages.getDiagnostics(planUri()).some((d) => typeof d.code === 'object' && d.code.value === 'policy/owner-required'));
    // Back to the file's text, saved: a dirty document left behind would ask to be saved once deleted.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(policyUri(), new vscode.Range(policy.positionAt(0), policy.positionAt(policy.getText().length)), POLICY);
    assert.ok(await vscode.workspace.applyEdit(undo));
    assert.ok(await policy.save());
  });

  test('"Plan: Show Effective Policy" lists the rule, its policy and version', async () => {
    const doc = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('planAsCode.showEffectivePolicy');
    const shown = await waitFor('the effective policy document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'plan-effective-policy' && d.getText().includes('owner-required')));
    const text = shown.getText();
    assert.match(text, /Effective policy/);
    assert.match(text, /standard\.policy/);
    assert.match(text, /1\.0\.0/);
  });
});
