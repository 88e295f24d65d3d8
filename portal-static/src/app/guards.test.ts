import { describe, expect, it } from 'vitest';
import { guardCustomer, guardStaff } from './guards';
import { safeReturnPath } from './safeRedirect';

const sales = { user: { roles: ['sales'] } };
const admin = { user: { roles: ['admin'] } };

describe('guardStaff', () => {
  it('sends visitors without a session to the login page and back afterwards', () => {
    expect(guardStaff(null, undefined, '/configuracoes/usuarios')).toEqual({ kind: 'redirect', to: '/entrar?voltar=%2Fconfiguracoes%2Fusuarios' });
    expect(guardStaff(null, undefined, '/')).toEqual({ kind: 'redirect', to: '/entrar' });
  });

  it('checks the role when the page names roles', () => {
    expect(guardStaff(sales, ['admin'], '/x')).toEqual({ kind: 'forbidden' });
    expect(guardStaff(admin, ['admin'], '/x')).toEqual({ kind: 'allow' });
    expect(guardStaff(sales, undefined, '/x')).toEqual({ kind: 'allow' });
  });
});

describe('guardCustomer', () => {
  it('needs the session of the same company', () => {
    expect(guardCustomer({ slug: 'acme' }, 'acme', '/cliente/acme')).toEqual({ kind: 'allow' });
    expect(guardCustomer({ slug: 'outra' }, 'acme', '/cliente/acme')).toEqual({ kind: 'redirect', to: '/cliente/acme/entrar?voltar=%2Fcliente%2Facme' });
    expect(guardCustomer(null, 'acme', '/cliente/acme').kind).toBe('redirect');
  });
});

describe('safeReturnPath', () => {
  it('keeps only paths inside the app', () => {
    expect(safeReturnPath('/configuracoes/usuarios', '/painel')).toBe('/configuracoes/usuarios');
    expect(safeReturnPath('//evil.example', '/painel')).toBe('/painel');
    expect(safeReturnPath('https://evil.example', '/painel')).toBe('/painel');
    expect(safeReturnPath('/\\evil.example', '/painel')).toBe('/painel');
    expect(safeReturnPath('/entrar?voltar=x', '/painel')).toBe('/painel');
    expect(safeReturnPath(null, '/painel')).toBe('/painel');
  });
});
