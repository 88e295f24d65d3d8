import { afterEach, describe, expect, it } from 'vitest';
import { currentTarget, href, matchPath, matchRoutes, navigate, normalizePath, parseHash, pathUrlToHash, routeLocation } from './router';

describe('parseHash', () => {
  it('splits path and query', () => {
    const loc = parseHash('#/redefinir-senha?token=abc%2B1&x=2');
    expect(loc.path).toBe('/redefinir-senha');
    expect(loc.query.get('token')).toBe('abc+1');
    expect(loc.query.get('x')).toBe('2');
  });

  it('treats an empty hash as the root and drops trailing slashes', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#').path).toBe('/');
    expect(parseHash('#/cliente/acme/').path).toBe('/cliente/acme');
    expect(normalizePath('painel')).toBe('/painel');
    expect(normalizePath('//a//b/')).toBe('/a/b');
  });
});

describe('matchPath', () => {
  it('captures and decodes parameters', () => {
    expect(matchPath('/cliente/:slug/pedidos/:id', '/cliente/acme-servicos/pedidos/01J%20X')).toEqual({ slug: 'acme-servicos', id: '01J X' });
  });

  it('matches exactly, not by prefix', () => {
    expect(matchPath('/cliente/:slug', '/cliente/acme/entrar')).toBeNull();
    expect(matchPath('/painel', '/painel/extra')).toBeNull();
    expect(matchPath('/painel', '/Painel')).toBeNull();
    expect(matchPath('/painel', '/painel/')).toEqual({});
  });

  it('rejects empty and badly encoded parameters', () => {
    expect(matchPath('/cliente/:slug', '/cliente/')).toBeNull();
    expect(matchPath('/x/:id', '/x/%E0%A4%A')).toBeNull();
  });

  it('picks the first matching route in order', () => {
    const routes = [{ path: '/cliente/:slug/entrar', name: 'login' }, { path: '/cliente/:slug', name: 'home' }, { path: '/cliente/:slug/:page', name: 'any' }];
    expect(matchRoutes(routes, '/cliente/acme/entrar')?.route.name).toBe('login');
    expect(matchRoutes(routes, '/cliente/acme')?.route.name).toBe('home');
    expect(matchRoutes(routes, '/cliente/acme/pedidos')?.params).toEqual({ slug: 'acme', page: 'pedidos' });
    expect(matchRoutes(routes, '/outra')).toBeNull();
  });
});

describe('navigation', () => {
  afterEach(() => {
    history.replaceState(null, '', '#/');
    navigate('/', { replace: true });
  });

  it('updates the location store and the URL', () => {
    navigate('/entrar?voltar=%2Fconfiguracoes%2Fusuarios');
    expect(location.hash).toBe('#/entrar?voltar=%2Fconfiguracoes%2Fusuarios');
    expect(routeLocation.get().path).toBe('/entrar');
    expect(routeLocation.get().query.get('voltar')).toBe('/configuracoes/usuarios');
    expect(currentTarget()).toBe('/entrar?voltar=%2Fconfiguracoes%2Fusuarios');
  });

  it('replaces the history entry for redirects', () => {
    navigate('/painel');
    const length = history.length;
    navigate('/entrar', { replace: true });
    expect(history.length).toBe(length);
    expect(routeLocation.get().path).toBe('/entrar');
  });

  it('follows hash changes made by links', () => {
    location.hash = '#/cadastro';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(routeLocation.get().path).toBe('/cadastro');
  });

  it('builds hrefs with only the query values that are set', () => {
    expect(href('/convite', { token: 'a b', vazio: '', nada: null })).toBe('#/convite?token=a+b');
    expect(href('/painel')).toBe('#/painel');
  });
});

describe('pathUrlToHash', () => {
  it('moves a customer-area path into the hash', () => {
    expect(pathUrlToHash('/cliente/acme/', '')).toBe('/#/cliente/acme');
    expect(pathUrlToHash('/cliente/acme/convite', '', '?token=x')).toBe('/#/cliente/acme/convite?token=x');
  });

  it('leaves other URLs alone', () => {
    expect(pathUrlToHash('/', '')).toBeNull();
    expect(pathUrlToHash('/cliente/acme', '#/cliente/acme/entrar')).toBeNull();
  });
});
