import { describe, expect, it } from 'vitest';
import { isValidCnpj, isValidCpf, isValidTaxId, normalizeTaxId, taxIdError, taxIdKind } from './taxId';
import { maskCep, maskCnpj, maskCpf, maskDate, maskPhone, maskTaxId, caretAfterSignificant } from './masks';

describe('CPF check digits', () => {
  it('accepts valid CPFs with or without punctuation', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(isValidCpf('111.444.777-35')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and repeated digits', () => {
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('529.982.247-52')).toBe(false);
    expect(isValidCpf('5299822472')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('ABC.982.247-25')).toBe(false);
  });
});

describe('CNPJ check digits', () => {
  it('accepts numeric CNPJs', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11222333000181')).toBe(true);
  });

  it('accepts the alphanumeric CNPJ (July 2026 format)', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12abc34501de35')).toBe(true);
  });

  it('rejects wrong check digits in both formats', () => {
    expect(isValidCnpj('11.222.333/0001-82')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DF-35')).toBe(false);
  });

  it('rejects letters in the check digits, wrong length and repeated characters', () => {
    expect(isValidCnpj('12.ABC.345/01DE-3A')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-3')).toBe(false);
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
  });
});

describe('tax id helpers', () => {
  it('normalises to upper-case characters without punctuation', () => {
    expect(normalizeTaxId('12.abc.345/01de-35')).toBe('12ABC34501DE35');
  });

  it('tells CPF from CNPJ by length', () => {
    expect(taxIdKind('529.982.247-25')).toBe('CPF');
    expect(taxIdKind('12.ABC.345/01DE-35')).toBe('CNPJ');
    expect(taxIdKind('1234')).toBeNull();
    expect(isValidTaxId('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidTaxId('529.982.247-25')).toBe(true);
    expect(isValidTaxId('529.982.247-00')).toBe(false);
  });

  it('explains in Portuguese what is wrong', () => {
    expect(taxIdError('')).toBe('Informe o CNPJ ou CPF.');
    expect(taxIdError('123')).toBe('Informe um CPF com 11 dígitos ou um CNPJ com 14 caracteres.');
    expect(taxIdError('529.982.247-00')).toMatch(/^CPF inválido/);
    expect(taxIdError('11.222.333/0001-00')).toMatch(/^CNPJ inválido/);
    expect(taxIdError('11.222.333/0001-81')).toBeNull();
  });
});

describe('masks', () => {
  it('masks a CPF progressively', () => {
    expect(maskCpf('529')).toBe('529');
    expect(maskCpf('5299')).toBe('529.9');
    expect(maskCpf('5299822')).toBe('529.982.2');
    expect(maskCpf('52998224725')).toBe('529.982.247-25');
    expect(maskCpf('529982247251234')).toBe('529.982.247-25');
  });

  it('masks a numeric CNPJ', () => {
    expect(maskCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(maskCnpj('112223330')).toBe('11.222.333/0');
  });

  it('masks an alphanumeric CNPJ, upper-casing letters and keeping the check digits numeric', () => {
    expect(maskCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(maskCnpj('12ABC34501DEXY35')).toBe('12.ABC.345/01DE-35');
  });

  it('switches one tax id field from CPF to CNPJ', () => {
    expect(maskTaxId('52998224725')).toBe('529.982.247-25');
    expect(maskTaxId('112223330001')).toBe('11.222.333/0001');
    expect(maskTaxId('12a')).toBe('12.A');
    expect(maskTaxId('529.982.247-25')).toBe('529.982.247-25');
    expect(maskTaxId('12.ABC.345/01DE-35')).toBe('12.ABC.345/01DE-35');
  });

  it('masks landline and mobile phones', () => {
    expect(maskPhone('1134567890')).toBe('(11) 3456-7890');
    expect(maskPhone('11987654321')).toBe('(11) 98765-4321');
    expect(maskPhone('+55 11 98765-4321')).toBe('(11) 98765-4321');
    expect(maskPhone('119')).toBe('(11) 9');
  });

  it('masks CEP and dates', () => {
    expect(maskCep('01310100')).toBe('01310-100');
    expect(maskCep('0131')).toBe('0131');
    expect(maskDate('15072026')).toBe('15/07/2026');
    expect(maskDate('1507')).toBe('15/07');
  });

  it('keeps the caret after the same typed characters when punctuation is added', () => {
    // The user typed the 4th digit of a CPF: the caret goes after "529.9".
    expect(caretAfterSignificant('529.9', 4)).toBe(5);
    expect(caretAfterSignificant('529.982.247-25', 9)).toBe(11);
    expect(caretAfterSignificant('529', 0)).toBe(0);
  });
});
