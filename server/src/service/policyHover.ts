/**
 * Hover in policy files (facts: meaning and type; rule ids: severity, message, subject, docs;
 * severities; subjects; keywords) and, in plans, on a `waive` rule id: the rule, its policy file and
 * the policy's id and version.
 */
import * as path from 'node:path';
import type { Hover, Position } from 'vscode-languageserver-types';
import { parsePolicy } from '../language/parse';
import { LineIndex, type Span } from '../language/text';
import type { EffectiveRule, PolicySet } from '../language/policy/types';
import type * as A from '../language/ast';
import type { Diagnostic as CoreDiagnostic } from '../language/diagnostics';
import type { PlanContext } from './context';
import { FACT_DOCS, factType, isFact, POLICY_KEYWORD_DOCS, SEVERITY_DOCS, SUBJECT_DOCS } from './policyFacts';

const within = (s: Span | undefined, offset: number) => s !== undefined && s.start <= offset && offset <= s.end;

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

/** The nodes of an expression, depth-first. */
function* walk(e: A.Expr | undefined): Generator<A.Expr> {
  if (!e) return;
  yield e;
  switch (e.type) {
    case 'binary': yield* walk(e.left); yield* walk(e.right); break;
    case 'not': case 'negate': yield* walk(e.operand); break;
    case 'matches': yield* walk(e.value); break;
    case 'paren': yield* walk(e.inner); break;
    default: break;
  }
}

function ruleMarkdown(rule: A.Rule): string {
  const parts = [`**rule \`${rule.id?.text ?? '?'}\`** — ${rule.severity?.text ?? 'no severity'}`];
  if (rule.message) parts.push(escape(rule.message.value));
  const subject = rule.subject?.kind === 'project' ? 'the project' : rule.subject?.word ? `each ${rule.subject.word.text}` : undefined;
  if (subject) parts.push(`Applies to ${subject}.`);
  if (rule.docs) parts.push(`Documentation: ${rule.docs.value}`);
  return parts.join('\n\n');
}

/** Hover at a position of a policy file. */
export function policyHover(text: string, position: Position): Hover | null {
  const lines = new LineIndex(text);
  const offset = lines.offset(position);
  const doc = parsePolicy(text);
  const hover = (value: string, span: Span): Hover => ({ contents: { kind: 'markdown', value }, range: lines.range(span) });
  for (const p of doc.policies) {
    if (within(p.id, offset)) {
      const version = p.props.find((x) => x.key === 'version')?.value?.value;
      return hover(`**policy \`${p.id!.text}\`**${p.name ? ` — ${escape(p.name.value)}` : ''}${version ? `\n\nVersion ${escape(version)}` : ''}\n\n${p.rules.length} rule${p.rules.length === 1 ? '' : 's'}`, p.id!);
    }
    for (const r of p.rules) {
      if (within(r.id, offset)) return hover(ruleMarkdown(r), r.id!);
      if (within(r.severity, offset)) {
        const d = SEVERITY_DOCS[r.severity!.text];
        return hover(d ? `**${r.severity!.text}** — ${d}` : `Unknown severity \`${r.severity!.text}\`: use error, warning, info, hint or off.`, r.severity!);
      }
      if (r.subject?.word && within(r.subject.word, offset)) {
        const d = SUBJECT_DOCS[r.subject.word.text];
        if (d) return hover(`**each ${r.subject.word.text}** — ${d}`, r.subject.word);
      }
      for (const e of [...walk(r.where), ...walk(r.require)]) {
        if (e.type === 'fact' && within(e.name, offset)) {
          const name = e.name.text;
          if (isFact(name)) return hover(`**${name}** (fact, ${factType(name)})\n\n${FACT_DOCS[name]}`, e.name);
          return hover(`\`${name}\` is not a fact.`, e.name);
        }
        if (e.type === 'has' && e.property && within(e.property, offset)) {
          return hover(`**has ${e.property.text}** — whether the subject's block writes \`${e.property.text}\`.`, e.property);
        }
      }
    }
  }
  // Keywords (outside strings and comments).
  let start = offset, end = offset;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1])) start--;
  while (end < text.length && /[A-Za-z]/.test(text[end])) end++;
  const word = text.slice(start, end);
  if (word && POLICY_KEYWORD_DOCS[word] && !inStringOrComment(doc, start)) return hover(POLICY_KEYWORD_DOCS[word], { start, end });
  return null;
}

function inStringOrComment(doc: A.PolicyDocument, offset: number): boolean {
  if (doc.comments.some((c) => c.start <= offset && offset < c.end)) return true;
  for (const p of doc.policies) {
    if (within(p.name, offset) && p.name!.start < offset) return true;
    for (const x of p.props) if (x.value && x.value.start < offset && offset < x.value.end) return true;
    for (const r of p.rules) {
      for (const s of [r.message, r.docs]) if (s && s.start < offset && offset < s.end) return true;
    }
  }
  return false;
}

/** Markdown describing an effective rule (for hovers in plans). */
export function effectiveRuleMarkdown(r: EffectiveRule, root?: string): string {
  const file = root ? path.relative(root, r.file) || path.basename(r.file) : r.file;
  const parts = [
    `**rule \`${r.id}\`** — ${r.severity}`,
    escape(r.message),
    `Defined in \`${file}\`, policy \`${r.policyId}\`${r.policyVersion ? ` version ${escape(r.policyVersion)}` : ''}.`,
  ];
  if (r.overrides.length > 0) parts.push(`Replaces the rule of ${r.overrides.map((o) => `\`${o.policyId}\``).join(', ')}.`);
  if (r.docs) parts.push(`Documentation: ${r.docs}`);
  return parts.join('\n\n');
}

/** In a plan: hover on the rule id of a `waive` (null elsewhere: the plan's own hover answers). */
export function waiverHover(ctx: PlanContext, set: PolicySet | undefined, position: Position, root?: string): Hover | null {
  const offset = ctx.analysis.lines.offset(position);
  for (const w of ctx.analysis.model.project.waivers) {
    if (!w.rule || !within(w.rule, offset)) continue;
    const rule = set?.rules.get(w.rule.text);
    const value = rule ? effectiveRuleMarkdown(rule, root) : `**rule \`${w.rule.text}\`** — not a rule of this plan's policies.`;
    return { contents: { kind: 'markdown', value }, range: ctx.analysis.lines.range(w.rule) };
  }
  return null;
}

/**
 * In a plan: Markdown naming the policy rules a subject violates at this position (the violations
 * are the plan's `policy/<id>` diagnostics), for appending to the plan's own hover; undefined when
 * there are none.
 */
export function violationHoverMarkdown(ctx: PlanContext, diagnostics: readonly CoreDiagnostic[], set: PolicySet | undefined, position: Position, root?: string): string | undefined {
  const offset = ctx.analysis.lines.offset(position);
  const lines: string[] = [];
  for (const d of diagnostics) {
    if (!d.code.startsWith('policy/') || offset < d.start || offset > d.end) continue;
    const id = d.code.slice('policy/'.length);
    const rule = set?.rules.get(id);
    const where = rule ? ` — \`${root ? path.relative(root, rule.file) || path.basename(rule.file) : rule.file}\`, policy \`${rule.policyId}\`${rule.policyVersion ? ` ${escape(rule.policyVersion)}` : ''}` : '';
    lines.push(`- **${d.severity}** \`${id}\`: ${escape(d.message)}${where}`);
  }
  return lines.length > 0 ? `**Policy violations**\n\n${lines.join('\n')}` : undefined;
}
