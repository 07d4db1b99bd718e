import { DomainFields } from '../components/wizard/dns/domain-fields';
import { PolicyFields } from '../components/wizard/dns/policy-fields';

/** Step 3: the Sovereign's domain, its DNS policy and TLS. */
export function DnsPage() {
  return (
    <div className="space-y-6">
      <DomainFields />
      <PolicyFields />
    </div>
  );
}
