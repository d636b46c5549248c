/**
 * The plan parser: a chevrotain parser with embedded actions that builds the syntax tree
 * directly (no CST). The grammar is a flat stream of items — block headers, properties,
 * closing braces — and nesting is tracked with an explicit stack, so a missing or extra
 * brace costs one diagnostic, any depth of nesting is safe, and every property is parsed
 * the same way wherever it stands (placement is checked later, by the validator).
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import * as T from './lexer';
import type * as A from './ast';
import { parseIsoDate } from './dates';
import { durationLiteral, parseNumber, stringValue } from './literals';
import { SyntaxErrorCollector, errorMessageProvider } from './syntaxErrors';

const K = T.K;
const NO_RESYNC = { resyncEnabled: false };

function span(t: IToken): { start: number; end: number } {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

const BLOCK_KEYWORDS: [TokenType, A.BlockKind][] = [
  [K.project, 'project'], [K.resource, 'resource'], [K.task, 'task'], [K.milestone, 'milestone'],
];
const BLOCK_KIND_BY_TYPE = new Map(BLOCK_KEYWORDS);

/** Tokens that can never begin an item: reading one between items is a syntax error. */
const STRAY_TOKENS: TokenType[] = [
  T.Identifier, K.of, K.by, K.before, T.NumberLiteral, T.DateLiteral, T.DurationLiteral, T.PercentLiteral,
  T.StringLiteral, T.UnterminatedString, T.LCurly, T.LParen, T.RParen, T.Comma, T.DotDot, T.Plus, T.Minus, T.Star,
  T.Slash, T.NotEq, T.LtEq, T.GtEq, T.Eq, T.Lt, T.Gt,
  K.policy, K.version, K.extends, K.rule, K.docs, K.each, K.where, K.require, K.has, K.matches, K.and, K.or,
];

/** Every word that may serve as a name (keywords are reserved only where a keyword is expected). */
const NAME_TOKENS: TokenType[] = [T.Identifier, ...T.planKeywordWords.map((w) => K[w as keyof typeof K])];

export class PlanParser extends EmbeddedActionsParser {
  private text = '';
  private doc!: A.PlanDocument;
  private stack: A.Block[] = [];
  private collector!: SyntaxErrorCollector;
  private nameAlts: { ALT: () => IToken }[] | undefined;
  private blockAlts: { ALT: () => IToken }[] | undefined;
  private strayAlts: { ALT: () => IToken }[] | undefined;
  private itemAlts: { ALT: () => void }[] | undefined;
  /** OR alternatives built once: chevrotain recommends not allocating them on every call. */
  private cachedAlts: { ALT: () => IToken }[][] = [];

  constructor() {
    super(T.allTokenTypes, { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider, skipValidations: true });
    this.performSelfAnalysis();
  }

  parse(text: string, tokens: IToken[]): { document: A.PlanDocument; errors: SyntaxErrorCollector } {
    this.text = text;
    this.doc = { blocks: [], comments: [], syntaxErrors: [] };
    this.stack = [];
    this.collector = new SyntaxErrorCollector(tokens);
    this.input = tokens;
    this.file();
    for (const e of this.errors) this.collector.fromException(e);
    // Blocks still open at the end: the contract puts the error on the opening brace.
    for (let i = this.stack.length - 1; i >= 0; i--) this.reportUnclosed(this.stack[i], text.length);
    this.stack = [];
    return { document: this.doc, errors: this.collector };
  }

  override canTokenTypeBeInsertedInRecovery(): boolean { return false; }

  /** True while chevrotain records the grammar: actions are skipped then (cheaper than ACTION closures). */
  private get rec(): boolean { return (this as unknown as { RECORDING_PHASE: boolean }).RECORDING_PHASE; }

  // ---------------------------------------------------------------- helpers (actions only)

  private reportUnclosed(block: A.Block, end: number): void {
    const open = block.open ?? block.keyword.start;
    const what = block.id ? `${block.kind} ${block.id.text}` : block.kind;
    this.collector.add(open, open + 1, `The block of ${what} is not closed: '}' is missing.`, true);
    block.end = Math.max(block.end, end);
  }

  private current(): A.Block | undefined { return this.stack[this.stack.length - 1]; }

