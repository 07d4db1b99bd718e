import { PageHeading } from '../components/wizard/page-heading';
import { ColdBackendFields } from '../components/wizard/storage/cold-backend-fields';
import { S3Consumers } from '../components/wizard/storage/s3-consumers';
import { SeaweedfsFields } from '../components/wizard/storage/seaweedfs-fields';
import { TierFields } from '../components/wizard/storage/tier-fields';

/** Step 2: the SeaweedFS object store, its tiers and the cold-tier archive. */
export function StoragePage() {
  return (
    <div className="space-y-6">
      <PageHeading title="Storage tier">
        Size the SeaweedFS object store, decide how long data stays hot and warm, and where the cold
        tier is archived.
      </PageHeading>
      <SeaweedfsFields />
      <TierFields />
      <ColdBackendFields />
      <S3Consumers />
    </div>
  );
}
