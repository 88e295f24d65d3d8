import { createStore, useStore } from '../app/store';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastMessage {
  id: number;
  tone: ToastTone;
  text: string;
}

export const toasts = createStore<ToastMessage[]>([]);
let nextId = 1;

const DURATION_MS: Record<ToastTone, number> = { success: 5000, info: 5000, error: 8000 };

export function showToast(tone: ToastTone, text: string): number {
  const id = nextId++;
  toasts.set((list) => [...list, { id, tone, text }]);
  setTimeout(() => dismissToast(id), DURATION_MS[tone]);
  return id;
}

export function dismissToast(id: number): void {
  toasts.set((list) => (list.some((t) => t.id === id) ? list.filter((t) => t.id !== id) : list));
}

/** toast.success('Convite enviado.'): short confirmations that do not need an answer. */
export const toast = {
  success: (text: string) => showToast('success', text),
  error: (text: string) => showToast('error', text),
  info: (text: string) => showToast('info', text),
};

/** Where toasts appear; render once per shell. A live region so screen readers read them. */
export function ToastRegion() {
  const list = useStore(toasts);
  return (
    <div class="toast-region" aria-live="polite" aria-relevant="additions">
      {list.map((t) => (
        <div key={t.id} class={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : undefined}>
          <span class="toast-text">{t.text}</span>
          <button type="button" class="toast-close" aria-label="Fechar notificação" onClick={() => dismissToast(t.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
