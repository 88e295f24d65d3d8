export { formatMoney, formatMoneyPlain, parseMoney, roundCents } from './money';
export { formatDate, formatDateTime, parseDateBR } from './date';
export { normalizeTaxId, isValidCpf, isValidCnpj, isValidTaxId, taxIdKind, taxIdError } from './taxId';
export { maskCpf, maskCnpj, maskTaxId, maskPhone, maskCep, maskDate, significantCount, caretAfterSignificant } from './masks';
