const moneyFormatter = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const plainFormatter = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "R$ 1.234,56" (Intl puts a no-break space after R$). */
export function formatMoney(value: number): string {
  return moneyFormatter.format(roundCents(value));
}

/** "1.234,56": the money text without the currency symbol, as a money input shows it. */
export function formatMoneyPlain(value: number): string {
  return plainFormatter.format(roundCents(value));
}

/**
 * Reads a pt-BR money text ("1.234,56", "R$ 10", "-5,5") into a number, or null when the text is
 * empty or is not money. Dots are thousands separators; a lone dot followed by one or two digits
 * is read as a decimal point, because that is what a pasted "1234.56" means.
 */
export function parseMoney(text: string): number | null {
  let s = text.replace(/R\$/gi, '').replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  let normalized: string;
  if (s.includes(',')) {
    if (!/^(\d{1,3}(\.\d{3})+|\d+),\d{0,2}$/.test(s)) return null;
    normalized = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    normalized = s.replace(/\./g, '');
  } else if (/^\d+(\.\d{1,2})?$/.test(s)) {
    normalized = s;
  } else {
    return null;
  }
  if (normalized.endsWith('.')) normalized = normalized.slice(0, -1);
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** Rounds half away from zero to centavos, as the server does at line level. */
export function roundCents(value: number): number {
  const sign = value < 0 ? -1 : 1;
  // The epsilon absorbs binary noise such as 1.005 being stored as 1.00499999.
  return (sign * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}
