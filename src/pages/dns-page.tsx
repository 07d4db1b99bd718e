import { DomainFields } from '../components/wizard/dns/domain-fields';
import { PolicyFields } from '../components/wizard/dns/policy-fields';
import { PageHeading } from '../components/wizard/page-heading';

/** Step 3: the Sovereign's domain, its DNS policy and TLS. */
export function DnsPage() {
  return (
    <div className="space-y-6">
      <PageHeading title="DNS">
        Pick the domain your Sovereign answers on, how multi-region answers are chosen, and who
        issues its certificates.
      </PageHeading>
      <DomainFields />
      <PolicyFields />
    </div>
  );
}
