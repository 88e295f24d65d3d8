import { describe, expect, it } from 'vitest';
import { applyLocalFilters, contractLabel, type InventoryItem } from './inventoryApi';
import { inventoryInput, inventoryToForm, newInventoryForm, normalizeSerial, validateInventory, withCustomer } from './inventoryForm';

const item: InventoryItem = {
  id: 'inv1',
  serialNumber: 'HP1234-X',
  serialNumberTyped: 'hp 1234-x',
  customerId: 'c1',
  customerName: 'Alfa Comércio Ltda',
  contractId: 'k1',
  contractNumber: 7,
  contractTitle: 'Suporte anual',
  siteId: 's1',
  siteName: 'Matriz',
  typeId: 'pstype1',
  typeName: 'Impressora',
  description: 'Impressora do RH',
  notes: null,
  orderId: 'o9',
  warrantyUntil: '2027-01-31',
};

describe('inventory form', () => {
  it('normalises the serial as the server does', () => {
    expect(normalizeSerial(' hp 1234-x ')).toBe('HP1234-X');
  });

  it('asks for every required field in pt-BR', () => {
    expect(validateInventory(newInventoryForm())).toEqual({
      serialNumber: 'Informe o número de série.',
      customerId: 'Escolha o cliente.',
      contractId: 'Escolha o cliente para ver os contratos.',
      siteId: 'Escolha o cliente para ver os sites.',
      typeId: 'Escolha o tipo de produto ou serviço.',
    });
    const withCust = { ...newInventoryForm({ id: 'c1', label: 'Alfa' }), serialNumber: 'A1' };
    expect(validateInventory(withCust)).toMatchObject({ contractId: 'Escolha o contrato do cliente.', siteId: 'Escolha o site do cliente.' });
  });

  it('refuses a serial over 100 characters or with control characters; whitespace is removed, not refused', () => {
    const form = inventoryToForm(item);
    expect(validateInventory({ ...form, serialNumber: 'A'.repeat(101) })['serialNumber']).toBe('O número de série deve ter no máximo 100 caracteres.');
    expect(validateInventory({ ...form, serialNumber: 'A\tB' })['serialNumber']).toBeUndefined();
    expect(validateInventory({ ...form, serialNumber: 'A\u0007B' })['serialNumber']).toBe('O número de série contém caracteres inválidos.');
    expect(validateInventory(form)).toEqual({});
  });

  it('keeps the typed serial and the order link when editing, and sends every field', () => {
    expect(inventoryInput(inventoryToForm(item))).toEqual({
      serialNumber: 'hp 1234-x',
      customerId: 'c1',
      contractId: 'k1',
      siteId: 's1',
      typeId: 'pstype1',
      description: 'Impressora do RH',
      notes: null,
      orderId: 'o9',
      serviceOrderId: null,
      warrantyUntil: '2027-01-31',
    });
  });

  it('drops contract and site when another customer is chosen', () => {
    const form = inventoryToForm(item);
    expect(withCustomer(form, { id: 'c1', label: 'Alfa' })).toMatchObject({ contractId: 'k1', siteId: 's1' });
    expect(withCustomer(form, { id: 'c2', label: 'Beta' })).toMatchObject({ contractId: '', siteId: '', customer: { id: 'c2' } });
  });

  it('filters a page by site and contract and labels contracts', () => {
    const other = { ...item, id: 'inv2', siteId: 's2', contractId: 'k2' };
    expect(applyLocalFilters([item, other], { siteId: 's2' }).map((i) => i.id)).toEqual(['inv2']);
    expect(applyLocalFilters([item, other], { contractId: 'k1' }).map((i) => i.id)).toEqual(['inv1']);
    expect(applyLocalFilters([item, other], {}).map((i) => i.id)).toEqual(['inv1', 'inv2']);
    expect(contractLabel({ number: 7, title: 'Suporte anual' })).toBe('nº 7 · Suporte anual');
  });
});
