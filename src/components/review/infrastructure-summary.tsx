import { getProvider, getTopology, findSize } from '../../shared/constants/domain';
import { controlPlaneCount } from '../../shared/lib/node-pools';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { useSshKey } from '../wizard/infrastructure/use-ssh-fingerprint';
import { ReviewGroup, ReviewList, secretState } from './review-group';

/** What the Infrastructure step holds, regions included. */
export function InfrastructureSummary() {
  const infra = useDraftStore((s) => s.draft.infrastructure);
  const token = useSecretsStore((s) => s.secrets.providerToken);
  const provider = getProvider(infra.provider);
  const topology = getTopology(infra.topology);
  const key = useSshKey(infra.sshPublicKey);
  const pool = (size: string, count: number) =>
    `${count} × ${size}${findSize(infra.provider, size) ? '' : ' (unknown size)'}`;
  return (
    <ReviewGroup step="infrastructure">
      <ReviewList
        rows={[
          ['Provider', provider.name],
          ['Sovereign name', infra.sovereignName || '—'],
          ['Organisation', infra.organization.name || '—'],
          ['Contact email', infra.organization.email || '—'],
          ['Topology', `${topology.name}: ${topology.description}`],
          [provider.credential.label, secretState(token)],
          [
            'SSH public key',
            key?.ok
              ? `${key.key.type} ${key.fingerprint}`
              : key
                ? 'invalid'
                : infra.sshPublicKey.trim()
                  ? '…'
                  : '—',
          ],
        ]}
      />
      <ol className="grid gap-2 text-sm md:grid-cols-2">
        {infra.regions.map((r, i) => (
          <li key={i} className="rounded-md border border-border p-3">
            <p className="font-medium">
              {topology.regions[i]?.label ?? `Region ${i + 1}`}: {r.cloudRegion}
            </p>
            <p className="text-fg-muted">Blocks: {r.buildingBlocks.join(', ') || 'none'}</p>
            <p>
              Control plane {pool(r.controlPlane.size, controlPlaneCount(r.controlPlane))}
              {r.controlPlane.ha ? ' (HA)' : ''}
            </p>
            <p>Workers {pool(r.workers.size, r.workers.count)}</p>
          </li>
        ))}
      </ol>
    </ReviewGroup>
  );
}
