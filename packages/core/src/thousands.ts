/**
 * An integer with comma thousands separators, as `toLocaleString('en-US')` writes it. Number
 * formatting through Intl loads ICU's locale data on first use, about 20 ms of a 350 ms scaffold;
 * docs only ever print whole counts. A fraction still goes through Intl.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
