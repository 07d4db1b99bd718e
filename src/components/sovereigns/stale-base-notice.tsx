import { useQuery } from '@tanstack/react-query';
import { sovereignQueryOptions } from '../../shared/api/sovereigns';
import { downloadText } from '../../shared/lib/download';
import { buildManifest } from '../../shared/lib/manifest/build';
import { serializeManifest } from '../../shared/lib/manifest/io';
import { useDraftStore } from '../../shared/store/draft-store';
import type { RevisionBase } from '../../shared/store/revision-store';
import { manifestFileName } from '../manifest/export-files';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ChangeSovereignButton } from './change-sovereign-button';

/** Downloads the draft as the Export section does: YAML, no secrets. */
function downloadDraft() {
  const manifest = buildManifest(useDraftStore.getState().draft);
  downloadText(
    serializeManifest(manifest, 'yaml'),
    manifestFileName(manifest.metadata.name, 'yaml'),
    'application/yaml',
  );
}

/**
 * 409 `stale_base`: someone committed a newer revision since this draft was opened. The draft
 * cannot be carried over by itself: download it first, then load the latest as the new base.
 */
export function StaleBaseNotice({ base, message }: { base: RevisionBase; message: string }) {
  const sovereign = useQuery({ ...sovereignQueryOptions(base.name), staleTime: 0 });
  const latest = sovereign.data?.revisions.at(-1)?.revision;
  return (
    <Alert tone="danger" role="alert" className="space-y-2">
      <p className="font-semibold">
        {latest !== undefined
          ? `Revision ${latest} is newer than revision ${base.revision}, which this draft changes.`
          : `A newer revision than revision ${base.revision} exists.`}
      </p>
      <p>
        {message.replace(/\.$/, '')}. Your changes cannot be moved onto the newer revision
        automatically: download the current draft first if you want to keep it, then load the latest
        revision as the base and make the change again.
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <Button onClick={downloadDraft}>Download the current draft (YAML)</Button>
        <ChangeSovereignButton
          name={base.name}
          label={latest !== undefined ? `Load revision ${latest} as the base` : 'Load the latest'}
          variant="secondary"
        />
      </div>
    </Alert>
  );
}
