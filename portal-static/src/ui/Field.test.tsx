import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { DateField, MaskedField, MoneyField, TextField } from './Field';
import { ErrorBanner } from './ErrorBanner';
import { ApiError } from '../api/problem';
import { maskTaxId } from '../format/masks';
import { act, byText, click, mount, type } from '../test/render';

describe('fields', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('ties the label, hint and error to the input', () => {
    const view = mount(<TextField label="E-mail" name="email" value="" onValue={() => {}} hint="Usado para entrar" error="E-mail inválido." required />);
    cleanup = view.unmount;
    const input = view.container.querySelector('input')!;
    const label = view.container.querySelector('label')!;
    expect(label.htmlFor).toBe(input.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(described).toEqual(['Usado para entrar', 'E-mail inválido.']);
  });

  it('masks a CNPJ as the user types, accepting letters', () => {
    function Form() {
      const [value, setValue] = useState('');
      return (
        <>
          <MaskedField label="CNPJ ou CPF" value={value} onValue={setValue} mask={maskTaxId} inputMode="text" />
          <output>{value}</output>
        </>
      );
    }
    const view = mount(<Form />);
    cleanup = view.unmount;
    const input = view.container.querySelector('input')!;
    type(input, '12abc34501de35');
    expect(input.value).toBe('12.ABC.345/01DE-35');
    expect(view.container.querySelector('output')!.textContent).toBe('12.ABC.345/01DE-35');
    type(input, '12.ABC.345/01DE-35x');
    expect(input.value).toBe('12.ABC.345/01DE-35');
  });

  it('reads money typed in pt-BR and formats it on blur', () => {
    const onValue = vi.fn();
    const view = mount(<MoneyField label="Valor unitário" value={null} onValue={onValue} />);
    cleanup = view.unmount;
    const input = view.container.querySelector('input')!;
    act(() => {
      input.dispatchEvent(new FocusEvent('focus'));
    });
    type(input, '1234,5');
    expect(onValue).toHaveBeenLastCalledWith(1234.5);
    act(() => {
      input.dispatchEvent(new FocusEvent('blur'));
    });
    expect(input.value).toBe('1.234,50');
    act(() => {
      input.dispatchEvent(new FocusEvent('focus'));
    });
    type(input, '12,345');
    act(() => {
      input.dispatchEvent(new FocusEvent('blur'));
    });
    expect(view.container.textContent).toContain('Valor inválido. Use o formato 1.234,56.');
    expect(onValue).toHaveBeenLastCalledWith(null);
  });

  it('reports a typed date as ISO and flags impossible dates', () => {
    const onValue = vi.fn();
    const view = mount(<DateField label="Data da visita" value={null} onValue={onValue} />);
    cleanup = view.unmount;
    const input = view.container.querySelector('input')!;
    type(input, '15072026');
    expect(input.value).toBe('15/07/2026');
    expect(onValue).toHaveBeenLastCalledWith('2026-07-15');
    type(input, '31022026');
    expect(onValue).toHaveBeenLastCalledWith(null);
    act(() => {
      input.dispatchEvent(new FocusEvent('blur'));
    });
    expect(view.container.textContent).toContain('Data inválida. Use o formato dd/mm/aaaa.');
  });
});

describe('ErrorBanner', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('offers Recarregar for an edit conflict and shows the server message', () => {
    const onReload = vi.fn();
    const detail = 'Este registro foi alterado por outra pessoa. Recarregue a página e tente novamente.';
    const view = mount(<ErrorBanner error={new ApiError({ status: 412, code: 'conflict', title: 'Conflict', detail })} onReload={onReload} />);
    cleanup = view.unmount;
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Registro alterado por outra pessoa');
    expect(alert.textContent).toContain(detail);
    click(byText(alert, 'button', 'Recarregar'));
    expect(onReload).toHaveBeenCalled();
  });

  it('lists field errors that no input shows', () => {
    const error = new ApiError({ status: 400, code: 'validation', title: 'x', detail: 'Alguns campos precisam de correção.', errors: { email: ['E-mail já cadastrado.'], plan: ['Plano indisponível.'] } });
    const view = mount(<ErrorBanner error={error} fieldNames={['email']} />);
    cleanup = view.unmount;
    const items = [...view.container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Plano indisponível.']);
  });
});
