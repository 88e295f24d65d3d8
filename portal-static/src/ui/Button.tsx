import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'link';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  type?: 'button' | 'submit' | 'reset';
  /** Shows a spinner and blocks clicks while an action runs. */
  busy?: boolean;
  block?: boolean;
  children?: ComponentChildren;
}

export function Button({ variant = 'primary', size = 'md', type = 'button', busy = false, block = false, disabled, children, class: className, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', block ? 'btn-block' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} class={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy && <Spinner size="sm" label="" />}
      <span>{children}</span>
    </button>
  );
}