  private openBlock(kind: A.BlockKind, kw: IToken): A.Block {
    const nestable = kind === 'task' || kind === 'milestone';
    // A block that cannot hold this one was left open by mistake: close it with a diagnostic.
    while (this.stack.length > 0 && !(nestable && this.current()!.kind === 'task')) {
      this.reportUnclosed(this.stack.pop()!, kw.startOffset);
    }
    const parent = this.current();
    const block: A.Block = { kind, keyword: span(kw), start: kw.startOffset, end: kw.startOffset + kw.image.length, props: [], children: [] };
    if (parent) { block.parent = parent; parent.children.push(block); } else this.doc.blocks.push(block);
    return block;
  }

  private attachProperty(p: A.Property): void {
    const owner = this.current();
    if (owner) owner.props.push(p);
    else this.collector.add(p.keyword.start, p.keyword.end, `'${this.text.slice(p.keyword.start, p.keyword.end)}' must stand inside a block (project, calendar, resource, task or milestone).`);
  }

  private date(t: IToken): A.DateLit {
    return { start: t.startOffset, end: t.startOffset + t.image.length, text: t.image, day: parseIsoDate(t.image) };
  }

  private str(t: IToken): A.StringLit {
    return { start: t.startOffset, end: t.startOffset + t.image.length, value: stringValue(t.image, this.collector, t.startOffset) };
  }

  private num(t: IToken): A.NumberLit {
    return { start: t.startOffset, end: t.startOffset + t.image.length, value: parseNumber(t.image) };
  }

  private ident(t: IToken): A.Ident { return { start: t.startOffset, end: t.startOffset + t.image.length, text: t.image }; }

  // ---------------------------------------------------------------- grammar

  private file = this.RULE('file', () => {
    this.MANY(() => this.OR(this.itemAlts ??= [
      { ALT: () => this.SUBRULE(this.blockHeader) },
      { ALT: () => this.SUBRULE(this.calendarItem) },
      { ALT: () => this.SUBRULE(this.closeBrace) },
      { ALT: () => this.SUBRULE(this.dateProperty) },
      { ALT: () => this.SUBRULE(this.notBeforeProperty) },
      { ALT: () => this.SUBRULE(this.afterProperty) },
      { ALT: () => this.SUBRULE(this.durationProperty) },
      { ALT: () => this.SUBRULE(this.assignProperty) },
      { ALT: () => this.SUBRULE(this.refProperty) },
      { ALT: () => this.SUBRULE(this.amountProperty) },
      { ALT: () => this.SUBRULE(this.qualityProperty) },
      { ALT: () => this.SUBRULE(this.percentProperty) },
      { ALT: () => this.SUBRULE(this.currencyProperty) },
      { ALT: () => this.SUBRULE(this.usesProperty) },
      { ALT: () => this.SUBRULE(this.waiveProperty) },
      { ALT: () => this.SUBRULE(this.rateProperty) },
      { ALT: () => this.SUBRULE(this.periodProperty) },
      { ALT: () => this.SUBRULE(this.workdaysProperty) },
      { ALT: () => this.SUBRULE(this.hoursProperty) },
      { ALT: () => this.SUBRULE(this.stray) },
    ]));
  });

  // Small rules do not recover on their own: a failure aborts the enclosing property, which keeps what it read.
  private name = this.RULE('name', (): IToken => this.OR(this.nameAlts ??= NAME_TOKENS.map((t) => ({ ALT: () => this.CONSUME(t) }))), NO_RESYNC);

  private blockHeader = this.RULE('blockHeader', () => {
    const kw = this.OR(this.blockAlts ??= BLOCK_KEYWORDS.map(([t]) => ({ ALT: () => this.CONSUME(t) })));
    const block = this.rec ? (undefined as never) : this.openBlock(BLOCK_KIND_BY_TYPE.get(kw.tokenType)!, kw);
    this.OPTION(() => {
      const id = this.SUBRULE(this.name);
      if (!this.rec) { block.id = this.ident(id); block.end = block.id.end; }
    });
    this.OPTION2(() => {
      const s = this.CONSUME(T.StringLiteral);
      if (!this.rec) { block.name = this.str(s); block.end = block.name.end; }
    });
    this.OPTION3(() => {
      const open = this.CONSUME(T.LCurly);
      if (!this.rec) { block.open = open.startOffset; block.end = open.startOffset + 1; this.stack.push(block); }
    });
  });

