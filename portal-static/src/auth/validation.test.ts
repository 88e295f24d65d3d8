import { describe, expect, it } from 'vitest';
import { confirmationError, emailError, passwordChecks, passwordError } from './validation';

describe('password rule', () => {
  it('needs at least 10 characters with letters and digits', () => {
    expect(passwordError('abcdefghi1')).toBeNull();
    expect(passwordError('ação123456')).toBeNull();
    expect(passwordError('abc123')).toBe('A senha precisa ter pelo menos 10 caracteres, com letras e números.');
    expect(passwordError('abcdefghijk')).not.toBeNull();
    expect(passwordError('12345678901')).not.toBeNull();
    expect(passwordError('')).toBe('Informe uma senha.');
  });

  it('reports each requirement for the checklist', () => {
    expect(passwordChecks('abc').map((c) => c.ok)).toEqual([false, true, false]);
    expect(passwordChecks('abcdefghij1').map((c) => c.ok)).toEqual([true, true, true]);
  });

  it('compares the confirmation', () => {
    expect(confirmationError('abcdefghi1', 'abcdefghi1')).toBeNull();
    expect(confirmationError('abcdefghi1', 'abcdefghi2')).toBe('As senhas não conferem.');
  });
});

describe('emailError', () => {
  it('accepts addresses and explains bad ones', () => {
    expect(emailError(' ana@empresa.com.br ')).toBeNull();
    expect(emailError('')).toBe('Informe o e-mail.');
    expect(emailError('ana@empresa')).toMatch(/^Informe um e-mail válido/);
  });
});
