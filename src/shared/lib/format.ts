// How numbers read in the UI: prices in EUR, amounts with one decimal.

const eur = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A price in EUR, prefixed with "≈" when it is an estimate. */
export function formatEur(amount: number, estimate = false): string {
  return `${estimate ? '≈ ' : ''}${eur.format(amount)}`;
}

/** A number with at most one decimal, grouped ("1,474", "20.9"). */
export function formatAmount(n: number): string {
  return oneDecimal.format(n);
}
