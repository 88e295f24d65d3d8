import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container attached to the document (focus needs a connected node). */
export function mount(vnode: ComponentChild): { container: HTMLElement; rerender: (next: ComponentChild) => void; unmount: () => void } {
  const container = document.createElement('div');
  document.body.appendChild(container);
  act(() => render(vnode, container));
  return {
    container,
    rerender: (next) => act(() => render(next, container)),
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

export function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

export function click(target: Element): void {
  act(() => {
    (target as HTMLElement).click();
  });
}

/** Sets an input's text as typing would and fires the input event. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string): T {
  const found = [...root.querySelectorAll<T>(selector)].find((el) => el.textContent?.trim() === text);
  if (!found) throw new Error(`No ${selector} with text "${text}"`);
  return found;
}

export { act };

/** Lets pending promises (fake fetch answers) and the renders they cause settle. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function submit(form: HTMLFormElement): void {
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

/** The input whose <label> reads `label` (ignoring the required asterisk). */
export function field<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.replace('*', '').trim() === label);
  if (!found) throw new Error(`No label "${label}"`);
  const control = document.getElementById(found.htmlFor);
  if (!control) throw new Error(`Label "${label}" points to no control`);
  return control as T;
}

export interface FakeCall {
  method: string;
  url: string;
  body: unknown;
  headers: Headers;
}

/** A fetch that answers from `respond` and records every call. */
export function fakeFetch(respond: (call: FakeCall) => Response | Promise<Response>) {
  const calls: FakeCall[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: FakeCall = {
      method: init.method ?? 'GET',
      url: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
    };
    calls.push(call);
    return respond(call);
  };
  return { fn, calls };
}

export function jsonResponse(status: number, body?: unknown, contentType = 'application/json'): Response {
  return body === undefined ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}
