const TIME_ZONE = 'America/Sao_Paulo';

const dateTimeFormatter = new Intl.DateTimeFormat('pt-BR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const dateOnlyInZone = new Intl.DateTimeFormat('pt-BR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-07-15" → "15/07/2026". A date-only value is formatted from its digits (no time zone
 * shift); a timestamp is shown as the calendar day in Brasília. Returns '' for empty or invalid input.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (m) return isValidYmd(+m[1]!, +m[2]!, +m[3]!) ? `${m[3]}/${m[2]}/${m[1]}` : '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateOnlyInZone.format(d);
}

/** "2026-07-15T13:05:00Z" → "15/07/2026 10:05" (Brasília time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormatter.format(d).replace(',', '');
}

/** "15/07/2026" → "2026-07-15"; null when the text is not a real calendar date. */
export function parseDateBR(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const day = +m[1]!;
  const month = +m[2]!;
  const year = +m[3]!;
  if (!isValidYmd(year, month, day)) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
