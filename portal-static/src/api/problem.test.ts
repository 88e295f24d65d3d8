import { describe, expect, it } from 'vitest';
import { fieldErrorMessages, normalizeFieldKey, parseProblem, problemFromResponse, problemHeading } from './problem';

describe('parseProblem', () => {
  it('keeps the server code and pt-BR detail', () => {
    const error = parseProblem(422, { type: 'about:blank', title: 'Billing blocked', status: 422, code: 'billing_blocked', detail: 'O item tem 3 tarefas concluídas e 5 faturadas.' });
    expect(error.status).toBe(422);
    expect(error.code).toBe('billing_blocked');
    expect(error.title).toBe('Billing blocked');
    expect(error.detail).toBe('O item tem 3 tarefas concluídas e 5 faturadas.');
    expect(error.message).toBe(error.detail);
  });

  it('maps ASP.NET validation errors to the names our inputs use', () => {
    const error = parseProblem(400, {
      title: 'One or more validation errors occurred.',
      errors: { Email: ['E-mail inválido.'], '$.taxId': ['CNPJ inválido.'], 'Items[0].Quantity': ['Deve ser maior que zero.', 'Obrigatório.'] },
    });
    expect(error.code).toBe('validation');
    expect(error.isValidation).toBe(true);
    expect(error.detail).toBe('Alguns campos precisam de correção.');
    expect(fieldErrorMessages(error)).toEqual({
      email: 'E-mail inválido.',
      taxId: 'CNPJ inválido.',
      'items[0].quantity': 'Deve ser maior que zero. Obrigatório.',
    });
  });

  it('falls back to a pt-BR message by status when the body is not a problem', () => {
    expect(parseProblem(404, '<html>').detail).toBe('Registro não encontrado.');
    expect(parseProblem(403, undefined).code).toBe('forbidden');
    expect(parseProblem(503, null).code).toBe('server_error');
    expect(parseProblem(503, null).detail).toBe('Ocorreu um erro inesperado. Tente novamente em instantes.');
    expect(parseProblem(429, {}).detail).toMatch(/Muitas tentativas/);
  });

  it('treats 412 as a conflict even without a code', () => {
    const error = parseProblem(412, {});
    expect(error.isConflict).toBe(true);
    expect(problemHeading(error)).toBe('Registro alterado por outra pessoa');
  });

  it('ignores malformed errors', () => {
    expect(parseProblem(400, { errors: ['x'] }).errors).toBeUndefined();
    expect(parseProblem(400, { errors: { name: [] } }).errors).toBeUndefined();
    expect(parseProblem(400, { errors: { name: 'Obrigatório.' } }).errors).toEqual({ name: ['Obrigatório.'] });
  });

  it('reads a problem+json response body', async () => {
    const response = new Response(JSON.stringify({ code: 'not_found', detail: 'Pedido não encontrado.' }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const error = await problemFromResponse(response);
    expect(error.detail).toBe('Pedido não encontrado.');
  });

  it('normalises field keys', () => {
    expect(normalizeFieldKey('LegalName')).toBe('legalName');
    expect(normalizeFieldKey('$.adminName')).toBe('adminName');
    expect(normalizeFieldKey('Lines[2].UnitPrice')).toBe('lines[2].unitPrice');
  });
});
