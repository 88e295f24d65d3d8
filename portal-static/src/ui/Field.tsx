import type { ComponentChildren, InputHTMLAttributes, LooseInputHTMLAttributes, Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatMoneyPlain, parseMoney } from '../format/money';
import { formatDate, parseDateBR } from '../format/date';
import { caretAfterSignificant, maskDate, significantCount } from '../format/masks';

/** What every form field has: a visible label tied to the control, a hint and an error message. */
export interface FieldBaseProps {
  label: string;
  /** Field name; also the key under which server validation errors arrive (see fieldErrorMessages). */
  name?: string;
  id?: string;
  error?: string | null | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  disabled?: boolean;
  class?: string;
}

interface ShellProps extends FieldBaseProps {
  controlId: string;
  children: ComponentChildren;
}

function FieldShell({ label, controlId, error, hint, required, class: className, children }: ShellProps) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}${className ? ' ' + className : ''}`}>
      <label for={controlId} class="field-label">
        {label}
        {required && (
          <span class="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
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

function describedBy(controlId: string, props: FieldBaseProps): string | undefined {
  const ids = [props.hint ? `${controlId}-hint` : '', props.error ? `${controlId}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function useControlId(id: string | undefined): string {
  const generated = useId();
  return id ?? `f-${generated}`;
}

interface InputExtras {
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  autoFocus?: boolean;
  readOnly?: boolean;
  spellcheck?: boolean;
  autoCapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
  min?: number | string;
  max?: number | string;
  step?: number | string;
}

/**
 * Preact 11 types <input> as a union keyed by a literal `type`; a field whose type is a prop
 * (a union) cannot pick a member, so its attributes are built loose and handed over here.
 */
function inputAttributes(attributes: LooseInputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> {
  return attributes as InputHTMLAttributes<HTMLInputElement>;
}

export interface TextFieldProps extends FieldBaseProps, InputExtras {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'search' | 'number';
  inputMode?: 'text' | 'email' | 'numeric' | 'decimal' | 'tel' | 'url' | 'search' | 'none';
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField(props: TextFieldProps) {
  const { value, onValue, type = 'text', inputMode, onBlur, inputRef, name, required, disabled, error, id, label: _label, hint: _hint, class: _class, ...extras } = props;
  const controlId = useControlId(id);
  return (
    <FieldShell {...props} controlId={controlId}>
      <input
        ref={inputRef}
        {...inputAttributes({
          ...extras,
          id: controlId,
          name,
          type,
          inputMode,
          class: 'input',
          value,
          required,
          disabled,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy(controlId, props),
          onInput: (e) => onValue(e.currentTarget.value),
          onBlur,
        })}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps extends FieldBaseProps {
  value: string;
  onValue: (value: string) => void;
  options: readonly SelectOption[];
  /** Adds a first empty option with this text, e.g. "Selecione…". */
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { value, onValue, options, placeholder, name, required, disabled, error, id } = props;
  const controlId = useControlId(id);
  return (
    <FieldShell {...props} controlId={controlId}>
      <select
        id={controlId}
        name={name}
        class="input select"
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, props)}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface TextAreaProps extends FieldBaseProps {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
}

export function TextArea(props: TextAreaProps) {
  const { value, onValue, rows = 4, maxLength, placeholder, name, required, disabled, error, id } = props;
  const controlId = useControlId(id);
  return (
    <FieldShell {...props} controlId={controlId}>
      <textarea
        id={controlId}
        name={name}
        class="input textarea"
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, props)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </FieldShell>
  );
}

/**
 * Applies a mask to an input as the user types and keeps the caret after the same typed
 * characters, so editing in the middle of "529.982.247-25" does not jump to the end.
 */
export function applyMaskToInput(input: HTMLInputElement, mask: (text: string) => string): string {
  const raw = input.value;
  const caret = input.selectionStart ?? raw.length;
  const before = significantCount(raw.slice(0, caret));
  const masked = mask(raw);
  // Set the DOM value directly: if the masked text equals the previous state (a rejected
  // character was typed), no re-render happens and the character would otherwise stay visible.
  input.value = masked;
  if (document.activeElement === input) {
    const position = caret >= raw.length ? masked.length : caretAfterSignificant(masked, before);
    input.setSelectionRange(position, position);
  }
  return masked;
}

export interface MaskedFieldProps extends FieldBaseProps, Pick<InputExtras, 'autoComplete' | 'placeholder' | 'autoFocus'> {
  value: string;
  onValue: (value: string) => void;
  mask: (text: string) => string;
  inputMode?: 'text' | 'numeric' | 'tel';
  onBlur?: () => void;
}

/** A text field with an input mask: CPF/CNPJ (maskTaxId), phone (maskPhone), CEP (maskCep). */
export function MaskedField(props: MaskedFieldProps) {
  const { value, onValue, mask, inputMode = 'numeric', onBlur, name, required, disabled, error, id, autoComplete, placeholder, autoFocus } = props;
  const controlId = useControlId(id);
  return (
    <FieldShell {...props} controlId={controlId}>
      <input
        id={controlId}
        name={name}
        type="text"
        inputMode={inputMode}
        autoComplete={autoComplete}
        placeholder={placeholder}
        autoFocus={autoFocus}
        class="input"
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, props)}
        onInput={(e) => onValue(applyMaskToInput(e.currentTarget, mask))}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}

export interface MoneyFieldProps extends FieldBaseProps {
  value: number | null;
  onValue: (value: number | null) => void;
  placeholder?: string;
}

/**
 * Money in reais typed the Brazilian way ("1.234,56"). While focused the user's text is left
 * alone; on blur it is read and shown formatted, or flagged when it is not money.
 */
export function MoneyField(props: MoneyFieldProps) {
  const { value, onValue, name, required, disabled, id, placeholder = '0,00' } = props;
  const controlId = useControlId(id);
  const [text, setText] = useState(value === null ? '' : formatMoneyPlain(value));
  const [invalid, setInvalid] = useState(false);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) {
      setText(value === null ? '' : formatMoneyPlain(value));
      setInvalid(false);
    }
  }, [value]);

  const error = props.error ?? (invalid ? 'Valor inválido. Use o formato 1.234,56.' : null);
  const shellProps = { ...props, error };
  return (
    <FieldShell {...shellProps} controlId={controlId}>
      <div class="input-affix">
        <span class="input-prefix" aria-hidden="true">
          R$
        </span>
        <input
          id={controlId}
          name={name}
          type="text"
          inputMode="decimal"
          class="input input-money"
          placeholder={placeholder}
          value={text}
          required={required}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(controlId, shellProps)}
          onFocus={() => {
            focused.current = true;
          }}
          onInput={(e) => {
            const next = e.currentTarget.value.replace(/[^\d.,-]/g, '');
            e.currentTarget.value = next;
            setText(next);
            const parsed = parseMoney(next);
            if (parsed !== null || next.trim() === '') {
              setInvalid(false);
              onValue(parsed);
            }
          }}
          onBlur={() => {
            focused.current = false;
            const parsed = parseMoney(text);
            if (text.trim() === '') {
              setInvalid(false);
              onValue(null);
            } else if (parsed === null) {
              setInvalid(true);
              onValue(null);
            } else {
              setInvalid(false);
              setText(formatMoneyPlain(parsed));
              onValue(parsed);
            }
          }}
        />
      </div>
    </FieldShell>
  );
}

