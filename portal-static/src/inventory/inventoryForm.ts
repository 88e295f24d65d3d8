import type { LookupOption } from '../ui/Lookup';
import type { InventoryItem, InventoryItemInput } from './inventoryApi';

export interface InventoryForm {
  serialNumber: string;
  customer: LookupOption | null;
  contractId: string;
  siteId: string;
  typeId: string;
  description: string;
  notes: string;
  warrantyUntil: string | null;
  /** Kept from the record: the form does not edit the order links, but an edit must send every field. */
  orderId: string | null;
  serviceOrderId: string | null;
}

export const SERIAL_MAX = 100;

export function newInventoryForm(customer: LookupOption | null = null): InventoryForm {
  return { serialNumber: '', customer, contractId: '', siteId: '', typeId: '', description: '', notes: '', warrantyUntil: null, orderId: null, serviceOrderId: null };
}

export function inventoryToForm(item: InventoryItem): InventoryForm {
  return {
    serialNumber: item.serialNumberTyped || item.serialNumber,
    customer: { id: item.customerId, label: item.customerName },
    contractId: item.contractId,
    siteId: item.siteId,
    typeId: item.typeId,
    description: item.description ?? '',
    notes: item.notes ?? '',
    warrantyUntil: item.warrantyUntil ?? null,
    orderId: item.orderId ?? null,
    serviceOrderId: item.serviceOrderId ?? null,
  };
}

/**
 * The serial as the server stores it (Inventory/SerialNumbers.cs): trimmed, upper case, every whitespace removed (" hp 1234-x " →
 * "HP1234-X"); shown next to the field so the user sees what will be unique.
 */
export function normalizeSerial(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Field errors keyed like the API's (`serialNumber`, `customerId`, …); empty when the form can be sent. */
export function validateInventory(form: InventoryForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const serial = normalizeSerial(form.serialNumber);
  if (!serial) errors['serialNumber'] = 'Informe o número de série.';
  else if (serial.length > SERIAL_MAX) errors['serialNumber'] = `O número de série deve ter no máximo ${SERIAL_MAX} caracteres.`;
  else if (/[\u0000-\u001f\u007f-\u009f]/.test(serial)) errors['serialNumber'] = 'O número de série contém caracteres inválidos.';
  if (!form.customer) errors['customerId'] = 'Escolha o cliente.';
  if (!form.contractId) errors['contractId'] = form.customer ? 'Escolha o contrato do cliente.' : 'Escolha o cliente para ver os contratos.';
  if (!form.siteId) errors['siteId'] = form.customer ? 'Escolha o site do cliente.' : 'Escolha o cliente para ver os sites.';
  if (!form.typeId) errors['typeId'] = 'Escolha o tipo de produto ou serviço.';
  return errors;
}

export function inventoryInput(form: InventoryForm): InventoryItemInput {
  return {
    serialNumber: form.serialNumber.trim(),
    customerId: form.customer?.id ?? '',
    contractId: form.contractId,
    siteId: form.siteId,
    typeId: form.typeId,
    description: form.description.trim() || null,
    notes: form.notes.trim() || null,
    orderId: form.orderId,
    serviceOrderId: form.serviceOrderId,
    warrantyUntil: form.warrantyUntil,
  };
}

/** Changing the customer drops the contract and site: they must belong to the new customer. */
export function withCustomer(form: InventoryForm, customer: LookupOption | null): InventoryForm {
  if (customer?.id === form.customer?.id) return { ...form, customer };
  return { ...form, customer, contractId: '', siteId: '' };
}

export const HISTORY_ACTIONS: Record<string, string> = {
  created: 'Cadastrado',
  updated: 'Alterado',
  moved: 'Movido',
  deleted: 'Excluído',
};
