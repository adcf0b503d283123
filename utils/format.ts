let nameOrder: Intl.Collator | undefined;

/** Names in the user's alphabetical order, case and accents aside (collator made on first use). */
export function compareNames(a: string, b: string): number {
  nameOrder ??= new Intl.Collator(undefined, { sensitivity: 'base' });
  return nameOrder.compare(a, b);
}

/** `YYYY-MM-DD` in local time, for `<input type="date">`. */
export function toDateInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local noon of a `YYYY-MM-DD` date input (noon survives DST shifts); NaN when invalid. */
export function fromDateInput(value: string): number {
  const match = /^(\d{4,5})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d, 12);
  return date.getMonth() === m - 1 ? date.getTime() : Number.NaN;
}
