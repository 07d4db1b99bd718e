import {
  DNS_MODES,
  DNSSEC_ALGORITHM,
  LUA_POLICIES,
  REGISTRARS,
  TLS_ISSUERS,
} from '../../shared/constants/domain';
import { sovereignDomain } from '../../shared/lib/draft-defaults';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { ReviewGroup, ReviewList, secretState } from './review-group';

/** What the DNS step holds. */
export function DnsSummary() {
  const dns = useDraftStore((s) => s.draft.dns);
  const registrarToken = useSecretsStore((s) => s.secrets.registrarToken);
  const registrar = REGISTRARS.find((r) => r.id === dns.registrar);
  const policy = LUA_POLICIES.find((p) => p.id === dns.luaPolicy);
  const rows: [string, string][] = [
    ['Mode', DNS_MODES.find((m) => m.id === dns.mode)?.name ?? dns.mode],
    ['Domain', sovereignDomain(dns) || '—'],
  ];
  if (dns.mode === 'byo-api') {
    rows.push(['Registrar', registrar?.name ?? dns.registrar]);
    rows.push([`${registrar?.name ?? 'Registrar'} API token`, secretState(registrarToken)]);
  }
  rows.push(
    ['Answer policy', policy ? `${policy.name} (${policy.record})` : dns.luaPolicy],
    ['DNSSEC', dns.dnssec ? `on, ${DNSSEC_ALGORITHM}` : 'off'],
    ['TLS issuer', TLS_ISSUERS.find((t) => t.id === dns.tlsIssuer)?.name ?? dns.tlsIssuer],
  );
  return (
    <ReviewGroup step="dns">
      <ReviewList rows={rows} />
    </ReviewGroup>
  );
}