  /**
   * `calendar` opens a calendar block (`calendar office {`) or, inside a block, names one
   * (`calendar office`): a brace, a name string or the top level decides which.
   */
  private calendarItem = this.RULE('calendarItem', () => {
    const kw = this.CONSUME(K.calendar);
    let id: IToken | undefined, label: IToken | undefined, open: IToken | undefined;
    this.OPTION(() => { id = this.SUBRULE(this.name); });
    this.OPTION2(() => { label = this.CONSUME(T.StringLiteral); });
    this.OPTION3(() => { open = this.CONSUME(T.LCurly); });
    if (!this.rec) {
      if (open || label || this.stack.length === 0) {
        const block = this.openBlock('calendar', kw);
        if (id) { block.id = this.ident(id); block.end = block.id.end; }
        if (label) { block.name = this.str(label); block.end = block.name.end; }
        if (open) { block.open = open.startOffset; block.end = open.startOffset + 1; this.stack.push(block); }
      } else {
        const p = this.begin<A.RefProperty>(kw, 'calendar');
        if (id) { p.ref = this.ident(id); p.end = p.ref.end; }
      }
    }
  });

  private closeBrace = this.RULE('closeBrace', () => {
    const t = this.CONSUME(T.RCurly);
    if (!this.rec) {
      const block = this.stack.pop();
      if (block) { block.close = t.startOffset; block.end = t.startOffset + 1; }
      else this.collector.add(t.startOffset, t.startOffset + 1, "Unexpected '}': no block is open here.");
    }
  });

  private stray = this.RULE('stray', () => {
    const t = this.OR(this.strayAlts ??= STRAY_TOKENS.map((tt) => ({ ALT: () => this.CONSUME(tt) })));
    this.ACTION(() => this.collector.stray(t, this.current() !== undefined));
  });

  private dateProperty = this.RULE('dateProperty', () => {
    const kw = this.OR(this.cachedAlts[1] ??= [
      { ALT: () => this.CONSUME(K.start) }, { ALT: () => this.CONSUME(K.deadline) },
      { ALT: () => this.CONSUME(K.on) }, { ALT: () => this.CONSUME(K.status) },
    ]);
    const p = this.rec ? (undefined as never) : this.begin<A.DateProperty>(kw, kw.image as A.DateProperty['key']);
    const d = this.CONSUME(T.DateLiteral);
    if (!this.rec) { p.date = this.date(d); p.end = p.date.end; }
  });

  private notBeforeProperty = this.RULE('notBeforeProperty', () => {
    const kw = this.CONSUME(K.not);
    const p = this.rec ? (undefined as never) : this.begin<A.DateProperty>(kw, 'not before');
    const b = this.CONSUME(K.before);
    if (!this.rec) { p.keyword.end = b.startOffset + b.image.length; p.end = p.keyword.end; }
    const d = this.CONSUME(T.DateLiteral);
    if (!this.rec) { p.date = this.date(d); p.end = p.date.end; }
  });

