import {
  DNS_MODES,
  OPENOVA_NAMESERVERS,
  POOL_DOMAINS,
  REGISTRARS,
  type DnsModeId,
  type PoolDomain,
  type RegistrarId,
} from '../../../shared/constants/domain';
import { fieldId, sovereignDomain } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { RadioCards } from '../../ui/choice';
import { Input, Select } from '../../ui/field';
import { DraftField } from '../draft-field';
import { SecretField } from '../secret-field';
import { FormSection } from '../section';

const MODE_OPTIONS = DNS_MODES.map((m) => ({
  value: m.id,
  label: m.name,
  description: m.description,
}));

function PoolFields() {
  const dns = useDraftStore((s) => s.draft.dns);
  const update = useDraftStore((s) => s.updateDns);
  const domain = sovereignDomain(dns);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftField
          path="dns.subdomain"
          label="Subdomain"
          hint="Lowercase letters, digits, hyphens."
        >
          {(control) => (
            <Input
              {...control}
              value={dns.subdomain}
              placeholder="e.g. acme"
              spellCheck={false}
              onChange={(e) => update({ subdomain: e.target.value })}
            />
          )}
        </DraftField>
        <DraftField path="dns.poolDomain" label="Pool domain">
          {(control) => (
            <Select
              {...control}
              value={dns.poolDomain}
              onChange={(e) => update({ poolDomain: e.target.value as PoolDomain })}
            >
              {POOL_DOMAINS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          )}
        </DraftField>
      </div>
      <p className="text-sm">
        Your Sovereign will answer at{' '}
        <strong className="font-mono">{domain || `<subdomain>.${dns.poolDomain}`}</strong>
      </p>
    </>
  );
}

function ByoFields({ mode }: { mode: 'byo-manual' | 'byo-api' }) {
  const dns = useDraftStore((s) => s.draft.dns);
  const update = useDraftStore((s) => s.updateDns);
  const registrar = REGISTRARS.find((r) => r.id === dns.registrar) ?? REGISTRARS[0];
  return (
    <>
      <DraftField path="dns.domain" label="Domain" hint="A domain you own, such as example.com.">
        {(control) => (
          <Input
            {...control}
            value={dns.domain}
            placeholder="e.g. acme.example"
            spellCheck={false}
            onChange={(e) => update({ domain: e.target.value })}
          />
        )}
      </DraftField>
      {mode === 'byo-manual' ? (
        <div className="text-sm">
          <p>At your registrar, set the domain&apos;s nameservers to:</p>
          <ul className="mt-1 list-inside list-disc font-mono">
            {OPENOVA_NAMESERVERS.map((ns) => (
              <li key={ns}>{ns}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <DraftField path="dns.registrar" label="Registrar">
            {(control) => (
              <Select
                {...control}
                value={dns.registrar}
                onChange={(e) => update({ registrar: e.target.value as RegistrarId })}
              >
                {REGISTRARS.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            )}
          </DraftField>
          <SecretField
            name="registrarToken"
            label={`${registrar.name} API token`}
            hint={registrar.tokenHint}
          />
        </div>
      )}
    </>
  );
}

/** How the Sovereign gets its domain: a pool subdomain or the user's own domain. */
export function DomainFields() {
  const mode = useDraftStore((s) => s.draft.dns.mode);
  const update = useDraftStore((s) => s.updateDns);
  return (
    <FormSection legend="Domain">
      <RadioCards<DnsModeId>
        name="dns-mode"
        legend="How the domain is set up"
        options={MODE_OPTIONS}
        value={mode}
        onChange={(m) => update({ mode: m })}
        firstId={fieldId('dns.mode')}
      />
      {mode === 'pool' ? <PoolFields /> : <ByoFields mode={mode} />}
    </FormSection>
  );
}
