import { describe, expect, it } from 'vitest';
import { EMPTY_CUSTOMER_FORM, contactInput, customerFormFromAccount, customerInput, customerToForm, formatAddress, siteInput, validateContact, validateCustomer, validateSite, type CustomerForm } from './customerForm';
import type { Customer } from './customersApi';

const valid: CustomerForm = {
  ...EMPTY_CUSTOMER_FORM,
  legalName: 'Acme Indústria e Comércio Ltda',
  tradeName: 'Acme',
  taxId: '11.222.333/0001-81',
  email: 'financeiro@acme.com.br',
  phone: '(11) 98765-4321',
  postalCode: '01310-100',
  street: 'Av. Paulista',
  number: '1000',
  city: 'São Paulo',
  state: 'SP',
};

describe('customer form validation', () => {
  it('accepts a complete customer, including the alphanumeric CNPJ and a CPF', () => {
    expect(validateCustomer(valid)).toEqual({});
    expect(validateCustomer({ ...valid, taxId: '12.ABC.345/01DE-35' })).toEqual({});
    expect(validateCustomer({ ...valid, taxId: '529.982.247-25' })).toEqual({});
  });

  it('requires the legal name and a valid CNPJ/CPF', () => {
    expect(validateCustomer({ ...valid, legalName: ' ', taxId: '' })).toEqual({
      legalName: 'Informe a razão social (ou o nome, para pessoa física).',
      taxId: 'Informe o CNPJ ou CPF.',
    });
    expect(validateCustomer({ ...valid, taxId: '11.222.333/0001-82' }).taxId).toMatch(/^CNPJ inválido/);
    expect(validateCustomer({ ...valid, taxId: '529.982.247-24' }).taxId).toMatch(/^CPF inválido/);
  });

  it('checks e-mail, phone, CEP, UF and IBGE code only when filled', () => {
    expect(validateCustomer({ ...valid, email: '', phone: '', postalCode: '', state: '', cityIbgeCode: '' })).toEqual({});
    expect(validateCustomer({ ...valid, email: 'acme.com.br', phone: '(11) 9876', postalCode: '0131', state: 'XX', cityIbgeCode: '355' })).toEqual({
      email: 'Informe um e-mail válido, por exemplo nome@empresa.com.br.',
      phone: 'Informe o telefone com DDD, por exemplo (11) 98765-4321.',
      postalCode: 'O CEP tem 8 dígitos, por exemplo 01310-100.',
      state: 'Escolha a UF.',
      cityIbgeCode: 'O código IBGE do município tem 7 dígitos.',
    });
  });

  it('sends the tax id normalised and phone and CEP as digits, optional texts as null', () => {
    const input = customerInput({ ...valid, taxId: '12.abc.345/01de-35', state: 'sp', legalName: '  Acme  ' });
    expect(input.taxId).toBe('12ABC34501DE35');
    expect(input.phone).toBe('11987654321');
    expect(input.postalCode).toBe('01310100');
    expect(input.state).toBe('SP');
    expect(input.legalName).toBe('Acme');
    expect(input.cityIbgeCode).toBeNull();
    expect(input.municipalRegistration).toBeNull();
  });

  it('shows a stored customer with masks', () => {
    const stored = { ...customerInput(valid), id: 'c1', taxIdKind: 'cnpj', status: 'active', cityIbgeCode: null, municipalRegistration: null } as Customer;
    const form = customerToForm(stored);
    expect(form.taxId).toBe('11.222.333/0001-81');
    expect(form.phone).toBe('(11) 98765-4321');
    expect(form.postalCode).toBe('01310-100');
  });

  it('fills a new customer from a CRM account', () => {
    const form = customerFormFromAccount({ name: 'Hospital Beta', taxId: '12ABC34501DE35', email: 'adm@beta.med.br', phone: '1130304040', city: 'Campinas', state: 'SP' });
    expect(form).toMatchObject({ legalName: 'Hospital Beta', taxId: '12.ABC.345/01DE-35', phone: '(11) 3030-4040', city: 'Campinas', state: 'SP' });
  });

  it('writes the address with the filled parts only', () => {
    expect(formatAddress({ street: 'Av. Paulista', number: '1000', complement: '', district: 'Bela Vista', city: 'São Paulo', state: 'SP', postalCode: '01310100' })).toBe(
      'Av. Paulista, 1000 - Bela Vista - São Paulo/SP - CEP 01310-100',
    );
    expect(formatAddress({ street: '', number: '', complement: '', district: '', city: '', state: '', postalCode: '' })).toBe('');
  });
});

describe('contacts and sites', () => {
  it('requires the contact name and checks e-mail and phone', () => {
    expect(validateContact({ name: '', email: 'x', phone: '1', role: '' })).toEqual({
      name: 'Informe o nome do contato.',
      email: 'Informe um e-mail válido, por exemplo nome@empresa.com.br.',
      phone: 'Informe o telefone com DDD, por exemplo (11) 98765-4321.',
    });
    expect(contactInput({ name: ' Renata ', email: 'r@acme.com.br', phone: '(11) 3322-4455', role: '' })).toEqual({ name: 'Renata', email: 'r@acme.com.br', phone: '1133224455', role: null });
  });

  it('requires the site name', () => {
    expect(validateSite({ name: '', address: '', city: '', state: '', notes: '' })).toEqual({ name: 'Informe o nome do local (ex.: Matriz, Unidade Centro).' });
    expect(siteInput({ name: 'Matriz', address: '', city: 'Jundiaí', state: 'sp', notes: '' })).toEqual({ name: 'Matriz', address: null, city: 'Jundiaí', state: 'SP', notes: null });
  });
});
