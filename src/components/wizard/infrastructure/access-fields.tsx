import { useEffect } from 'react';
import { getProvider } from '../../../shared/constants/domain';
import { isPrivateKey } from '../../../shared/lib/private-key';
import { useDraftStore } from '../../../shared/store/draft-store';
import { Textarea } from '../../ui/field';
import { DraftField } from '../draft-field';
import { SecretField } from '../secret-field';
import { FormSection } from '../section';
import { useSshKey } from './use-ssh-fingerprint';

/** The provider API token (memory only) and the SSH public key, with its fingerprint. */
export function AccessFields() {
  const provider = getProvider(useDraftStore((s) => s.draft.infrastructure.provider));
  const sshPublicKey = useDraftStore((s) => s.draft.infrastructure.sshPublicKey);
  const update = useDraftStore((s) => s.updateInfrastructure);
  const parsed = useSshKey(sshPublicKey);
  // A private key saved or imported before it was refused on input is dropped the moment it shows.
  useEffect(() => {
    if (isPrivateKey(sshPublicKey)) update({ sshPublicKey: '' });
  }, [sshPublicKey, update]);
  return (
    <FormSection
      legend="Access"
      description="The token stays in this tab's memory: it is never saved and a reload forgets it."
    >
      <SecretField
        name="providerToken"
        label={provider.credential.label}
        hint={provider.credential.hint}
        placeholder={provider.credential.placeholder}
      />
      <DraftField
        path="infrastructure.sshPublicKey"
        label="SSH public key"
        hint="An OpenSSH ed25519 or RSA (2048 bits or more) public key, e.g. the contents of ~/.ssh/id_ed25519.pub."
      >
        {(control, keep) => (
          <Textarea
            {...control}
            rows={3}
            value={sshPublicKey}
            placeholder="ssh-ed25519 AAAA… you@host"
            spellCheck={false}
            onChange={(e) => update({ sshPublicKey: keep(e.target.value) })}
          />
        )}
      </DraftField>
      {/* Always present, so the fingerprint is announced when a valid key arrives. */}
      <div aria-live="polite">
        {parsed?.ok ? (
          <p className="text-sm text-ok">
            Valid {parsed.key.type} key ({parsed.key.bits} bits), fingerprint{' '}
            <code className="font-mono break-all">{parsed.fingerprint}</code>
            {parsed.key.comment ? ` · ${parsed.key.comment}` : ''}
          </p>
        ) : null}
      </div>
    </FormSection>
  );
}
