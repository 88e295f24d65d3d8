import { describe, expect, it, vi } from 'vitest';
import { createPersistentStore, createStore } from './store';

describe('createStore', () => {
  it('notifies subscribers on change only', () => {
    const store = createStore(1);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set(2);
    store.set(2);
    store.set((n) => n + 1);
    expect(listener.mock.calls).toEqual([[2], [3]]);
    unsubscribe();
    store.set(10);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('createPersistentStore', () => {
  it('saves to storage, restores on creation and removes on null', () => {
    localStorage.clear();
    const a = createPersistentStore<{ n: number } | null>('test.key', null);
    a.set({ n: 5 });
    expect(JSON.parse(localStorage.getItem('test.key')!)).toEqual({ n: 5 });
    const b = createPersistentStore<{ n: number } | null>('test.key', null);
    expect(b.get()).toEqual({ n: 5 });
    b.set(null);
    expect(localStorage.getItem('test.key')).toBeNull();
  });

  it('ignores unreadable saved data', () => {
    localStorage.setItem('test.bad', '{not json');
    const store = createPersistentStore('test.bad', 'fallback');
    expect(store.get()).toBe('fallback');
    expect(localStorage.getItem('test.bad')).toBeNull();
  });
});
