import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { FieldBaseProps } from './Field';

export interface LookupOption {
  id: string;
  label: string;
  /** Second line in the list, e.g. the CNPJ or the service code. */
  detail?: string | undefined;
}

export interface LookupFieldProps extends FieldBaseProps {
  value: LookupOption | null;
  onValue: (option: LookupOption | null) => void;
  /** Finds records for the typed text (the API's `?q=` search); '' lists the first ones. */
  search: (term: string, signal: AbortSignal) => Promise<LookupOption[]>;
  placeholder?: string;
  /** Milliseconds of quiet typing before searching. */
  delay?: number;
}

/**
 * A searchable picker for records too many for a <select> (customers, accounts, services): a
 * WAI-ARIA combobox whose list is filled by the API search. Arrow keys move through the results,
 * Enter picks, Esc closes; clearing the text and leaving the field clears the choice.
 */
export function LookupField(props: LookupFieldProps) {
  const { value, onValue, search, placeholder = 'Digite para buscar…', delay = 250, label, name, error, hint, required, disabled, id, class: className } = props;
  const generated = useId();
  const controlId = id ?? `lk-${generated}`;
  const listId = `${controlId}-list`;
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<LookupOption[]>([]);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const controller = useRef<AbortController | null>(null);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    setText(value?.label ?? '');
  }, [value?.id, value?.label]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );

  const runSearch = (term: string) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setLoading(true);
    setFailed(false);
    searchRef.current(term.trim(), c.signal).then(
      (found) => {
        if (c.signal.aborted) return;
        setOptions(found);
        setActive(found.length > 0 ? 0 : -1);
        setLoading(false);
      },
      () => {
        if (c.signal.aborted) return;
        setOptions([]);
        setFailed(true);
        setLoading(false);
      },
    );
  };

  const schedule = (term: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => runSearch(term), delay);
  };

  const pick = (option: LookupOption) => {
    setText(option.label);
    setOpen(false);
    onValue(option);
  };

  const close = () => {
    setOpen(false);
    if (timer.current) clearTimeout(timer.current);
    controller.current?.abort();
    if (text.trim() === '') {
      if (value) onValue(null);
    } else {
      // Typed text that was not picked does not count: show the chosen record again.
      setText(value?.label ?? '');
    }
  };

  const describedBy = [hint ? `${controlId}-hint` : '', error ? `${controlId}-error` : ''].filter(Boolean).join(' ') || undefined;
  const activeId = open && active >= 0 ? `${listId}-${active}` : undefined;

  return (
    <div class={`field lookup${error ? ' field-invalid' : ''}${className ? ' ' + className : ''}`}>
      <label for={controlId} class="field-label">
        {label}
        {required && (
          <span class="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <div class="lookup-control">
        <input
          id={controlId}
          name={name}
          type="text"
          class="input"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          placeholder={placeholder}
          value={text}
          disabled={disabled}
          required={required}
          onFocus={() => {
            if (!open) {
              setOpen(true);
              runSearch(value ? '' : text);
            }
          }}
          onInput={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            setOpen(true);
            schedule(next);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) {
                setOpen(true);
                runSearch(text);
              } else if (options.length > 0) setActive((a) => (a + 1) % options.length);
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              if (options.length > 0) setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
            } else if (e.key === 'Enter') {
              if (open && active >= 0 && options[active]) {
                e.preventDefault();
                pick(options[active]!);
              }
            } else if (e.key === 'Escape') {
              if (open) {
                e.preventDefault();
                e.stopPropagation();
                close();
              }
            }
          }}
          onBlur={close}
        />
      </div>
      <ul id={listId} role="listbox" aria-label={label} class="lookup-list" hidden={!open}>
        {open && loading && options.length === 0 && <li class="lookup-status">Buscando…</li>}
        {open && !loading && failed && <li class="lookup-status">Não foi possível buscar. Tente de novo.</li>}
        {open && !loading && !failed && options.length === 0 && <li class="lookup-status">Nenhum resultado.</li>}
        {open &&
          options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={`lookup-option${i === active ? ' lookup-option-active' : ''}`}
              // mousedown would blur the input (and close the list) before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              <span class="lookup-option-label">{o.label}</span>
              {o.detail && <span class="lookup-option-detail">{o.detail}</span>}
            </li>
          ))}
      </ul>
      {hint && (
        <div id={`${controlId}-hint`} class="field-hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${controlId}-error`} class="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
