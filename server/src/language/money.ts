/** Amounts in messages and reports: plain numbers, cents at most, the currency code after. */
export function roundMoney(x: number): number { return Math.round(x * 100) / 100; }

export function formatMoney(x: number, currency: string | undefined): string {
  const r = roundMoney(x);
  const text = Number.isInteger(r) ? String(r) : r.toFixed(2);
  return currency ? `${text} ${currency}` : text;
}
