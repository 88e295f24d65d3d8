import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { navigate, routeLocation } from '../app/router';
import { customerApi, customerSession } from './session';
import { staffSession } from '../auth/session';
import { byText, fakeFetch, field, jsonResponse, mount, settle, submit, type, type FakeCall } from '../test/render';

const loginBody = {
  accessToken: 'c-access',
  refreshToken: 'c-refresh',
  expiresIn: 900,
  customer: { contactName: 'João Pereira', customerId: 'c1', customerName: 'Condomínio Jardim das Flores', tenantName: 'Acme Serviços' },
};

describe('customer area', () => {
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
    customerSession('acme').set(null);
  });

  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('signs a customer in to the company named by the slug', async () => {
    serve(() => jsonResponse(200, loginBody));
    const page = await open('/cliente/acme/entrar');
    type(field(page, 'E-mail'), 'joao@flores.com.br');
    type(field(page, 'Senha'), 'senhaCliente1');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/customer-auth/acme/login', body: { email: 'joao@flores.com.br', password: 'senhaCliente1' } });
    expect(routeLocation.get().path).toBe('/cliente/acme');
    expect(page.textContent).toContain('Olá, João!');
    // The staff session is untouched: the two kinds of token never mix.
    expect(staffSession.get()).toBeNull();
    expect(localStorage.getItem('crmsaas.customer.acme.session')).not.toBeNull();
  });

  it('sets the password from the invitation and signs in when the server returns tokens', async () => {
    serve(() => jsonResponse(200, loginBody));
    const page = await open('/cliente/acme/convite?token=inv-1');
    type(field(page, 'Senha'), 'senhaCliente1');
    type(field(page, 'Confirme a senha'), 'senhaCliente1');
    submit(page.querySelector('form')!);
    await settle();
    expect(calls[0]).toMatchObject({ url: '/api/customer-auth/acme/accept-invitation', body: { token: 'inv-1', password: 'senhaCliente1' } });
    expect(routeLocation.get().path).toBe('/cliente/acme');
  });

  it('sends the customer to the login page with a notice when the invitation answer has no tokens', async () => {
    serve(() => jsonResponse(204));
    const page = await open('/cliente/acme/convite?token=inv-1');
    type(field(page, 'Senha'), 'senhaCliente1');
    type(field(page, 'Confirme a senha'), 'senhaCliente1');
    submit(page.querySelector('form')!);
    await settle();
    expect(routeLocation.get().path).toBe('/cliente/acme/entrar');
    expect(page.textContent).toContain('Senha criada.');
  });

  it('refreshes customer tokens at the customer endpoint', async () => {
    customerSession('acme').set({ accessToken: 'old', refreshToken: 'c-r1', expiresAt: 0, slug: 'acme', customer: loginBody.customer });
    serve((call) => {
      if (call.url === '/api/customer-auth/refresh') return jsonResponse(200, { ...loginBody, accessToken: 'new' });
      return call.headers.get('authorization') === 'Bearer new' ? jsonResponse(200, { items: [] }) : jsonResponse(401);
    });
    await customerApi('acme').get('/api/customer-area/orders');
    expect(calls.map((c) => c.url)).toEqual(['/api/customer-area/orders', '/api/customer-auth/refresh', '/api/customer-area/orders']);
    expect(calls[1]!.body).toEqual({ refreshToken: 'c-r1' });
    expect(customerSession('acme').get()?.accessToken).toBe('new');
  });

  it('signs out with Sair', async () => {
    customerSession('acme').set({ accessToken: 'a', refreshToken: 'c-r1', expiresAt: 0, slug: 'acme', customer: loginBody.customer });
    serve(() => jsonResponse(204));
    const page = await open('/cliente/acme');
    byText<HTMLButtonElement>(page, 'button', 'Sair').click();
    await settle();
    expect(calls.at(-1)).toMatchObject({ url: '/api/customer-auth/logout', body: { refreshToken: 'c-r1' } });
    expect(routeLocation.get().path).toBe('/cliente/acme/entrar');
  });
});
