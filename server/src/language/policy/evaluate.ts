/**
 * Evaluation of a type-checked rule expression on one subject.
 *
 * Missing values: a fact without a value (no `owner`, no `budget`, `start`/`end`/`slack`/`duration`
 * of an unscheduled task) is null. Arithmetic with null gives null, and EVERY comparison with null
 * is false — `=`, `!=`, `<` … alike — so `require duration <= 20d` fails on an unscheduled leaf
 * and `where duration > 20d` does not select it. `and`, `or`, `not` treat null as false.
 * Numbers compare with a tolerance of 1e-9 (relative), so `cost * 1.1` is not off by rounding.
 * Dates shift by working days of the project calendar: `deadline - 5d`, `end - start`.
 */
import type { Expr } from '../ast';
import type { Timeline } from '../calendar';
import { durationDays, type FactName, type PolicySubject } from './facts';
import { regexMatches } from './regex';
import type { Value } from './types';

export interface EvalContext {
  /** Working hours per day of the project calendar (for `4h`). */
  hoursPerDay: number;
  /** The project's working days (for date arithmetic); undefined when the plan is not scheduled. */
  timeline?: Timeline;
}

const EPS = 1e-9;
function tol(a: number, b: number): number { return EPS * Math.max(1, Math.abs(a), Math.abs(b)); }

/** The value of an expression; a condition is true only when this returns `true`. */
export function evaluate(e: Expr, subject: PolicySubject, ctx: EvalContext): Value {
  switch (e.type) {
    case 'number': return e.value;
    case 'duration': return durationDays(e.value, ctx.hoursPerDay);
    case 'percent': return e.value.value / 100;
    case 'amount': return e.value.value;
    case 'date': return e.value.day ?? null;
    case 'string': return e.value.value;
    case 'paren': return e.inner ? evaluate(e.inner, subject, ctx) : null;
    case 'fact': return subject.fact(e.name.text as FactName);
    case 'has': return e.property ? subject.has(e.property.text) : false;
    case 'not': return !(e.operand !== undefined && evaluate(e.operand, subject, ctx) === true);
    case 'negate': {
      const v = e.operand ? evaluate(e.operand, subject, ctx) : null;
      return typeof v === 'number' ? -v : null;
    }
    case 'matches': {
      const v = e.value ? evaluate(e.value, subject, ctx) : null;
      return typeof v === 'string' && e.pattern !== undefined && regexMatches(e.pattern.value, v);
    }
    case 'binary': {
      if (e.op === 'and') return e.left !== undefined && evaluate(e.left, subject, ctx) === true && e.right !== undefined && evaluate(e.right, subject, ctx) === true;
      if (e.op === 'or') return (e.left !== undefined && evaluate(e.left, subject, ctx) === true) || (e.right !== undefined && evaluate(e.right, subject, ctx) === true);
      const l = e.left ? evaluate(e.left, subject, ctx) : null;
      const r = e.right ? evaluate(e.right, subject, ctx) : null;
      return binary(e.op, l, r, isDateExpr(e.left), isDateExpr(e.right), ctx);
    }
  }
}

function isDateExpr(e: Expr | undefined): boolean {
  if (!e) return false;
  if (e.type === 'date') return true;
  if (e.type === 'paren') return isDateExpr(e.inner);
  if (e.type === 'fact') return e.name.text === 'start' || e.name.text === 'end' || e.name.text === 'deadline';
  if (e.type === 'binary' && (e.op === '+' || e.op === '-')) {
    const l = isDateExpr(e.left), r = isDateExpr(e.right);
    return e.op === '+' ? l !== r : l && !r;
  }
  return false;
}

function shiftDay(day: number, days: number, ctx: EvalContext): number | null {
  const tl = ctx.timeline;
  if (!tl) return null;
  const n = days >= 0 ? Math.ceil(days - EPS) : -Math.ceil(-days - EPS);
  if (n === 0) return day;
  // n working days on (or back); from a non-working day, the first working day on is the next one,
  // the first one back the previous one (Saturday + 1d is Monday, Saturday - 1d is Friday).
  const idx = n > 0 ? tl.floorIndex(day) + n : tl.ceilIndex(day) + n;
  return tl.dayOf(idx) ?? null;
}

function binary(op: string, l: Value, r: Value, lDate: boolean, rDate: boolean, ctx: EvalContext): Value {
  switch (op) {
    case '=': case '!=': case '<': case '<=': case '>': case '>=': {
      if (l === null || r === null) return false;
      if (typeof l === 'number' && typeof r === 'number') {
        const t = tol(l, r);
        switch (op) {
          case '=': return Math.abs(l - r) <= t;
          case '!=': return Math.abs(l - r) > t;
          case '<': return l < r - t;
          case '<=': return l <= r + t;
          case '>': return l > r + t;
          default: return l >= r - t;
        }
      }
      if (op === '=') return l === r;
      if (op === '!=') return l !== r;
      return false;
    }
  }
  if (typeof l !== 'number' || typeof r !== 'number') return null;
  switch (op) {
    case '+':
      if (lDate && !rDate) return shiftDay(l, r, ctx);
      if (rDate && !lDate) return shiftDay(r, l, ctx);
      return l + r;
    case '-':
      if (lDate && rDate) return ctx.timeline ? ctx.timeline.ceilIndex(l) - ctx.timeline.ceilIndex(r) : null;
      if (lDate) return shiftDay(l, -r, ctx);
      return l - r;
    case '*': return l * r;
    case '/': return r === 0 ? null : l / r;
  }
  return null;
}
