// Policy files (server/src/service/policy.ts): syntax diagnostics and the outline.
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, SymbolKind } from 'vscode-languageserver-types';
import { policyDiagnostics, policySymbols } from '../../server/src/service/policy';

const POLICY = `policy standard "ACME PMO standard" {
  version "2.1.0"
  extends "./base.policy"

  rule owner-required error "Every task needs an accountable owner" {
    each task require has owner
  }
  rule task-ids info "Task ids are kebab-case" {
    each task require id matches "^[a-z][a-z0-9-]*$"
  }
}
`;

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('policy files', () => {
  it('a valid policy has no diagnostics', () => {
    assert.deepEqual(policyDiagnostics('file:///p.policy', POLICY), []);
  });

  it('syntax errors become LSP diagnostics: source plan-policy, code syntax', () => {
    const text = 'policy p {\n  rule r error {\n    each task require\n  }\n}\n';
    assert.deepEqual(policyDiagnostics('file:///p.policy', text), [
      {
        range: r(1, 9, 1, 14), severity: DiagnosticSeverity.Error, code: 'syntax', source: 'plan-policy',
        message: 'Rule r needs a message (a string) after its severity.', data: { start: 20, end: 25 },
      },
      {
        range: r(3, 2, 3, 3), severity: DiagnosticSeverity.Error, code: 'syntax', source: 'plan-policy',
        message: "Expected a number, a duration (like 5d), a percentage (like 50%), a date (YYYY-MM-DD), a string, 'has' or another after 'require' but found '}'.",
        data: { start: 52, end: 53 },
      },
    ]);
    assert.deepEqual(policyDiagnostics('file:///p.policy', 'policy p {').map((d) => [d.code, d.message]), [
      ['syntax', "The block of policy p is not closed: '}' is missing."],
    ]);
  });

  it('the outline: the policy with its version, extends and rules', () => {
    assert.deepEqual(policySymbols(POLICY), [{
      name: 'standard', detail: 'ACME PMO standard', kind: SymbolKind.Namespace, range: r(0, 0, 10, 1), selectionRange: r(0, 7, 0, 15),
      children: [
        { name: 'version', detail: '2.1.0', kind: SymbolKind.Property, range: r(1, 2, 1, 17), selectionRange: r(1, 2, 1, 9) },
        { name: 'extends', detail: './base.policy', kind: SymbolKind.Property, range: r(2, 2, 2, 25), selectionRange: r(2, 2, 2, 9) },
        { name: 'owner-required', detail: 'error — Every task needs an accountable owner', kind: SymbolKind.Function, range: r(4, 2, 6, 3), selectionRange: r(4, 7, 4, 21) },
        { name: 'task-ids', detail: 'info — Task ids are kebab-case', kind: SymbolKind.Function, range: r(7, 2, 9, 3), selectionRange: r(7, 7, 7, 15) },
      ],
    }]);
  });

  it('broken files still give an outline; a rule outside the policy is listed at the top level', () => {
    const text = 'policy p {\n}\nrule stray warning "x" {\n  each task require has owner\n}\npolicy\n';
    const symbols = policySymbols(text);
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.children?.length ?? 0]), [
      ['p', SymbolKind.Namespace, 0], ['stray', SymbolKind.Function, 0], ['policy', SymbolKind.Namespace, 0],
    ]);
    for (const s of symbols) {
      assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line, `${s.name}: selection inside range`);
    }
    assert.deepEqual(policySymbols(''), []);
  });
});
