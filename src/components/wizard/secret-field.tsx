import type { DraftSecrets } from '../../shared/schemas/draft';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { PasswordInput } from '../ui/password-input';
import { DraftField } from './draft-field';

export interface SecretFieldProps {
  name: keyof DraftSecrets;
  label: string;
  hint?: string;
  placeholder?: string;
}

/** A secret kept in memory only (the secrets store): never in the draft, never in localStorage. */
export function SecretField({ name, label, hint, placeholder }: SecretFieldProps) {
  const value = useSecretsStore((s) => s.secrets[name]);
  const setSecret = useSecretsStore((s) => s.setSecret);
  return (
    <DraftField path={`secrets.${name}`} label={label} hint={hint}>
      {(control, keep) => (
        <PasswordInput
          {...control}
          value={value}
          placeholder={placeholder}
          onChange={(e) => setSecret(name, keep(e.target.value))}
        />
      )}
    </DraftField>
  );
}
