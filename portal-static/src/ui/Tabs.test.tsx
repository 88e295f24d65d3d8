import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'preact/hooks';
import { Tabs } from './Tabs';
import { mount, press } from '../test/render';

function CustomerTabs() {
  const [tab, setTab] = useState('dados');
  return (
    <Tabs
      label="Cliente"
      selected={tab}
      onSelect={setTab}
      tabs={[
        { id: 'dados', label: 'Dados', panel: () => <p>Dados do cliente</p> },
        { id: 'ocorrencias', label: 'Ocorrências', panel: () => <p>Ocorrências do cliente</p> },
        { id: 'inventario', label: 'Inventário', panel: () => <p>Inventário do cliente</p> },
      ]}
    />
  );
}

describe('Tabs', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('moves between tabs with arrows, Home and End', () => {
    const view = mount(<CustomerTabs />);
    cleanup = view.unmount;
    const tabs = () => [...view.container.querySelectorAll<HTMLElement>('[role="tab"]')];
    const panel = () => view.container.querySelector('[role="tabpanel"]')!;
    tabs()[0]!.focus();
    press(tabs()[0]!, 'ArrowRight');
    expect(tabs()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs()[1]);
    expect(panel().textContent).toBe('Ocorrências do cliente');
    expect(panel().getAttribute('aria-labelledby')).toBe(tabs()[1]!.id);
    press(tabs()[1]!, 'End');
    expect(panel().textContent).toBe('Inventário do cliente');
    press(tabs()[2]!, 'ArrowRight');
    expect(panel().textContent).toBe('Dados do cliente');
    press(tabs()[0]!, 'ArrowLeft');
    expect(panel().textContent).toBe('Inventário do cliente');
    expect(tabs().map((t) => t.tabIndex)).toEqual([-1, -1, 0]);
  });
});