export interface DateFieldProps extends FieldBaseProps {
  /** ISO date ("2026-07-15") or null. */
  value: string | null;
  onValue: (value: string | null) => void;
}

/** A date typed as dd/mm/aaaa; reports an ISO date once the text is a real calendar date. */
export function DateField(props: DateFieldProps) {
  const { value, onValue, name, required, disabled, id } = props;
  const controlId = useControlId(id);
  const [text, setText] = useState(formatDate(value));
  const [invalid, setInvalid] = useState(false);
  const lastReported = useRef<string | null>(value);

  useEffect(() => {
    if (value !== lastReported.current) {
      lastReported.current = value;
      setText(formatDate(value));
      setInvalid(false);
    }
  }, [value]);

  const report = (iso: string | null) => {
    lastReported.current = iso;
    onValue(iso);
  };

  const error = props.error ?? (invalid ? 'Data inválida. Use o formato dd/mm/aaaa.' : null);
  const shellProps = { ...props, error, hint: props.hint ?? 'dd/mm/aaaa' };
  return (
    <FieldShell {...shellProps} controlId={controlId}>
      <input
        id={controlId}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/aaaa"
        class="input input-date"
        value={text}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, shellProps)}
        onInput={(e) => {
          const masked = applyMaskToInput(e.currentTarget, maskDate);
          setText(masked);
          const iso = parseDateBR(masked);
          if (iso) setInvalid(false);
          if (iso !== lastReported.current) report(iso);
        }}
        onBlur={() => {
          setInvalid(text !== '' && parseDateBR(text) === null);
        }}
      />
    </FieldShell>
  );
}

export interface CheckboxProps {
  label: ComponentChildren;
  checked: boolean;
  onValue: (checked: boolean) => void;
  name?: string;
  id?: string;
  disabled?: boolean;
  hint?: ComponentChildren;
}

export function Checkbox({ label, checked, onValue, name, id, disabled, hint }: CheckboxProps) {
  const controlId = useControlId(id);
  return (
    <div class="checkbox">
      <input id={controlId} type="checkbox" name={name} checked={checked} disabled={disabled} aria-describedby={hint ? `${controlId}-hint` : undefined} onChange={(e) => onValue(e.currentTarget.checked)} />
      <label for={controlId}>{label}</label>
      {hint && (
        <div id={`${controlId}-hint`} class="field-hint">
          {hint}
        </div>
      )}
    </div>
  );
}