  private afterProperty = this.RULE('afterProperty', () => {
    const kw = this.CONSUME(K.after);
    const p = this.rec ? (undefined as never) : this.begin<A.AfterProperty>(kw, 'after', 'deps');
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dependency, { ARGS: [p] }) });
  });

  private dependency = this.RULE('dependency', (p: A.AfterProperty) => {
    let dep!: A.Dependency;
    if (!this.rec) { const t = this.LA(1); dep = { start: t.startOffset, end: t.startOffset, startOf: false }; p.deps.push(dep); }
    this.OPTION({
      GATE: () => this.LA(1).tokenType === K.start && this.LA(2).tokenType === K.of,
      DEF: () => { this.CONSUME(K.start); this.CONSUME(K.of); this.ACTION(() => { dep.startOf = true; }); },
    });
    const target = this.SUBRULE(this.name);
    if (!this.rec) { dep.target = this.ident(target); dep.end = dep.target.end; p.end = dep.end; }
    this.OPTION2(() => {
      const sign = this.OR2(this.cachedAlts[2] ??= [{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      if (!this.rec) { dep.lag = { start: sign.startOffset, end: sign.startOffset + 1, sign: sign.tokenType === T.Plus ? 1 : -1 }; dep.end = p.end = dep.lag.end; }
      const d = this.CONSUME(T.DurationLiteral);
      if (!this.rec) { dep.lag!.duration = this.duration(d); dep.end = dep.lag!.end = p.end = dep.lag!.duration.end; }
    });
  }, NO_RESYNC);

  private durationProperty = this.RULE('durationProperty', () => {
    const kw = this.OR(this.cachedAlts[3] ??= [{ ALT: () => this.CONSUME(K.duration) }, { ALT: () => this.CONSUME(K.effort) }]);
    const p = this.rec ? (undefined as never) : this.begin<A.DurationProperty>(kw, kw.image as 'duration' | 'effort');
    const d = this.CONSUME(T.DurationLiteral);
    if (!this.rec) { p.value = this.duration(d); p.end = p.value.end; }
  });

  private assignProperty = this.RULE('assignProperty', () => {
    const kw = this.CONSUME(K.assign);
    const p = this.rec ? (undefined as never) : this.begin<A.AssignProperty>(kw, 'assign', 'assignments');
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const r = this.SUBRULE(this.name);
        let a!: A.Assignment;
        if (!this.rec) { a = { start: r.startOffset, end: r.startOffset + r.image.length, resource: this.ident(r) }; p.assignments.push(a); p.end = a.end; }
        this.OPTION(() => {
          const pct = this.CONSUME(T.PercentLiteral);
          if (!this.rec) { a.allocation = this.percent(pct); a.end = p.end = a.allocation.end; }
        });
      },
    });
  });

  private refProperty = this.RULE('refProperty', () => {
    const kw = this.CONSUME(K.owner);
    const p = this.rec ? (undefined as never) : this.begin<A.RefProperty>(kw, 'owner');
    const r = this.SUBRULE(this.name);
    if (!this.rec) { p.ref = this.ident(r); p.end = p.ref.end; }
  });

  private amountProperty = this.RULE('amountProperty', () => {
    const kw = this.OR(this.cachedAlts[4] ??= [{ ALT: () => this.CONSUME(K.budget) }, { ALT: () => this.CONSUME(K.cost) }]);
    const p = this.rec ? (undefined as never) : this.begin<A.BudgetProperty | A.CostProperty>(kw, kw.image as 'budget' | 'cost');
    const amount = this.SUBRULE(this.amount);
    if (!this.rec) { p.amount = amount; p.end = amount.end; }
    this.OPTION({
      GATE: () => kw.tokenType === K.cost,
      DEF: () => {
        const s = this.CONSUME(T.StringLiteral);
        if (!this.rec) { (p as A.CostProperty).label = this.str(s); p.end = s.startOffset + s.image.length; }
      },
    });
  });

  private amount = this.RULE('amount', (): A.AmountLit => {
    const n = this.CONSUME(T.NumberLiteral);
    const a = this.rec ? (undefined as never) : (this.num(n) as A.AmountLit);
    this.OPTION(() => {
      const c = this.CONSUME(T.Identifier);
      if (!this.rec) { a.currency = this.ident(c); a.end = a.currency.end; }
    });
    return a;
  }, NO_RESYNC);

  private qualityProperty = this.RULE('qualityProperty', () => {
    const kw = this.CONSUME(K.quality);
    const p = this.rec ? (undefined as never) : this.begin<A.QualityProperty>(kw, 'quality');
    const s = this.CONSUME(T.StringLiteral);
    if (!this.rec) { p.text = this.str(s); p.end = p.text.end; }
    this.OPTION(() => {
      this.CONSUME(K.by);
      const r = this.SUBRULE(this.name);
      if (!this.rec) { p.by = this.ident(r); p.end = p.by.end; }
    });
  });

  private percentProperty = this.RULE('percentProperty', () => {
    const kw = this.OR(this.cachedAlts[5] ??= [{ ALT: () => this.CONSUME(K.progress) }, { ALT: () => this.CONSUME(K.capacity) }]);
    const p = this.rec ? (undefined as never) : this.begin<A.PercentProperty>(kw, kw.image as 'progress' | 'capacity');
    const pct = this.CONSUME(T.PercentLiteral);
    if (!this.rec) { p.percent = this.percent(pct); p.end = p.percent.end; }
  });

  private currencyProperty = this.RULE('currencyProperty', () => {
    const kw = this.CONSUME(K.currency);
    const p = this.rec ? (undefined as never) : this.begin<A.CurrencyProperty>(kw, 'currency');
    const c = this.SUBRULE(this.name);
    if (!this.rec) { p.code = this.ident(c); p.end = p.code.end; }
  });

  private usesProperty = this.RULE('usesProperty', () => {
    const kw = this.CONSUME(K.uses);
    const p = this.rec ? (undefined as never) : this.begin<A.UsesProperty>(kw, 'uses');
    const s = this.CONSUME(T.StringLiteral);
    if (!this.rec) { p.path = this.str(s); p.end = p.path.end; }
  });

  private waiveProperty = this.RULE('waiveProperty', () => {
    const kw = this.CONSUME(K.waive);
    const p = this.rec ? (undefined as never) : this.begin<A.WaiveProperty>(kw, 'waive', 'on');
    const r = this.SUBRULE(this.name);
    if (!this.rec) { p.rule = this.ident(r); p.end = p.rule.end; }
    this.OPTION(() => {
      this.CONSUME(K.on);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        DEF: () => {
          const id = this.SUBRULE2(this.name);
          if (!this.rec) { const i = this.ident(id); p.on.push(i); p.end = i.end; }
        },
      });
    });
    this.OPTION2(() => {
      const s = this.CONSUME(T.StringLiteral);
      if (!this.rec) { p.reason = this.str(s); p.end = p.reason.end; }
    });
  });

  private rateProperty = this.RULE('rateProperty', () => {
    const kw = this.CONSUME(K.rate);
    const p = this.rec ? (undefined as never) : this.begin<A.RateProperty>(kw, 'rate');
    const amount = this.SUBRULE(this.amount);
    if (!this.rec) { p.rate = { start: amount.start, end: amount.end, amount }; p.end = amount.end; }
    this.CONSUME(T.Slash);
    const per = this.CONSUME(T.Identifier);
    if (!this.rec) { p.rate!.per = this.ident(per); p.rate!.end = p.end = p.rate!.per.end; }
  });

  private periodProperty = this.RULE('periodProperty', () => {
    const kw = this.OR(this.cachedAlts[6] ??= [{ ALT: () => this.CONSUME(K.leave) }, { ALT: () => this.CONSUME(K.holiday) }]);
    const p = this.rec ? (undefined as never) : this.begin<A.PeriodProperty>(kw, kw.image as 'leave' | 'holiday');
    const from = this.CONSUME(T.DateLiteral);
    if (!this.rec) { p.from = this.date(from); p.end = p.from.end; }
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      const to = this.CONSUME2(T.DateLiteral);
      if (!this.rec) { p.to = this.date(to); p.end = p.to.end; }
    });
    this.OPTION2(() => {
      const s = this.CONSUME(T.StringLiteral);
      if (!this.rec) { p.label = this.str(s); p.end = p.label.end; }
    });
  });

  private workdaysProperty = this.RULE('workdaysProperty', () => {
    const kw = this.CONSUME(K.workdays);
    const p = this.rec ? (undefined as never) : this.begin<A.WorkdaysProperty>(kw, 'workdays', 'days');
    this.AT_LEAST_ONE(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      const from = this.CONSUME(T.Identifier);
      let range!: A.DayRangeLit;
      if (!this.rec) { range = { start: from.startOffset, end: from.startOffset + from.image.length, from: this.ident(from) }; p.days.push(range); p.end = range.end; }
      this.OPTION2(() => {
        this.CONSUME(T.Minus);
        const to = this.CONSUME2(T.Identifier);
        if (!this.rec) { range.to = this.ident(to); range.end = p.end = range.to.end; }
      });
    });
  });

  private hoursProperty = this.RULE('hoursProperty', () => {
    const kw = this.CONSUME(K.hours);
    const p = this.rec ? (undefined as never) : this.begin<A.HoursProperty>(kw, 'hours');
    const n = this.CONSUME(T.NumberLiteral);
    if (!this.rec) { p.value = this.num(n); p.end = p.value.end; }
  });

  // ---------------------------------------------------------------- node builders

  /** Creates a property node and attaches it at once, so a property broken half-way keeps what was read. */
  private begin<P extends A.Property>(kw: IToken, key: P['key'], list?: 'deps' | 'assignments' | 'on' | 'days'): P {
    const start = kw.startOffset, end = start + kw.image.length;
    const p = { key, keyword: { start, end }, start, end } as unknown as P;
    if (list) (p as unknown as Record<string, unknown[]>)[list] = [];
    this.attachProperty(p);
    return p;
  }

  private duration(t: IToken): A.DurationLit {
    return durationLiteral(t);
  }

  private percent(t: IToken): A.PercentLit {
    return { start: t.startOffset, end: t.startOffset + t.image.length, value: parseFloat(t.image) };
  }
}

let shared: PlanParser | undefined;

/** Parses plan text; the parser is built once and reused (building it costs more than parsing a small plan). */
export function parsePlanTokens(text: string, tokens: IToken[]) {
  shared ??= new PlanParser();
  return shared.parse(text, tokens);
}

