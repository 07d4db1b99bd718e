import { useMemo } from 'react';
import { getComponent, isComponentId } from '../../../shared/constants/components';
import { S3_CONSUMERS, S3_ENDPOINT } from '../../../shared/constants/domain';
import { CATALOG_INDEX } from '../../../shared/lib/catalog-graph';
import { resolveSelection } from '../../../shared/lib/resolve-selection';
import { useDraftStore } from '../../../shared/store/draft-store';
import { Card } from '../../ui/card';

/** The in-cluster S3 endpoint and which installed components read or write it. */
export function S3Consumers() {
  const chosen = useDraftStore((s) => s.draft.components.chosen);
  const consumers = useMemo(() => {
    const { installed } = resolveSelection(CATALOG_INDEX, chosen);
    return Object.entries(S3_CONSUMERS).filter(([id]) => isComponentId(id) && installed.has(id));
  }, [chosen]);
  return (
    <Card className="space-y-2">
      <h2 className="text-base font-semibold">S3 endpoint</h2>
      <p className="text-sm">
        Components reach SeaweedFS at <code className="font-mono">{S3_ENDPOINT}</code>.
      </p>
      {consumers.length === 0 ? (
        <p className="text-sm text-fg-muted">No installed component uses it yet.</p>
      ) : (
        <>
          <p className="text-sm text-fg-muted">
            Installed components that use it, and their buckets:
          </p>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {consumers.map(([id, buckets]) => (
              <li key={id}>
                <span className="font-medium">
                  {isComponentId(id) ? getComponent(id).name : id}
                </span>{' '}
                <span className="font-mono text-xs text-fg-muted">{buckets.join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
