/**
 * Completion in policy files (subjects after `each`, severities after a rule's id, facts and
 * keywords in expressions, properties after `has`, clause keywords at the start of a line) and, in
 * plans, the rule ids of the plan's policies after `waive`.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { parsePolicy } from '../language/parse';
import { LineIndex } from '../language/text';
import { ALL_FACTS, factsOf, propertiesOf, subjectKind } from '../language/policy/facts';
import type { PolicySet } from '../language/policy/types';
import type * as A from '../language/ast';
import type { PlanContext } from './context';
import { FACT_DOCS, factType, POLICY_KEYWORD_DOCS, SEVERITY_DOCS, SUBJECT_DOCS } from './policyFacts';

const md = (value: string) => ({ kind: 'markdown' as const, value });

function keywordItems(words: string[]): CompletionItem[] {
  return words.map((w) => ({ label: w, kind: CompletionItemKind.Keyword, ...(POLICY_KEYWORD_DOCS[w] ? { documentation: md(POLICY_KEYWORD_DOCS[w]) } : {}) }));
}

function factItems(rule: A.Rule | undefined): CompletionItem[] {
  const kind = subjectKind(rule?.subject);
  const facts = kind ? factsOf(kind) : ALL_FACTS;
  return facts.map((f) => ({ label: f, kind: CompletionItemKind.Field, detail: factType(f), documentation: md(FACT_DOCS[f]) }));
}

const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

/** Completion at a position of a policy file. */
export function policyCompletion(text: string, position: Position): CompletionList {
  const lines = new LineIndex(text);
  const offset = lines.offset(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  // Nothing inside strings or comments.
  if ((prefix.match(/"/g)?.length ?? 0) % 2 === 1 || prefix.includes('//')) return list([]);
  const doc = parsePolicy(text);
  const policy = doc.policies.find((p) => p.start < offset && offset <= (p.close ?? p.end));
  const rule = policy?.rules.find((r) => r.open !== undefined && r.open < offset && offset <= (r.close ?? Math.max(r.end, text.length)));

  if (/\beach\s+[\w-]*$/.test(prefix)) {
    return list(Object.entries(SUBJECT_DOCS).map(([w, d]) => ({ label: w, kind: CompletionItemKind.EnumMember, documentation: md(d) })));
  }
  if (/^\s*rule\s+[\w-]+\s+\w*$/.test(prefix)) {
    return list(Object.entries(SEVERITY_DOCS).map(([w, d]) => ({ label: w, kind: CompletionItemKind.EnumMember, documentation: md(d) })));
  }
  if (/\bhas\s+[\w-]*$/.test(prefix)) {
    const kind = subjectKind(rule?.subject) ?? 'task';
    return list(propertiesOf(kind).map((p) => ({ label: p, kind: CompletionItemKind.Property, detail: `whether the ${kind === 'project' ? 'project' : 'subject'} writes \`${p}\`` })));
  }
  if (rule) {
    const inExpression = /\b(where|require|and|or|not|[-+*/=<>!]=?|\()\s*[\w-]*$/.test(prefix) || /\b(where|require)\b.*\s[\w-]*$/.test(prefix);
    if (inExpression) return list([...factItems(rule), ...keywordItems(['has', 'not', 'and', 'or', 'matches'])]);
    if (/^\s*[\w-]*$/.test(prefix)) return list(keywordItems(['docs', 'each', 'project', 'where', 'require']));
    return list([]);
  }
  if (policy && /^\s*[\w-]*$/.test(prefix)) return list(keywordItems(['rule', 'version', 'extends']));
  if (!policy && /^\s*[\w-]*$/.test(prefix)) return list(keywordItems(['policy']));
  return list([]);
}

/** In a plan: the rule ids of its policies after `waive` (undefined elsewhere: the plan's own completion answers). */
export function waiverCompletion(ctx: PlanContext, set: PolicySet | undefined, position: Position): CompletionList | undefined {
  const text = ctx.analysis.text;
  const offset = ctx.analysis.lines.offset(position);
  const prefix = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (!/(^|\s)waive\s+[\w-]*$/.test(prefix)) return undefined;
  const items: CompletionItem[] = [];
  for (const r of set?.rules.values() ?? []) {
    items.push({
      label: r.id,
      kind: CompletionItemKind.Constant,
      detail: `${r.severity} — ${r.policyId}${r.policyVersion ? ` ${r.policyVersion}` : ''}`,
      documentation: md(r.message),
    });
  }
  return list(items);
}
