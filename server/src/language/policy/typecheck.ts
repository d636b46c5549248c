/**
 * Static checks of a rule: its severity and subject, the facts and properties it names, the types
 * of its expressions, and its regular expressions. A rule with problems is not evaluated.
 *
 * Types: number, duration (working days), percent, money, date, string, bool; counts are numbers.
 * - `and`, `or`, `not` take bools; `where` and `require` must be bools.
 * - `=` and `!=` compare values of one type; `< <= > >=` order numbers, durations, percents, money
 *   and dates. A plain number is compatible with duration (days), percent (a fraction) and money.
 * - `+ -`: same type (or a number with it); date ± duration → date; date − date → duration.
 *   `*`: a number or percent scales any numeric value; `/`: by a number or percent keeps the type,
 *   two values of the same type give a number.
 * - `has PROPERTY` names a property that can be written on the subject.
 * - `VALUE matches "regex"`: the value must be a string; the pattern must compile with RE2.
 */
import type { Expr, Rule, SubjectKind, Span } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { FACT_TYPES, ALL_FACTS, factsOf, propertiesOf, subjectKind, type FactName } from './facts';
import { compileRegex } from './regex';
import type { RuleSeverity, ValueType } from './types';

export const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

const KIND_WORDS: Record<SubjectKind, string> = {
  task: 'each task', leaf: 'each leaf', group: 'each group', milestone: 'each milestone', resource: 'each resource', project: 'project',
};

const TYPE_NAMES: Record<ValueType, string> = {
  number: 'a number', duration: 'a duration', percent: 'a percent', money: 'an amount of money', date: 'a date', string: 'a string', bool: 'a condition (true or false)',
};

const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'duration', 'percent', 'money']);

export interface RuleCheck {
  diagnostics: Diagnostic[];
  /** True when the rule can be evaluated. */
  valid: boolean;
  severity?: RuleSeverity;
  kind?: SubjectKind;
}

function diag(code: string, span: Span, message: string, data?: Record<string, unknown>): Diagnostic {
  const d: Diagnostic = { start: span.start, end: span.end, severity: 'error', code, source: 'plan-policy', message };
  if (data) d.data = data;
  return d;
}

/** Checks one rule (syntax problems are reported by the parser; an incomplete rule is just invalid). */
export function checkRule(rule: Rule): RuleCheck {
  const out: Diagnostic[] = [];
  let valid = rule.id !== undefined && rule.message !== undefined && rule.require !== undefined;
  let severity: RuleSeverity | undefined;
  if (rule.severity) {
    if (SEVERITIES.has(rule.severity.text)) severity = rule.severity.text as RuleSeverity;
    else {
      out.push(diag('invalid-value', rule.severity, `Unknown severity '${rule.severity.text}': use error, warning, info, hint or off.`));
      valid = false;
    }
  } else valid = false;
  const kind = subjectKind(rule.subject);
  if (rule.subject && !kind) {
    const w = rule.subject.word;
    out.push(diag('invalid-value', w ?? rule.subject, `Unknown subject${w ? ` 'each ${w.text}'` : ''}: use each task, each leaf, each group, each milestone, each resource or project.`));
    valid = false;
  }
  for (const e of [rule.where, rule.require]) {
    if (e && depthOf(e) > MAX_DEPTH) {
      out.push(diag('invalid-value', e, `This condition is too deeply nested (more than ${MAX_DEPTH} levels of operators): split it into several rules.`));
      return { diagnostics: out, valid: false, severity, kind };
    }
  }
  if (!kind) valid = false;
  else {
    const checker = new TypeChecker(kind, out);
    const before = out.length;
    if (rule.where) checker.expectBool(rule.where, 'where');
    if (rule.require) checker.expectBool(rule.require, 'require');
    if (out.length > before) valid = false;
  }
  return { diagnostics: out, valid, severity, kind };
}

/** Deeper expressions are refused, so checking and evaluating (recursive) cannot exhaust the stack. */
export const MAX_DEPTH = 500;

/** The nesting depth of an expression, computed without recursion (a hostile file may nest 100,000 deep). */
export function depthOf(root: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [e, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    switch (e.type) {
      case 'binary': if (e.left) stack.push([e.left, d + 1]); if (e.right) stack.push([e.right, d + 1]); break;
      case 'not': case 'negate': if (e.operand) stack.push([e.operand, d + 1]); break;
      case 'paren': if (e.inner) stack.push([e.inner, d + 1]); break;
      case 'matches': if (e.value) stack.push([e.value, d + 1]); break;
      default: break;
    }
  }
  return max;
}

type T = ValueType | undefined;

class TypeChecker {
  constructor(private readonly kind: SubjectKind, private readonly out: Diagnostic[]) {}

  expectBool(e: Expr, what: string): void {
    const t = this.infer(e);
    if (t !== undefined && t !== 'bool') {
      this.out.push(diag('policy-type', e, `The ${what} condition must be true or false, but this is ${TYPE_NAMES[t]}.`));
    }
  }

  private operand(e: Expr | undefined): T {
    return e ? this.infer(e) : undefined;
  }

