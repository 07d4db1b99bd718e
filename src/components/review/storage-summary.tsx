import { COLD_BACKENDS, PLACEMENT_LABELS } from '../../shared/constants/domain';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { ReviewGroup, ReviewList, secretState } from './review-group';

/** What the Storage step holds. */
export function StorageSummary() {
  const { seaweedfs: sw, tiers, cold } = useDraftStore((s) => s.draft.storage);
  const secrets = useSecretsStore((s) => s.secrets);
  const backend = COLD_BACKENDS.find((b) => b.id === cold.backend);
  return (
    <ReviewGroup step="storage">
      <ReviewList
        rows={[
          [
            'SeaweedFS replicas',
            `master ${sw.masterReplicas}, volume ${sw.volumeReplicas}, filer ${sw.filerReplicas}, S3 ${sw.s3Replicas}`,
          ],
          ['Volume size', `${sw.volumeSizeGi} GiB`],
          ['Placement', PLACEMENT_LABELS[sw.placement]],
          ['Bucket name prefix', sw.enableNamePrefix ? 'on' : 'off'],
          ['Tiers', `hot ≤ ${tiers.hotDays} days, warm ≤ ${tiers.warmDays} days, then cold`],
          ['Cold backend', backend?.name ?? cold.backend],
          ['Cold bucket', cold.bucket || '—'],
          cold.backend === 'cloudflare-r2'
            ? ['Cloudflare account id', cold.accountId || '—']
            : ['Cold region', cold.region || '—'],
          ['Cold access key id', secretState(secrets.coldAccessKeyId)],
          ['Cold secret access key', secretState(secrets.coldSecretAccessKey)],
        ]}
      />
    </ReviewGroup>
  );
}
