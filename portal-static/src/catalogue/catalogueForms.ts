import { collectErrors, requiredError } from '../auth/validation';
import { formatDecimalBR, parseDecimalBR } from '../format/lineMath';
import { maxLengthError, textOrNull } from '../format/validation';
import type { Product, ProductInput, Service, ServiceInput } from './catalogueApi';

export const ISS_MIN = 2;
export const ISS_MAX = 5;

export interface ServiceForm {
  code: string;
  description: string;
  unitPrice: number | null;
  categoryId: string;
  municipalServiceCode: string;
  nationalTaxCode: string;
  issRate: string;
  active: boolean;
}

export const EMPTY_SERVICE_FORM: ServiceForm = { code: '', description: '', unitPrice: null, categoryId: '', municipalServiceCode: '', nationalTaxCode: '', issRate: '', active: true };

export function serviceToForm(s: Service): ServiceForm {
  return {
    code: s.code ?? '',
    description: s.description ?? '',
    unitPrice: s.unitPrice ?? null,
    categoryId: s.categoryId ?? '',
    municipalServiceCode: s.municipalServiceCode ?? '',
    nationalTaxCode: s.nationalTaxCode ?? '',
    issRate: s.issRate == null ? '' : formatDecimalBR(s.issRate),
    active: s.active !== false,
  };
}

export function validateService(form: ServiceForm): Record<string, string> {
  const iss = parseDecimalBR(form.issRate);
  const national = form.nationalTaxCode.replace(/\D/g, '');
  return collectErrors({
    code: requiredError(form.code, 'Informe o código do serviço.') ?? maxLengthError(form.code.trim(), 30, 'O código'),
    description: requiredError(form.description, 'Informe a descrição do serviço.') ?? maxLengthError(form.description.trim(), 200, 'A descrição'),
    unitPrice: form.unitPrice === null ? 'Informe o preço unitário.' : form.unitPrice < 0 ? 'O preço não pode ser negativo.' : null,
    municipalServiceCode: requiredError(form.municipalServiceCode, 'Informe o código de serviço municipal (item da lista de serviços).'),
    nationalTaxCode: form.nationalTaxCode.trim() === '' || /^\d{6}$/.test(national) ? null : 'O código de tributação nacional tem 6 dígitos.',
    issRate: iss === null ? 'Informe a alíquota do ISS (de 2% a 5%).' : iss < ISS_MIN || iss > ISS_MAX ? 'A alíquota do ISS deve estar entre 2% e 5%.' : null,
  });
}

export function serviceInput(form: ServiceForm): ServiceInput {
  return {
    code: form.code.trim(),
    description: form.description.trim(),
    unitPrice: form.unitPrice ?? 0,
    categoryId: textOrNull(form.categoryId),
    municipalServiceCode: form.municipalServiceCode.trim(),
    nationalTaxCode: textOrNull(form.nationalTaxCode.replace(/\D/g, '')),
    issRate: parseDecimalBR(form.issRate) ?? 0,
    active: form.active,
  };
}

export interface ProductForm {
  code: string;
  description: string;
  price: number | null;
  stock: string;
  unit: string;
  active: boolean;
}

export const EMPTY_PRODUCT_FORM: ProductForm = { code: '', description: '', price: null, stock: '0', unit: 'UN', active: true };

export function productToForm(p: Product): ProductForm {
  return { code: p.code ?? '', description: p.description ?? '', price: p.price ?? null, stock: formatDecimalBR(p.stock ?? 0), unit: p.unit ?? 'UN', active: p.active !== false };
}

export function validateProduct(form: ProductForm): Record<string, string> {
  const stock = parseDecimalBR(form.stock);
  return collectErrors({
    code: requiredError(form.code, 'Informe o código do produto.') ?? maxLengthError(form.code.trim(), 30, 'O código'),
    description: requiredError(form.description, 'Informe a descrição do produto.') ?? maxLengthError(form.description.trim(), 200, 'A descrição'),
    price: form.price === null ? 'Informe o preço.' : form.price < 0 ? 'O preço não pode ser negativo.' : null,
    stock: stock === null ? 'Informe o estoque (use 0 se não houver).' : null,
    unit: requiredError(form.unit, 'Informe a unidade (ex.: UN, CX, KG).') ?? maxLengthError(form.unit.trim(), 6, 'A unidade'),
  });
}

export function productInput(form: ProductForm): ProductInput {
  return { code: form.code.trim(), description: form.description.trim(), price: form.price ?? 0, stock: parseDecimalBR(form.stock) ?? 0, unit: form.unit.trim().toUpperCase(), active: form.active };
}

export function validateName(name: string, what: string): Record<string, string> {
  return collectErrors({ name: requiredError(name, `Informe o nome ${what}.`) ?? maxLengthError(name.trim(), 100, 'O nome') });
}
