import { describe, expect, it } from 'vitest';
import { accountContactInput, accountInput, validateAccount } from './accountForm';

describe('account form', () => {
  const form = { name: 'Hospital Beta', taxId: '', email: '', phone: '', website: '', city: 'Campinas', state: 'SP', notes: '' };

  it('needs a name; the CNPJ/CPF is optional but checked when typed', () => {
    expect(validateAccount(form)).toEqual({});
    expect(validateAccount({ ...form, name: '' })).toEqual({ name: 'Informe o nome da conta.' });
    expect(validateAccount({ ...form, taxId: '12.ABC.345/01DE-36' }).taxId).toMatch(/^CNPJ inválido/);
    expect(validateAccount({ ...form, taxId: '12.ABC.345/01DE-35' })).toEqual({});
  });

  it('sends empty optional fields as null and keeps the billing customer link', () => {
    expect(accountInput(form, 'c9')).toEqual({ name: 'Hospital Beta', taxId: null, email: null, phone: null, website: null, city: 'Campinas', state: 'SP', notes: null, customerId: 'c9' });
    expect(accountInput({ ...form, taxId: '12.abc.345/01de-35', phone: '(19) 3030-4040' }, null)).toMatchObject({ taxId: '12ABC34501DE35', phone: '1930304040', customerId: null });
  });

  it('maps the contact role to the account contact position', () => {
    expect(accountContactInput({ name: 'Sérgio', email: '', phone: '', role: 'Diretor' })).toEqual({ name: 'Sérgio', email: null, phone: null, position: 'Diretor' });
  });
});
