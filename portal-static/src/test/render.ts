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
