import { describe, expect, it } from 'vitest';
import { RANGE_PRESETS, addDays, buildRange, defaultRange, describeRange, todayIso } from './dateRange';
import { newOccurrenceForm, occurrenceInput, validateCompetitor, validateOccurrence } from './occurrenceForm';

describe('occurrence date range', () => {
  it('uses the business day in Brasília for today', () => {
    // 01:30 UTC on 16 July is still 15 July in Brasília (UTC-3).
    expect(todayIso(new Date('2026-07-16T01:30:00Z'))).toBe('2026-07-15');
    expect(todayIso(new Date('2026-07-16T03:30:00Z'))).toBe('2026-07-16');
  });

  it('adds and subtracts days across months and leap years', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-07-15', -90)).toBe('2026-04-16');
  });

  it('defaults to the last 90 days, as the server does', () => {
    expect(defaultRange('2026-07-15')).toEqual({ from: '2026-04-16', to: '2026-07-15' });
  });

  it('builds the range from the two dates typed in the filter', () => {
    expect(buildRange('2026-01-01', '2026-06-30')).toEqual({ ok: true, range: { from: '2026-01-01', to: '2026-06-30' } });
    expect(buildRange('2026-07-15', '2026-07-15')).toEqual({ ok: true, range: { from: '2026-07-15', to: '2026-07-15' } });
  });

  it('explains a missing or reversed date in Portuguese', () => {
    expect(buildRange(null, '2026-06-30')).toEqual({ ok: false, errors: { from: 'Informe a data inicial (dd/mm/aaaa).' } });
    expect(buildRange('2026-06-30', null)).toEqual({ ok: false, errors: { to: 'Informe a data final (dd/mm/aaaa).' } });
    expect(buildRange('2026-07-01', '2026-06-30')).toEqual({ ok: false, errors: { to: 'A data final deve ser igual ou posterior à data inicial.' } });
  });

  it('offers presets relative to today', () => {
    const byId = Object.fromEntries(RANGE_PRESETS.map((p) => [p.id, p.range('2026-07-15')]));
    expect(byId['30']).toEqual({ from: '2026-06-15', to: '2026-07-15' });
    expect(byId['ano']).toEqual({ from: '2026-01-01', to: '2026-07-15' });
  });

  it('describes the range with dd/MM/aaaa dates', () => {
    expect(describeRange({ from: '2026-04-01', to: '2026-06-30' })).toBe('de 01/04/2026 a 30/06/2026');
    expect(describeRange({ from: '2026-04-01', to: '2026-04-01' })).toBe('em 01/04/2026');
  });
});

describe('occurrence form', () => {
  it('starts today, as a visit', () => {
    expect(newOccurrenceForm('2026-07-15')).toEqual({ date: '2026-07-15', type: 'visita', contactId: '', description: '' });
  });

  it('requires a date, a known type and a description', () => {
    expect(validateOccurrence({ date: null, type: 'reuniao', contactId: '', description: '  ' })).toEqual({
      date: 'Informe a data da ocorrência (dd/mm/aaaa).',
      type: 'Escolha o tipo da ocorrência.',
      description: 'Descreva o que aconteceu.',
    });
    expect(validateOccurrence({ date: '2026-07-15', type: 'pos-venda', contactId: '', description: 'Retorno do chamado.' })).toEqual({});
  });

  it('sends the contact as null when none was chosen and trims the description', () => {
    expect(occurrenceInput({ date: '2026-07-15', type: 'sac', contactId: '', description: ' Chamado 123 ' })).toEqual({ date: '2026-07-15', type: 'sac', contactId: null, description: 'Chamado 123' });
  });

  it('requires the competitor name', () => {
    expect(validateCompetitor({ name: ' ', prices: '', notes: '' })).toEqual({ name: 'Informe o nome do concorrente.' });
    expect(validateCompetitor({ name: 'TecnoServ', prices: 'R$ 780,00', notes: '' })).toEqual({});
  });
});
