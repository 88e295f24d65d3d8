import { PasswordRules } from './PasswordRules';
import { TextField } from '../ui/Field';

export interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: Record<string, string>;
  /** Id prefix for the rules list (several forms can be on one page in tests). */
  idPrefix: string;
}

/** "Nova senha" + "Confirme a senha" with the live rule checklist. */
export function NewPasswordFields({ password, confirmation, onPassword, onConfirmation, errors, idPrefix }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label="Senha"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={onPassword}
        error={errors['password']}
        hint={<PasswordRules id={`${idPrefix}-rules`} password={password} />}
        required
      />
      <TextField label="Confirme a senha" name="confirmation" type="password" autoComplete="new-password" value={confirmation} onValue={onConfirmation} error={errors['confirmation']} required />
    </>
  );
}
