import { ColdBackendFields } from '../components/wizard/storage/cold-backend-fields';
import { S3Consumers } from '../components/wizard/storage/s3-consumers';
import { SeaweedfsFields } from '../components/wizard/storage/seaweedfs-fields';
import { TierFields } from '../components/wizard/storage/tier-fields';

/** Step 2: the SeaweedFS object store, its tiers and the cold-tier archive. */
export function StoragePage() {
  return (
    <div className="space-y-6">
      <SeaweedfsFields />
      <TierFields />
      <ColdBackendFields />
      <S3Consumers />
    </div>
  );
}
