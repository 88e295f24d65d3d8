import { describe, expect, it } from 'vitest';
import { EMPTY_PRODUCT_FORM, EMPTY_SERVICE_FORM, productInput, serviceInput, serviceToForm, validateName, validateProduct, validateService } from './catalogueForms';
import { draftToValue, emptyLine, lineToDraft, validateLines } from './serviceLines';

const service = { ...EMPTY_SERVICE_FORM, code: 'MP-01', description: 'Manutenção preventiva', unitPrice: 850, municipalServiceCode: '14.01', issRate: '5' };

describe('service form', () => {
  it('accepts ISS rates from 2% to 5% and refuses others', () => {
    expect(validateService(service)).toEqual({});
    expect(validateService({ ...service, issRate: '2' })).toEqual({});
    expect(validateService({ ...service, issRate: '2,5' })).toEqual({});
    expect(validateService({ ...service, issRate: '1,99' })).toEqual({ issRate: 'A alíquota do ISS deve estar entre 2% e 5%.' });
    expect(validateService({ ...service, issRate: '5,01' })).toEqual({ issRate: 'A alíquota do ISS deve estar entre 2% e 5%.' });
    expect(validateService({ ...service, issRate: '' })).toEqual({ issRate: 'Informe a alíquota do ISS (de 2% a 5%).' });
  });

  it('requires code, description, price and the municipal service code', () => {
    expect(validateService(EMPTY_SERVICE_FORM)).toMatchObject({
      code: 'Informe o código do serviço.',
      description: 'Informe a descrição do serviço.',
      unitPrice: 'Informe o preço unitário.',
      municipalServiceCode: 'Informe o código de serviço municipal (item da lista de serviços).',
    });
  });

  it('checks the national tax code (cTribNac) only when filled', () => {
    expect(validateService({ ...service, nationalTaxCode: '14010' })).toEqual({ nationalTaxCode: 'O código de tributação nacional tem 6 dígitos.' });
    expect(validateService({ ...service, nationalTaxCode: '140101' })).toEqual({});
  });

  it('reads the rate typed with a comma and round-trips a stored service', () => {
    const input = serviceInput({ ...service, issRate: '2,5', categoryId: '' });
    expect(input.issRate).toBe(2.5);
    expect(input.categoryId).toBeNull();
    expect(serviceToForm({ ...input, id: 's1', active: true }).issRate).toBe('2,5');
  });
});

describe('product form', () => {
  it('requires code, description, price, stock and unit', () => {
    expect(validateProduct({ ...EMPTY_PRODUCT_FORM, stock: 'x', unit: '' })).toEqual({
      code: 'Informe o código do produto.',
      description: 'Informe a descrição do produto.',
      price: 'Informe o preço.',
      stock: 'Informe o estoque (use 0 se não houver).',
      unit: 'Informe a unidade (ex.: UN, CX, KG).',
    });
  });

  it('reads a fractional stock and upper-cases the unit', () => {
    expect(productInput({ code: 'CB', description: 'Cabo', price: 3.49, stock: '1.250,5', unit: 'm', active: true })).toEqual({ code: 'CB', description: 'Cabo', price: 3.49, stock: 1250.5, unit: 'M', active: true });
  });

  it('requires a name for categories and types', () => {
    expect(validateName('', 'da categoria')).toEqual({ name: 'Informe o nome da categoria.' });
    expect(validateName('Manutenção', 'da categoria')).toEqual({});
  });
});

describe('service lines (solutions, contracts)', () => {
  it('keys errors like the server does, per line and field', () => {
    const lines = [{ ...emptyLine(), serviceId: 's1', description: 'Preventiva', unitPrice: 100 }, { ...emptyLine(), quantity: '0', unitPrice: null }];
    expect(validateLines(lines, 'lines', true)).toEqual({
      'lines[1].serviceId': 'Escolha o serviço.',
      'lines[1].description': 'Informe a descrição do item.',
      'lines[1].quantity': 'A quantidade deve ser maior que zero.',
      'lines[1].unitPrice': 'Informe o valor unitário.',
    });
  });

  it('applies the discount rules of the server to each line', () => {
    const line = { ...emptyLine(), description: 'Hora técnica', quantity: '2', unitPrice: 10, discountKind: 'amount' as const, discount: '20,01' };
    expect(validateLines([line], 'items', false)).toEqual({ 'items[0].discount': 'O desconto não pode ser maior que o valor bruto do item.' });
    expect(validateLines([{ ...line, discount: '' }], 'items', false)).toEqual({ 'items[0].discount': 'Informe o desconto.' });
    expect(validateLines([{ ...line, discountKind: 'percent', discount: '12,5' }], 'items', false)).toEqual({});
  });

  it('turns a draft into the request line and back', () => {
    const value = draftToValue({ ...emptyLine(), serviceId: 's1', description: ' Preventiva ', categoryId: '', quantity: '1,5', unitPrice: 850, discountKind: 'percent', discount: '10' });
    expect(value).toEqual({ serviceId: 's1', description: 'Preventiva', categoryId: null, quantity: 1.5, unitPrice: 850, discountKind: 'percent', discount: 10 });
    const draft = lineToDraft(value);
    expect(draft).toMatchObject({ quantity: '1,5', unitPrice: 850, discountKind: 'percent', discount: '10' });
  });
});