  infer(e: Expr): T {
    switch (e.type) {
      case 'number': return 'number';
      case 'duration': return 'duration';
      case 'percent': return 'percent';
      case 'amount': return 'money';
      case 'date': return e.value.day === undefined ? undefined : 'date';
      case 'string': return 'string';
      case 'paren': return this.operand(e.inner);
      case 'fact': return this.fact(e.name);
      case 'has': {
        if (!e.property) return undefined;
        const props = propertiesOf(this.kind);
        if (!props.includes(e.property.text)) {
          this.out.push(diag('policy-unknown-fact', e.property,
            `'${e.property.text}' is not a property of ${KIND_WORDS[this.kind]}; 'has' can test: ${props.join(', ')}.`, { name: e.property.text, expected: [...props] }));
          return 'bool';
        }
        return 'bool';
      }
      case 'not': {
        const t = this.operand(e.operand);
        if (t !== undefined && t !== 'bool') this.out.push(diag('policy-type', e.operand!, `'not' needs a condition, but this is ${TYPE_NAMES[t]}.`));
        return 'bool';
      }
      case 'negate': {
        const t = this.operand(e.operand);
        if (t === undefined) return undefined;
        if (!NUMERIC.has(t)) { this.out.push(diag('policy-type', e, `Only numbers, durations, percents and amounts can be negated, not ${TYPE_NAMES[t]}.`)); return undefined; }
        return t;
      }
      case 'matches': {
        const t = this.operand(e.value);
        if (t !== undefined && t !== 'string') this.out.push(diag('policy-type', e.value!, `'matches' needs a string on its left, but this is ${TYPE_NAMES[t]}.`));
        if (e.pattern) {
          const r = compileRegex(e.pattern.value);
          if (typeof r === 'string') {
            this.out.push(diag('policy-regex', e.pattern,
              `This regular expression is invalid or cannot run in linear time (RE2 syntax: no backreferences or lookaround): ${r}.`));
          }
        }
        return 'bool';
      }
      case 'binary': return this.binary(e);
    }
  }

  private fact(name: { text: string; start: number; end: number }): T {
    const facts = factsOf(this.kind);
    if (!facts.includes(name.text as FactName)) {
      const known = (ALL_FACTS as readonly string[]).includes(name.text);
      const msg = known
        ? `'${name.text}' is not a fact of ${KIND_WORDS[this.kind]}; its facts are: ${facts.join(', ')}.`
        : `Unknown fact '${name.text}'; the facts of ${KIND_WORDS[this.kind]} are: ${facts.join(', ')}.`;
      this.out.push(diag('policy-unknown-fact', name, msg, { name: name.text, expected: [...facts] }));
      return undefined;
    }
    return FACT_TYPES[name.text as FactName];
  }

  private binary(e: Extract<Expr, { type: 'binary' }>): T {
    const l = this.operand(e.left), r = this.operand(e.right);
    const op = e.op;
    const bad = (what: string): T => {
      this.out.push(diag('policy-type', e, what));
      return undefined;
    };
    if (op === 'and' || op === 'or') {
      if (l !== undefined && l !== 'bool') this.out.push(diag('policy-type', e.left!, `'${op}' needs conditions on both sides, but this is ${TYPE_NAMES[l]}.`));
      if (r !== undefined && r !== 'bool') this.out.push(diag('policy-type', e.right!, `'${op}' needs conditions on both sides, but this is ${TYPE_NAMES[r]}.`));
      return 'bool';
    }
    if (l === undefined || r === undefined) {
      return op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=' ? 'bool' : undefined;
    }
    const pair = `${TYPE_NAMES[l]} and ${TYPE_NAMES[r]}`;
    switch (op) {
      case '=': case '!=':
        if (!comparable(l, r)) return bad(`Cannot compare ${pair} with '${op}'.`), 'bool';
        return 'bool';
      case '<': case '<=': case '>': case '>=':
        if (!comparable(l, r) || l === 'string' || l === 'bool') return bad(`Cannot order ${pair} with '${op}'.`), 'bool';
        return 'bool';
      case '+': case '-': {
        if (l === 'date' && r === 'duration') return 'date';
        if (l === 'date' && r === 'number') return 'date';
        if (op === '-' && l === 'date' && r === 'date') return 'duration';
        if (op === '+' && l === 'duration' && r === 'date') return 'date';
        if (NUMERIC.has(l) && NUMERIC.has(r)) {
          if (l === r) return l;
          if (l === 'number') return r;
          if (r === 'number') return l;
        }
        return bad(`Cannot ${op === '+' ? 'add' : 'subtract'} ${pair}.`);
      }
      case '*': {
        if (NUMERIC.has(l) && NUMERIC.has(r)) {
          if (l === 'number' || l === 'percent') return r === 'number' ? l : r;
          if (r === 'number' || r === 'percent') return l;
        }
        return bad(`Cannot multiply ${pair}: one side must be a number or a percent.`);
      }
      case '/': {
        if (NUMERIC.has(l) && NUMERIC.has(r)) {
          if (l === r) return 'number';
          if (r === 'number' || r === 'percent') return l;
        }
        return bad(`Cannot divide ${pair}.`);
      }
    }
  }
}

function comparable(a: ValueType, b: ValueType): boolean {
  if (a === b) return true;
  return (a === 'number' && NUMERIC.has(b)) || (b === 'number' && NUMERIC.has(a));
}
