import { useEffect, useState } from 'preact/hooks';

/** A value with change notification: the whole state library this app needs. */
export interface Store<T> {
  get(): T;
  set(next: T | ((previous: T) => T)): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A store whose value survives reloads in Web Storage under `key`. Bad or foreign JSON in storage
 * is treated as absent, so a format change never locks a user out of the page.
 */
export function createPersistentStore<T>(key: string, initial: T, storage: Storage | undefined = safeLocalStorage()): Store<T> {
  let start = initial;
  const saved = storage?.getItem(key);
  if (saved != null) {
    try {
      start = JSON.parse(saved) as T;
    } catch {
      storage?.removeItem(key);
    }
  }
  const store = createStore<T>(start);
  store.subscribe((value) => {
    if (!storage) return;
    if (value == null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  });
  return store;
}

/** Re-renders the component whenever the store changes. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    setValue(() => store.get());
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can throw when the browser blocks it (private mode, disabled cookies).
    return undefined;
  }
}
