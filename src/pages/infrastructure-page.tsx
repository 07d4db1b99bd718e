import { AccessFields } from '../components/wizard/infrastructure/access-fields';
import { IdentityFields } from '../components/wizard/infrastructure/identity-fields';
import { ProviderPicker } from '../components/wizard/infrastructure/provider-picker';
import { RegionsSection } from '../components/wizard/infrastructure/regions-section';
import { TopologyPicker } from '../components/wizard/infrastructure/topology-picker';
import { Card } from '../components/ui/card';

/** Step 1: where and how big the Sovereign is. */
export function InfrastructurePage() {
  return (
    <div className="space-y-6">
      <Card>
        <ProviderPicker />
      </Card>
      <IdentityFields />
      <Card>
        <TopologyPicker />
      </Card>
      <RegionsSection />
      <AccessFields />
    </div>
  );
}
