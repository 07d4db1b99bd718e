import {
  DNSSEC_ALGORITHM,
  LUA_POLICIES,
  TLS_ISSUERS,
  type LuaPolicyId,
  type TlsIssuerId,
} from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { Checkbox, RadioCards } from '../../ui/choice';
import { Input, Select } from '../../ui/field';
import { DraftField } from '../draft-field';
import { FormSection } from '../section';

const TLS_OPTIONS = TLS_ISSUERS.map((t) => ({ value: t.id, label: t.name }));

/** Multi-region answer policy (PowerDNS lua-records), DNSSEC and the TLS issuer. */
export function PolicyFields() {
  const dns = useDraftStore((s) => s.draft.dns);
  const update = useDraftStore((s) => s.updateDns);
  const policy = LUA_POLICIES.find((p) => p.id === dns.luaPolicy) ?? LUA_POLICIES[0];
  return (
    <FormSection legend="Records and certificates">
      <DraftField
        path="dns.luaPolicy"
        label="Multi-region answer policy"
        hint={`Records: ${policy.record}${policy.lua ? ` (lua ${policy.lua})` : ''}`}
      >
        {(control) => (
          <Select
            {...control}
            value={dns.luaPolicy}
            onChange={(e) => update({ luaPolicy: e.target.value as LuaPolicyId })}
          >
            {LUA_POLICIES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}: {p.record}
              </option>
            ))}
          </Select>
        )}
      </DraftField>
      <Checkbox
        id={fieldId('dns.dnssec')}
        label="Sign the zone with DNSSEC"
        description={`Algorithm ${DNSSEC_ALGORITHM}`}
        checked={dns.dnssec}
        onChange={(e) => update({ dnssec: e.target.checked })}
      />
      <RadioCards<TlsIssuerId>
        name="tls-issuer"
        legend="TLS certificate issuer"
        options={TLS_OPTIONS}
        value={dns.tlsIssuer}
        onChange={(t) => update({ tlsIssuer: t })}
        firstId={fieldId('dns.tlsIssuer')}
        columns="sm:grid-cols-2"
      />
      {dns.tlsIssuer === 'corporate-ca' ? (
        <DraftField
          path="dns.caSecretName"
          label="CA Secret"
          hint={`The Kubernetes Secret with your CA's certificate and private key (tls.crt, tls.key), read from OpenBao at catalyst/tls/${dns.caSecretName || '<name>'}. The key itself never passes through this wizard.`}
        >
          {(control, keep) => (
            <Input
              {...control}
              value={dns.caSecretName ?? ''}
              placeholder="e.g. corporate-ca"
              spellCheck={false}
              className="font-mono"
              onChange={(e) => update({ caSecretName: keep(e.target.value) })}
            />
          )}
        </DraftField>
      ) : null}
    </FormSection>
  );
}
