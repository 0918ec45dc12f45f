// Contact CSV files for tests and benchmarks: `rows` distinct, valid North American numbers, written in the
// formattings people use, with optional bad rows.
const AREA_CODES = [201, 202, 203, 205, 206, 207, 208, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229];
// Exchanges 200–999 but the N11 service codes.
const EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter((e) => e % 100 !== 11);

/** The i-th distinct valid number, in E.164. */
export function phoneOf(i: number): string {
  const area = AREA_CODES[i % AREA_CODES.length]!;
  const k = Math.floor(i / AREA_CODES.length);
  const exchange = EXCHANGES[k % EXCHANGES.length]!;
  const line = Math.floor(k / EXCHANGES.length) % 10_000;
  return `+1${area}${exchange}${String(line).padStart(4, '0')}`;
}

/** The same number as a person might write it. */
export function formatted(e164: string, style: number): string {
  const d = e164.slice(2);
  switch (style % 3) {
    case 0:
      return e164;
    case 1:
      return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
    default:
      return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
  }
}

export function contactsCsv(opts: { rows: number; offset?: number; header?: string; bad?: Map<number, string> }): string {
  const lines = [opts.header ?? 'First Name,last_name,Phone,E-mail,custom1'];
  for (let i = 0; i < opts.rows; i++) {
    const n = (opts.offset ?? 0) + i;
    lines.push(opts.bad?.get(i) ?? `Person${n},Family${n % 97},${formatted(phoneOf(n), n)},person${n}@example.test,tag${n % 5}`);
  }
  return `${lines.join('\n')}\n`;
}
