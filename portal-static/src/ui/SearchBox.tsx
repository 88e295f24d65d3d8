import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface SearchBoxProps {
  label: string;
  onSearch: (term: string) => void;
  initialValue?: string;
  placeholder?: string;
  /** Milliseconds of quiet typing before searching. */
  delay?: number;
  /** Ignore terms shorter than this (except the empty term, which clears the search). */
  minLength?: number;
}

/** Searches while the user types, once typing pauses; Enter searches at once. */
export function SearchBox({ label, onSearch, initialValue = '', placeholder = 'Buscar…', delay = 300, minLength = 1 }: SearchBoxProps) {
  const id = `s-${useId()}`;
  const [value, setValue] = useState(initialValue);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSearched = useRef(initialValue.trim());
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  const fire = (text: string) => {
    const term = text.trim();
    if (term !== '' && term.length < minLength) return;
    if (term === lastSearched.current) return;
    lastSearched.current = term;
    onSearchRef.current(term);
  };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return (
    <form
      role="search"
      class="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        if (timer.current) clearTimeout(timer.current);
        fire(value);
      }}
    >
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        class="input"
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        onInput={(e) => {
          const next = e.currentTarget.value;
          setValue(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => fire(next), delay);
        }}
      />
    </form>
  );
}
