/**
 * Policy files (`*.policy`): diagnostics (syntax alone, or what loading the file as a policy set
 * found: syntax, types, facts, regular expressions, extends) and the outline (policies and their rules).
 */
import { DiagnosticSeverity, SymbolKind, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Diagnostic as CoreDiagnostic, Severity } from '../language/diagnostics';
import { parsePolicy } from '../language/parse';
import { LineIndex } from '../language/text';
import type * as A from '../language/ast';

export function policyDiagnostics(uri: string, text: string): Diagnostic[] {
  void uri; // diagnostics are published for the uri by the caller; related information would need it
  const lines = new LineIndex(text);
  return parsePolicy(text).syntaxErrors.map((e) => ({
    range: lines.range(e),
    severity: DiagnosticSeverity.Error,
    code: 'syntax',
    source: 'plan-policy',
    message: e.message,
    data: { start: e.start, end: e.end },
  }));
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The problems the policy engine found in a policy file (offsets into `text`) as LSP diagnostics for `uri`. */
export function policyFileDiagnostics(uri: string, text: string, found: readonly CoreDiagnostic[]): Diagnostic[] {
  const lines = new LineIndex(text);
  return found.map((d) => {
    const out: Diagnostic = { range: lines.range(d), severity: SEVERITY[d.severity], code: d.code, source: d.source, message: d.message };
    if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: lines.range(r.span) }, message: r.message }));
    out.data = { ...(d.data ?? {}), start: d.start, end: d.end };
    return out;
  });
}

function ruleSymbol(lines: LineIndex, r: A.Rule): DocumentSymbol {
  const detail = [r.severity?.text, r.message?.value].filter((x) => x !== undefined).join(' — ');
  const symbol: DocumentSymbol = {
    name: r.id?.text ?? 'rule',
    kind: SymbolKind.Function,
    range: lines.range({ start: r.start, end: Math.max(r.end, r.keyword.end) }),
    selectionRange: lines.range(r.id ?? r.keyword),
  };
  if (detail) symbol.detail = detail;
  return symbol;
}

/**
 * The outline: each policy (its `version` and `extends` lines, then its rules). A rule written
 * outside any policy block (a syntax error) is listed at the top level so it can still be found.
 */
export function policySymbols(text: string): DocumentSymbol[] {
  const lines = new LineIndex(text);
  const doc = parsePolicy(text);
  const out: DocumentSymbol[] = [];
  for (const p of doc.policies) {
    const inside = p.rules.filter((r) => r.start < p.end);
    const outside = p.rules.filter((r) => r.start >= p.end);
    const symbol: DocumentSymbol = {
      name: p.id?.text ?? 'policy',
      kind: SymbolKind.Namespace,
      range: lines.range(p),
      selectionRange: lines.range(p.id ?? p.keyword),
      children: [
        ...p.props.map((x): DocumentSymbol => ({
          name: x.key,
          ...(x.value ? { detail: x.value.value } : {}),
          kind: SymbolKind.Property,
          range: lines.range(x),
          selectionRange: lines.range(x.keyword),
        })),
        ...inside.map((r) => ruleSymbol(lines, r)),
      ],
    };
    if (p.name) symbol.detail = p.name.value;
    out.push(symbol, ...outside.map((r) => ruleSymbol(lines, r)));
  }
  return out;
}
