/** Number formats of the commit UI. */
export const fmt = (n: number): string => n.toLocaleString('en-US');

/** Capacity units and rates: whole numbers as they are, fractions to one decimal. */
export const fmt1 = (n: number): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(n) ? 0 : 1 });

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${fmt(n)} ${n === 1 ? one : many}`;
