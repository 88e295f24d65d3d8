import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { ConfirmDialog, Modal } from './Modal';
import { ApiError } from '../api/problem';
import { byText, click, mount, press } from '../test/render';

function DeleteOccurrence({ onDelete }: { onDelete: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" id="opener" onClick={() => setOpen(true)}>
        Excluir
      </button>
      <ConfirmDialog
        open={open}
        title="Excluir ocorrência?"
        message="A ocorrência de 15/07/2026 será excluída definitivamente."
        confirmLabel="Excluir"
        onConfirm={() => {
          onDelete();
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

describe('ConfirmDialog', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('asks before a destructive action, starting on Cancelar', () => {
    const onDelete = vi.fn();
    const view = mount(<DeleteOccurrence onDelete={onDelete} />);
    cleanup = view.unmount;
    const opener = view.container.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    click(opener);

    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Excluir ocorrência?');
    expect(dialog.textContent).toContain('será excluída definitivamente');
    expect(document.activeElement?.textContent).toBe('Cancelar');

    click(byText(dialog, 'button', 'Excluir'));
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes with Esc or Cancelar without acting', () => {
    const onDelete = vi.fn();
    const view = mount(<DeleteOccurrence onDelete={onDelete} />);
    cleanup = view.unmount;
    const opener = view.container.querySelector<HTMLButtonElement>('#opener')!;
    click(opener);
    press(document.activeElement!, 'Escape');
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();

    click(opener);
    click(byText(document.body, '[role="alertdialog"] button', 'Cancelar'));
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('shows the error of a failed attempt and blocks closing while busy', () => {
    const onCancel = vi.fn();
    const error = new ApiError({ status: 409, code: 'conflict', title: 'Conflict', detail: 'A ocorrência já foi excluída.' });
    const view = mount(<ConfirmDialog open title="Excluir ocorrência?" message="x" confirmLabel="Excluir" busy error={error} onConfirm={() => {}} onCancel={onCancel} />);
    cleanup = view.unmount;
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.querySelector('[role="alert"]')!.textContent).toContain('A ocorrência já foi excluída.');
    press(dialog, 'Escape');
    expect(onCancel).not.toHaveBeenCalled();
    expect(byText<HTMLButtonElement>(dialog, 'button', 'Excluir').disabled).toBe(true);
  });
});

describe('Modal', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('keeps Tab and Shift+Tab inside the dialog', () => {
    const view = mount(
      <Modal open title="Convidar usuário" onClose={() => {}} footer={<button type="button">Enviar convite</button>}>
        <input aria-label="Nome" />
      </Modal>,
    );
    cleanup = view.unmount;
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    const focusables = [...dialog.querySelectorAll<HTMLElement>('button, input')];
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    expect(document.activeElement).toBe(first); // the close button comes first in the header
    last.focus();
    press(last, 'Tab');
    expect(document.activeElement).toBe(first);
    press(first, 'Tab', { shiftKey: true });
    expect(document.activeElement).toBe(last);
  });
});
