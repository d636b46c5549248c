/**
 * The policy parser: the same flat item stream as the plan parser (headers, clauses, braces),
 * with a precedence-climbing expression grammar for `where` and `require`.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import * as T from './lexer';
import type * as A from './ast';
import { parseIsoDate } from './dates';
import { durationLiteral, parseNumber, stringValue } from './literals';
import { SyntaxErrorCollector, errorMessageProvider } from './syntaxErrors';

const K = T.K;
const NO_RESYNC = { resyncEnabled: false };
const MAX_EXPRESSION_DEPTH = 100;

function span(t: IToken): { start: number; end: number } {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

const NAME_TOKENS: TokenType[] = [T.Identifier, ...T.policyKeywordWords.map((w) => K[w as keyof typeof K])];
const STRAY_TOKENS: TokenType[] = [
  T.Identifier, T.NumberLiteral, T.DateLiteral, T.DurationLiteral, T.PercentLiteral, T.StringLiteral, T.UnterminatedString,
  T.LCurly, T.LParen, T.RParen, T.Comma, T.DotDot, T.Plus, T.Minus, T.Star, T.Slash, T.NotEq, T.LtEq, T.GtEq, T.Eq, T.Lt, T.Gt,
  K.has, K.matches, K.and, K.or, K.not,
];
const COMPARISONS: [TokenType, A.BinaryOp][] = [[T.Eq, '='], [T.NotEq, '!='], [T.Lt, '<'], [T.LtEq, '<='], [T.Gt, '>'], [T.GtEq, '>=']];

type Container = { kind: 'policy'; node: A.PolicyBlock } | { kind: 'rule'; node: A.Rule };

export class PolicyParser extends EmbeddedActionsParser {
  private text = '';
  private doc!: A.PolicyDocument;
  private stack: Container[] = [];
  private collector!: SyntaxErrorCollector;
  private depth = 0;
  /** Where parentheses first nested too deep (deeper nesting would exhaust the stack). */
  private tooDeep: number | undefined;
  private nameAlts: { ALT: () => IToken }[] | undefined;
  private strayAlts: { ALT: () => IToken }[] | undefined;

  constructor() {
    super(T.allTokenTypes, { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider, skipValidations: true });
    this.performSelfAnalysis();
  }

  parse(text: string, tokens: IToken[]): { document: A.PolicyDocument; errors: SyntaxErrorCollector } {
    this.text = text;
    this.doc = { policies: [], comments: [], syntaxErrors: [] };
    this.stack = [];
    this.depth = 0;
    this.tooDeep = undefined;
    this.collector = new SyntaxErrorCollector(tokens);
    this.input = tokens;
    this.file();
    if (this.tooDeep !== undefined) {
      this.collector.addAbsorbing(this.tooDeep, this.tooDeep + 1, `Parentheses nest more than ${MAX_EXPRESSION_DEPTH} levels deep here; simplify the expression.`);
    }
    for (const e of this.errors) if (this.tooDeep === undefined || e.token.startOffset !== this.tooDeep) this.collector.fromException(e);
    for (let i = this.stack.length - 1; i >= 0; i--) this.reportUnclosed(this.stack[i], text.length);
    this.stack = [];
    this.checkRuleShapes();
    return { document: this.doc, errors: this.collector };
  }

  override canTokenTypeBeInsertedInRecovery(): boolean { return false; }

  private reportUnclosed(c: Container, end: number): void {
    const open = c.node.open ?? c.node.keyword.start;
    const what = c.node.id ? `${c.kind} ${c.node.id.text}` : c.kind;
    this.collector.add(open, open + 1, `The block of ${what} is not closed: '}' is missing.`, true);
    c.node.end = Math.max(c.node.end, end);
  }

  /** Parts every rule must have (`rule ID SEVERITY MESSAGE { SUBJECT require EXPR }`). */
  private checkRuleShapes(): void {
    for (const p of this.doc.policies) {
      if (!p.id) this.collector.add(p.keyword.start, p.keyword.end, "A policy needs an id after 'policy'.", true);
      for (const r of p.rules) {
        const at = r.keyword;
        if (!r.id) this.collector.add(at.start, at.end, "A rule needs an id after 'rule'.", true);
        else if (!r.severity) this.collector.add(r.id.start, r.id.end, `Rule ${r.id.text} needs a severity after its id (error, warning, info, hint or off).`, true);
        else if (!r.message) this.collector.add(r.severity.start, r.severity.end, `Rule ${r.id.text} needs a message (a string) after its severity.`, true);
        if (r.open === undefined) continue;
        const name = r.id ? `Rule ${r.id.text}` : 'This rule';
        if (!r.subject) this.collector.add(r.open, r.open + 1, `${name} needs a subject: 'each task', 'each leaf', 'each group', 'each milestone', 'each resource' or 'project'.`, true);
        else if (!r.require && !r.requireKeyword) this.collector.add(r.open, r.open + 1, `${name} needs a 'require' condition.`, true);
      }
    }
  }

  private top(): Container | undefined { return this.stack[this.stack.length - 1]; }

  /** The rule a clause belongs to, or a diagnostic when it stands elsewhere. */
  private ruleFor(kw: IToken): A.Rule | undefined {
    const c = this.top();
    if (c?.kind === 'rule') return c.node;
    this.collector.add(kw.startOffset, kw.startOffset + kw.image.length, `'${kw.image}' must stand inside a rule block.`);
    return undefined;
  }

  private str(t: IToken): A.StringLit { return { start: t.startOffset, end: t.startOffset + t.image.length, value: stringValue(t.image, this.collector, t.startOffset) }; }
  private ident(t: IToken): A.Ident { return { start: t.startOffset, end: t.startOffset + t.image.length, text: t.image }; }

  private file = this.RULE('file', () => {
    this.MANY(() => this.OR([
      { ALT: () => this.SUBRULE(this.policyHeader) },
      { ALT: () => this.SUBRULE(this.ruleHeader) },
      { ALT: () => this.SUBRULE(this.policyProperty) },
      { ALT: () => this.SUBRULE(this.docsClause) },
      { ALT: () => this.SUBRULE(this.subjectClause) },
      { ALT: () => this.SUBRULE(this.exprClause) },
      { ALT: () => this.SUBRULE(this.closeBrace) },
      { ALT: () => this.SUBRULE(this.stray) },
    ]));
  });

  private name = this.RULE('name', (): IToken => this.OR(this.nameAlts ??= NAME_TOKENS.map((t) => ({ ALT: () => this.CONSUME(t) }))), NO_RESYNC);

  private stray = this.RULE('stray', () => {
    const t = this.OR(this.strayAlts ??= STRAY_TOKENS.map((tt) => ({ ALT: () => this.CONSUME(tt) })));
    this.ACTION(() => this.collector.stray(t, this.stack.length > 0));
  });

  private closeBrace = this.RULE('closeBrace', () => {
    const t = this.CONSUME(T.RCurly);
    this.ACTION(() => {
      const c = this.stack.pop();
      if (c) { c.node.close = t.startOffset; c.node.end = t.startOffset + 1; }
      else this.collector.add(t.startOffset, t.startOffset + 1, "Unexpected '}': no block is open here.");
    });
  });

  private policyHeader = this.RULE('policyHeader', () => {
    const kw = this.CONSUME(K.policy);
    const node = this.ACTION(() => {
      while (this.stack.length > 0) this.reportUnclosed(this.stack.pop()!, kw.startOffset);
      const p: A.PolicyBlock = { keyword: span(kw), ...span(kw), props: [], rules: [] };
      this.doc.policies.push(p);
      return p;
    });
    this.OPTION(() => { const id = this.SUBRULE(this.name); this.ACTION(() => { node.id = this.ident(id); node.end = node.id.end; }); });
    this.OPTION2(() => { const s = this.CONSUME(T.StringLiteral); this.ACTION(() => { node.name = this.str(s); node.end = node.name.end; }); });
    this.OPTION3(() => {
      const open = this.CONSUME(T.LCurly);
      this.ACTION(() => { node.open = open.startOffset; node.end = open.startOffset + 1; this.stack.push({ kind: 'policy', node }); });
    });
  });

  private ruleHeader = this.RULE('ruleHeader', () => {
    const kw = this.CONSUME(K.rule);
    const node = this.ACTION(() => {
      while (this.top()?.kind === 'rule') this.reportUnclosed(this.stack.pop()!, kw.startOffset);
      const r: A.Rule = { keyword: span(kw), ...span(kw) };
      const owner = this.top();
      if (owner?.kind === 'policy') owner.node.rules.push(r);
      else {
        this.collector.add(kw.startOffset, kw.startOffset + kw.image.length, "A rule must stand inside a policy block.");
        // Keep the rule so that it is still checked.
        const orphan = this.doc.policies[this.doc.policies.length - 1];
        if (orphan) orphan.rules.push(r);
      }
      return r;
    });
    this.OPTION(() => { const id = this.SUBRULE(this.name); this.ACTION(() => { node.id = this.ident(id); node.end = node.id.end; }); });
    this.OPTION2(() => { const sev = this.CONSUME(T.Identifier); this.ACTION(() => { node.severity = this.ident(sev); node.end = node.severity.end; }); });
    this.OPTION3(() => { const s = this.CONSUME(T.StringLiteral); this.ACTION(() => { node.message = this.str(s); node.end = node.message.end; }); });
    this.OPTION4(() => {
      const open = this.CONSUME(T.LCurly);
      this.ACTION(() => { node.open = open.startOffset; node.end = open.startOffset + 1; this.stack.push({ kind: 'rule', node }); });
    });
  });

  private policyProperty = this.RULE('policyProperty', () => {
    const kw = this.OR([{ ALT: () => this.CONSUME(K.version) }, { ALT: () => this.CONSUME(K.extends) }]);
    const prop = this.ACTION(() => {
      const p: A.PolicyProperty = { key: kw.image as 'version' | 'extends', keyword: span(kw), ...span(kw) };
      const c = this.top();
      if (c?.kind === 'policy') c.node.props.push(p);
      else this.collector.add(kw.startOffset, kw.startOffset + kw.image.length, `'${kw.image}' must stand inside a policy block, outside its rules.`);
      return p;
    });
    const s = this.CONSUME(T.StringLiteral);
    this.ACTION(() => { prop.value = this.str(s); prop.end = prop.value.end; });
  });

  private docsClause = this.RULE('docsClause', () => {
    const kw = this.CONSUME(K.docs);
    const s = this.CONSUME(T.StringLiteral);
    this.ACTION(() => { const r = this.ruleFor(kw); if (r) r.docs = this.str(s); });
  });

  private subjectClause = this.RULE('subjectClause', () => {
    const subject = this.OR([
      {
        ALT: () => {
          const each = this.CONSUME(K.each);
          const s = this.ACTION((): A.Subject => ({ ...span(each) }));
          this.ACTION(() => { const r = this.ruleFor(each); if (r) r.subject = s; });
          const word = this.SUBRULE(this.name);
          this.ACTION(() => { s.word = this.ident(word); s.end = s.word.end; });
          return s;
        },
      },
      {
        ALT: () => {
          const p = this.CONSUME(K.project);
          const s = this.ACTION((): A.Subject => ({ ...span(p), kind: 'project', word: this.ident(p) }));
          this.ACTION(() => { const r = this.ruleFor(p); if (r) r.subject = s; });
          return s;
        },
      },
    ]);
    void subject;
  });

  private exprClause = this.RULE('exprClause', () => {
    const kw = this.OR([{ ALT: () => this.CONSUME(K.where) }, { ALT: () => this.CONSUME(K.require) }]);
    const rule = this.ACTION(() => {
      const r = this.ruleFor(kw);
      if (r && kw.tokenType === K.require) r.requireKeyword = span(kw);
      return r;
    });
    this.depth = 0;
    const e = this.SUBRULE(this.expression);
    this.ACTION(() => { if (rule) { if (kw.tokenType === K.where) rule.where = e; else rule.require = e; } });
  });

  // ------------------------------------------------------------ expressions (precedence climbing)

  // Expression rules do not recover on their own: the whole clause is re-synchronised instead.
  private expression = this.RULE('expression', (): A.Expr => this.SUBRULE(this.orExpr), NO_RESYNC);

  private binary(op: A.BinaryOp, t: IToken, left: A.Expr, right: A.Expr | undefined): A.Expr {
    return { type: 'binary', op, opSpan: span(t), left, right, start: left.start, end: right?.end ?? t.startOffset + t.image.length };
  }

  private orExpr = this.RULE('orExpr', (): A.Expr => {
    let left = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      const t = this.CONSUME(K.or);
      const right = this.SUBRULE2(this.andExpr);
      this.ACTION(() => { left = this.binary('or', t, left, right); });
    });
    return left;
  }, NO_RESYNC);

  private andExpr = this.RULE('andExpr', (): A.Expr => {
    let left = this.SUBRULE(this.notExpr);
    this.MANY(() => {
      const t = this.CONSUME(K.and);
      const right = this.SUBRULE2(this.notExpr);
      this.ACTION(() => { left = this.binary('and', t, left, right); });
    });
    return left;
  }, NO_RESYNC);

  private notExpr = this.RULE('notExpr', (): A.Expr => {
    const nots: IToken[] = [];
    this.MANY(() => { const t = this.CONSUME(K.not); this.ACTION(() => nots.push(t)); });
    let e = this.SUBRULE(this.comparison);
    this.ACTION(() => { for (let i = nots.length - 1; i >= 0; i--) e = { type: 'not', operand: e, start: nots[i].startOffset, end: e?.end ?? nots[i].startOffset + 3 }; });
    return e;
  }, NO_RESYNC);

  private comparison = this.RULE('comparison', (): A.Expr => {
    const left = this.SUBRULE(this.additive);
    let result = left;
    this.OPTION(() => this.OR([
      {
        ALT: () => {
          const t = this.OR2(COMPARISONS.map(([tt]) => ({ ALT: () => this.CONSUME(tt) })));
          const right = this.SUBRULE2(this.additive);
          this.ACTION(() => { result = this.binary(COMPARISONS.find(([tt]) => tt === t.tokenType)![1], t, left, right); });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.matches);
          const p = this.CONSUME(T.StringLiteral);
          this.ACTION(() => { result = { type: 'matches', value: left, pattern: this.str(p), start: left.start, end: p.startOffset + p.image.length }; });
        },
      },
    ]));
    return result;
  }, NO_RESYNC);

  private additive = this.RULE('additive', (): A.Expr => {
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const t = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      const right = this.SUBRULE2(this.multiplicative);
      this.ACTION(() => { left = this.binary(t.tokenType === T.Plus ? '+' : '-', t, left, right); });
    });
    return left;
  }, NO_RESYNC);

  private multiplicative = this.RULE('multiplicative', (): A.Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const t = this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      const right = this.SUBRULE2(this.unary);
      this.ACTION(() => { left = this.binary(t.tokenType === T.Star ? '*' : '/', t, left, right); });
    });
    return left;
  }, NO_RESYNC);

  private unary = this.RULE('unary', (): A.Expr => {
    const minuses: IToken[] = [];
    this.MANY(() => { const t = this.CONSUME(T.Minus); this.ACTION(() => minuses.push(t)); });
    let e = this.SUBRULE(this.primary);
    this.ACTION(() => { for (let i = minuses.length - 1; i >= 0; i--) e = { type: 'negate', operand: e, start: minuses[i].startOffset, end: e?.end ?? minuses[i].startOffset + 1 }; });
    return e;
  }, NO_RESYNC);

  private primary = this.RULE('primary', (): A.Expr => this.OR([
    {
      ALT: () => {
        const n = this.CONSUME(T.NumberLiteral);
        const amount: A.AmountLit = { start: n.startOffset, end: n.startOffset + n.image.length, value: parseNumber(n.image) };
        let currency = false;
        this.OPTION({
          GATE: () => /^[A-Z]{3}$/.test(this.LA(1).image) && this.LA(1).tokenType === T.Identifier,
          DEF: () => { const c = this.CONSUME(T.Identifier); this.ACTION(() => { amount.currency = this.ident(c); amount.end = amount.currency.end; currency = true; }); },
        });
        return currency ? { type: 'amount', value: amount, start: amount.start, end: amount.end } as A.Expr
          : { type: 'number', value: amount.value, start: amount.start, end: amount.end } as A.Expr;
      },
    },
    {
      ALT: () => {
        const d = this.CONSUME(T.DurationLiteral);
        const value = durationLiteral(d);
        return { type: 'duration', value, start: value.start, end: value.end } as A.Expr;
      },
    },
    { ALT: () => { const p = this.CONSUME(T.PercentLiteral); return { type: 'percent', value: { ...span(p), value: parseFloat(p.image) }, ...span(p) } as A.Expr; } },
    { ALT: () => { const d = this.CONSUME(T.DateLiteral); return { type: 'date', value: { ...span(d), text: d.image, day: parseIsoDate(d.image) }, ...span(d) } as A.Expr; } },
    { ALT: () => { const s = this.CONSUME(T.StringLiteral); return { type: 'string', value: this.str(s), ...span(s) } as A.Expr; } },
    {
      ALT: () => {
        const h = this.CONSUME(K.has);
        const e = { type: 'has', start: h.startOffset, end: h.startOffset + 3 } as A.Expr & { type: 'has' };
        const p = this.SUBRULE(this.name);
        this.ACTION(() => { e.property = this.ident(p); e.end = e.property.end; });
        return e as A.Expr;
      },
    },
    {
      GATE: () => {
        if (this.depth < MAX_EXPRESSION_DEPTH) return true;
        this.tooDeep ??= this.LA(1).startOffset;
        return false;
      },
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        const e = { type: 'paren', start: open.startOffset, end: open.startOffset + 1 } as A.Expr & { type: 'paren' };
        this.ACTION(() => { this.depth++; });
        const inner = this.SUBRULE(this.expression);
        this.ACTION(() => { this.depth--; e.inner = inner; e.end = inner?.end ?? e.end; });
        const close = this.CONSUME(T.RParen);
        this.ACTION(() => { e.end = close.startOffset + 1; });
        return e as A.Expr;
      },
    },
    { ALT: () => { const f = this.CONSUME2(T.Identifier); return { type: 'fact', name: this.ident(f), ...span(f) } as A.Expr; } },
  ]), NO_RESYNC);
}

let shared: PolicyParser | undefined;

export function parsePolicyTokens(text: string, tokens: IToken[]) {
  shared ??= new PolicyParser();
  return shared.parse(text, tokens);
}
