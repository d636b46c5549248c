/**
 * The syntax tree of plan and policy files. Nodes hold offsets only (see text.ts);
 * a node whose text was broken keeps the parts that were read, so fields are optional.
 */
import type { Span } from './text';
export type { Span };

export interface Ident extends Span { text: string }
export interface StringLit extends Span { value: string }
/** `day` is undefined when the text is not a real calendar date. */
export interface DateLit extends Span { text: string; day: number | undefined }
export type DurationUnit = 'h' | 'd' | 'w' | 'mo';
export interface DurationLit extends Span { amount: number; unit: DurationUnit }
export interface PercentLit extends Span { value: number }
export interface NumberLit extends Span { value: number }
export interface AmountLit extends Span { value: number; currency?: Ident }
export interface RateLit extends Span { amount?: AmountLit; per?: Ident }

export interface Lag extends Span { sign: 1 | -1; duration?: DurationLit }
export interface Dependency extends Span { startOf: boolean; target?: Ident; lag?: Lag }
export interface Assignment extends Span { resource?: Ident; allocation?: PercentLit }
export interface DayRangeLit extends Span { from?: Ident; to?: Ident }

interface PropertyBase extends Span {
  /** The keyword(s) that open the property, e.g. `not before`. */
  keyword: Span;
}
export interface DateProperty extends PropertyBase { key: 'start' | 'deadline' | 'on' | 'status' | 'not before'; date?: DateLit }
export interface AfterProperty extends PropertyBase { key: 'after'; deps: Dependency[] }
export interface DurationProperty extends PropertyBase { key: 'duration' | 'effort'; value?: DurationLit }
export interface AssignProperty extends PropertyBase { key: 'assign'; assignments: Assignment[] }
export interface RefProperty extends PropertyBase { key: 'owner' | 'calendar'; ref?: Ident }
export interface BudgetProperty extends PropertyBase { key: 'budget'; amount?: AmountLit }
export interface CostProperty extends PropertyBase { key: 'cost'; amount?: AmountLit; label?: StringLit }
export interface QualityProperty extends PropertyBase { key: 'quality'; text?: StringLit; by?: Ident }
export interface PercentProperty extends PropertyBase { key: 'progress' | 'capacity'; percent?: PercentLit }
export interface CurrencyProperty extends PropertyBase { key: 'currency'; code?: Ident }
export interface UsesProperty extends PropertyBase { key: 'uses'; path?: StringLit }
export interface WaiveProperty extends PropertyBase { key: 'waive'; rule?: Ident; on: Ident[]; reason?: StringLit }
export interface RateProperty extends PropertyBase { key: 'rate'; rate?: RateLit }
export interface PeriodProperty extends PropertyBase { key: 'leave' | 'holiday'; from?: DateLit; to?: DateLit; label?: StringLit }
export interface WorkdaysProperty extends PropertyBase { key: 'workdays'; days: DayRangeLit[] }
export interface HoursProperty extends PropertyBase { key: 'hours'; value?: NumberLit }

export type Property =
  | DateProperty | AfterProperty | DurationProperty | AssignProperty | RefProperty | BudgetProperty
  | CostProperty | QualityProperty | PercentProperty | CurrencyProperty | UsesProperty | WaiveProperty
  | RateProperty | PeriodProperty | WorkdaysProperty | HoursProperty;

export type PropertyKey = Property['key'];

export type BlockKind = 'project' | 'calendar' | 'resource' | 'task' | 'milestone';

export interface Block extends Span {
  kind: BlockKind;
  keyword: Span;
  id?: Ident;
  name?: StringLit;
  /** Offset of `{`, when the block has a body. */
  open?: number;
  /** Offset of the closing `}`, when present. */
  close?: number;
  props: Property[];
  children: Block[];
  parent?: Block;
}

export interface Comment extends Span { block: boolean }

export interface SyntaxError extends Span { message: string }

export interface PlanDocument {
  blocks: Block[];
  comments: Comment[];
  syntaxErrors: SyntaxError[];
}

// ---------------------------------------------------------------- policy files

export type SubjectKind = 'task' | 'leaf' | 'group' | 'milestone' | 'resource' | 'project';
export interface Subject extends Span { kind?: SubjectKind; word?: Ident }

export type BinaryOp = 'and' | 'or' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';
export type Expr =
  | { type: 'binary'; op: BinaryOp; opSpan: Span; left?: Expr; right?: Expr; start: number; end: number }
  | { type: 'not'; operand?: Expr; start: number; end: number }
  | { type: 'negate'; operand?: Expr; start: number; end: number }
  | { type: 'has'; property?: Ident; start: number; end: number }
  | { type: 'matches'; value?: Expr; pattern?: StringLit; start: number; end: number }
  | { type: 'fact'; name: Ident; start: number; end: number }
  | { type: 'number'; value: number; start: number; end: number }
  | { type: 'duration'; value: DurationLit; start: number; end: number }
  | { type: 'percent'; value: PercentLit; start: number; end: number }
  | { type: 'amount'; value: AmountLit; start: number; end: number }
  | { type: 'date'; value: DateLit; start: number; end: number }
  | { type: 'string'; value: StringLit; start: number; end: number }
  | { type: 'paren'; inner?: Expr; start: number; end: number };

export interface Rule extends Span {
  keyword: Span;
  id?: Ident;
  severity?: Ident;
  message?: StringLit;
  open?: number;
  close?: number;
  docs?: StringLit;
  subject?: Subject;
  where?: Expr;
  require?: Expr;
  /** The `require` keyword, kept even when its expression could not be read. */
  requireKeyword?: Span;
}

export interface PolicyProperty extends Span { key: 'version' | 'extends'; keyword: Span; value?: StringLit }

export interface PolicyBlock extends Span {
  keyword: Span;
  id?: Ident;
  name?: StringLit;
  open?: number;
  close?: number;
  props: PolicyProperty[];
  rules: Rule[];
}

export interface PolicyDocument {
  policies: PolicyBlock[];
  comments: Comment[];
  syntaxErrors: SyntaxError[];
}
