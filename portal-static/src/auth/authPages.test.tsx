import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { navigate, routeLocation } from '../app/router';
import { staffSession } from './session';
import { byText, fakeFetch, field, jsonResponse, mount, settle, submit, type, type FakeCall } from '../test/render';

const loginBody = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  user: { id: 'u1', name: 'Mariana Souza', email: 'mariana@acme.com.br', roles: ['admin'], tenantId: 't1', tenantName: 'Acme Serviços', tenantSlug: 'acme' },
};

describe('staff auth pages', () => {
  let cleanup: (() => void) | undefined;
  let calls: FakeCall[];

  function serve(respond: (call: FakeCall) => Response) {
    const fake = fakeFetch(respond);
    calls = fake.calls;
    vi.stubGlobal('fetch', fake.fn);
  }

  async function open(path: string) {
    navigate(path, { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle();
    return view.container;
  }

  beforeEach(() => {
    localStorage.clear();
    staffSession.set(null);
  });

  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('signs in, keeps the session and returns to the page asked for', async () => {
    serve((call) => (call.url.endsWith('/api/auth/login') ? jsonResponse(200, loginBody) : jsonResponse(200, { items: [] })));
    const page = await open('/entrar?voltar=%2Fconfiguracoes%2Fusuarios');
    type(field(page, 'E-mail'), 'mariana@acme.com.br');
    type(field(page, 'Senha'), 'segredo12345');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/auth/login', body: { email: 'mariana@acme.com.br', password: 'segredo12345' } });
    expect(calls[0]!.headers.get('authorization')).toBeNull();
    expect(staffSession.get()?.user.tenantSlug).toBe('acme');
    expect(JSON.parse(localStorage.getItem('crmsaas.staff.session')!).refreshToken).toBe('refresh-1');
    expect(routeLocation.get().path).toBe('/configuracoes/usuarios');
  });

  it('explains wrong credentials in Portuguese', async () => {
    serve(() => jsonResponse(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'));
    const page = await open('/entrar');
    type(field(page, 'E-mail'), 'mariana@acme.com.br');
    type(field(page, 'Senha'), 'errada12345');
    submit(page.querySelector('form')!);
    await settle();
    expect(page.querySelector('[role="alert"]')!.textContent).toContain('E-mail ou senha incorretos.');
    expect(staffSession.get()).toBeNull();
  });

  it('checks the form before calling the server', async () => {
    serve(() => jsonResponse(500));
    const page = await open('/entrar');
    submit(page.querySelector('form')!);
    await settle(1);
    expect(calls).toHaveLength(0);
    expect(field(page, 'E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(page.textContent).toContain('Informe o e-mail.');
    expect(page.textContent).toContain('Informe a senha.');
  });

  it('signs up a company with an alphanumeric CNPJ and asks to verify the e-mail', async () => {
    serve(() => jsonResponse(201, { tenantId: 't1', slug: 'acme' }));
    const page = await open('/cadastro');
    type(field(page, 'Razão social'), 'Acme Serviços de Manutenção Ltda');
    type(field(page, 'Nome fantasia'), 'Acme Serviços');
    type(field(page, 'CNPJ ou CPF'), '12abc34501de35');
    expect(field(page, 'CNPJ ou CPF').value).toBe('12.ABC.345/01DE-35');
    type(field(page, 'Seu nome'), 'Mariana Souza');
    type(field(page, 'E-mail'), 'mariana@acme.com.br');
    type(field(page, 'Senha'), 'segredo12345');
    type(field(page, 'Confirme a senha'), 'segredo12345');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({
      url: '/api/auth/signup',
      body: { legalName: 'Acme Serviços de Manutenção Ltda', tradeName: 'Acme Serviços', taxId: '12ABC34501DE35', adminName: 'Mariana Souza', email: 'mariana@acme.com.br', password: 'segredo12345' },
    });
    expect(page.querySelector('h1')!.textContent).toBe('Verifique seu e-mail');
    expect(page.textContent).toContain('mariana@acme.com.br');
  });

  it('rejects a CNPJ with wrong check digits and a weak password without calling the server', async () => {
    serve(() => jsonResponse(201, {}));
    const page = await open('/cadastro');
    type(field(page, 'CNPJ ou CPF'), '12ABC34501DE36');
    type(field(page, 'Senha'), 'curta1');
    submit(page.querySelector('form')!);
    await settle(1);
    expect(calls).toHaveLength(0);
    expect(page.textContent).toContain('CNPJ inválido: confira os caracteres e os dígitos verificadores.');
    expect(page.textContent).toContain('A senha precisa ter pelo menos 10 caracteres, com letras e números.');
  });

  it('puts server field errors next to the inputs', async () => {
    serve(() => jsonResponse(400, { code: 'validation', detail: 'Alguns campos precisam de correção.', errors: { Email: ['Este e-mail já está cadastrado.'] } }, 'application/problem+json'));
    const page = await open('/cadastro');
    type(field(page, 'Razão social'), 'Acme');
    type(field(page, 'Nome fantasia'), 'Acme');
    type(field(page, 'CNPJ ou CPF'), '11222333000181');
    type(field(page, 'Seu nome'), 'Mariana');
    type(field(page, 'E-mail'), 'mariana@acme.com.br');
    type(field(page, 'Senha'), 'segredo12345');
    type(field(page, 'Confirme a senha'), 'segredo12345');
    submit(page.querySelector('form')!);
    await settle();
    const email = field(page, 'E-mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('Este e-mail já está cadastrado.');
    type(email, 'outro@acme.com.br');
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('confirms the e-mail from the link', async () => {
    serve(() => jsonResponse(204));
    const page = await open('/confirmar-email?token=abc123');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/api/auth/confirm-email', body: { token: 'abc123' } });
    expect(page.querySelector('h1')!.textContent).toBe('E-mail confirmado');
  });

  it('shows why a confirmation link failed', async () => {
    serve(() => jsonResponse(400, { code: 'invalid_token', detail: 'Este link expirou. Peça um novo e-mail de confirmação.' }, 'application/problem+json'));
    const page = await open('/confirmar-email?token=velho');
    expect(page.querySelector('h1')!.textContent).toBe('Não foi possível confirmar');
    expect(page.textContent).toContain('Este link expirou.');
  });

  it('resets the password from the link and goes to login', async () => {
    serve(() => jsonResponse(204));
    const page = await open('/redefinir-senha?token=t1');
    type(field(page, 'Senha'), 'novaSenha123');
    type(field(page, 'Confirme a senha'), 'novaSenha123');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({ url: '/api/auth/password-reset/confirm', body: { token: 't1', password: 'novaSenha123' } });
    expect(routeLocation.get().path).toBe('/entrar');
    expect(page.textContent).toContain('Senha alterada. Entre com a nova senha.');
  });

  it('asks for a reset link without telling whether the account exists', async () => {
    serve(() => jsonResponse(202));
    const page = await open('/esqueci-senha');
    type(field(page, 'E-mail'), 'ninguem@acme.com.br');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({ url: '/api/auth/password-reset', body: { email: 'ninguem@acme.com.br' } });
    expect(page.textContent).toContain('Se houver uma conta com o e-mail ninguem@acme.com.br');
  });

  it('accepts an invitation and signs the new user in', async () => {
    serve((call) => (call.url.endsWith('/accept-invitation') ? jsonResponse(200, { ...loginBody, user: { ...loginBody.user, roles: ['sales'] } }) : jsonResponse(200, { items: [] })));
    const page = await open('/convite?token=conv1');
    type(field(page, 'Seu nome'), 'Carlos Lima');
    type(field(page, 'Senha'), 'senhaForte12');
    type(field(page, 'Confirme a senha'), 'senhaForte12');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({ url: '/api/auth/accept-invitation', body: { token: 'conv1', name: 'Carlos Lima', password: 'senhaForte12' } });
    expect(staffSession.get()?.user.roles).toEqual(['sales']);
    expect(routeLocation.get().path).toBe('/painel');
  });

  it('signs out through the user menu and revokes the refresh token', async () => {
    staffSession.set({ accessToken: 'a', refreshToken: 'refresh-9', expiresAt: 0, user: loginBody.user });
    serve(() => jsonResponse(204));
    const page = await open('/painel');
    page.querySelector<HTMLButtonElement>('.user-menu-button')!.click();
    await settle(1);
    byText<HTMLButtonElement>(page, 'button', 'Sair').click();
    await settle();
    expect(calls.at(-1)).toMatchObject({ url: '/api/auth/logout', body: { refreshToken: 'refresh-9' } });
    expect(staffSession.get()).toBeNull();
    expect(routeLocation.get().path).toBe('/entrar');
  });
});
