import { addDays } from '../format/date';
import { roundMoney } from '../format/lineMath';

export interface PlannedInstallment {
  number: number;
  dueDate: string;
  amount: number;
}

export const MAX_INSTALLMENTS = 120;
export const MAX_TERM_DAYS = 3650;

/**
 * Reads "30/60/90" payment terms (days after the order date; "0" = on the date) with the server's rules and
 * pt-BR messages (Common/PaymentTerms.cs). Empty means "0": one installment on the order date.
 */
export function parsePaymentTerms(text: string): { days: number[]; error: null } | { days: null; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { days: [0], error: null };
  const parts = trimmed.split('/').map((p) => p.trim());
  if (parts.length > MAX_INSTALLMENTS) return { days: null, error: `Condição de pagamento inválida: no máximo ${MAX_INSTALLMENTS} parcelas.` };
  const days: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { days: null, error: `Condição de pagamento inválida: "${part}" não é um número de dias. Use o formato 30/60/90.` };
    const day = Number(part);
    if (day > MAX_TERM_DAYS) return { days: null, error: `Condição de pagamento inválida: o prazo máximo é de ${MAX_TERM_DAYS} dias.` };
    if (days.length > 0 && day <= days[days.length - 1]!) return { days: null, error: 'Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.' };
    days.push(day);
  }
  return { days, error: null };
}

/**
 * The installments the server will plan (Common/Installments.cs): each is the total / N rounded to centavos except
 * the last, which takes the rounding difference, so they always add up to exactly the total. Empty while the
 * total is zero (an order without items has no installments yet) or too small for the count.
 */
export function planInstallments(total: number, dateIso: string, days: readonly number[]): PlannedInstallment[] {
  if (!(total > 0) || days.length === 0) return [];
  const totalCents = Math.round(roundMoney(total) * 100);
  const regularCents = Math.round(roundMoney(total / days.length) * 100);
  const lastCents = totalCents - regularCents * (days.length - 1);
  if (lastCents <= 0) return [];
  return days.map((d, i) => ({
    number: i + 1,
    dueDate: addDays(dateIso, d),
    amount: (i === days.length - 1 ? lastCents : regularCents) / 100,
  }));
}
