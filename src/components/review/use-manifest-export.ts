// The export half of Review's Export slot: the manifest of the draft, with or without secrets,
// as a download, a clipboard copy or a curl command that POSTs it.
import { useMemo, useRef, useState } from 'react';
import { downloadText } from '../../shared/lib/download';
import { buildManifest, withSecrets } from '../../shared/lib/manifest/build';
import { serializeManifest, type ManifestFormat } from '../../shared/lib/manifest/io';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { curlCommand, manifestFileName } from '../manifest/export-files';
import { useClipboardNotice } from '../manifest/use-clipboard-notice';

const MEDIA_TYPE: Record<ManifestFormat, string> = {
  yaml: 'application/yaml',
  json: 'application/json',
};

/** The draft's manifest and the ways of taking it out of the browser. */
export function useManifestExport() {
  const draft = useDraftStore((s) => s.draft);
  const secrets = useSecretsStore((s) => s.secrets);
  const manifest = useMemo(() => buildManifest(draft), [draft]);
  const preview = useMemo(() => serializeManifest(manifest, 'yaml'), [manifest]);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [curl, setCurl] = useState<string | null>(null);
  const { notice, copy } = useClipboardNotice();
  // One Idempotency-Key per manifest text: copying the same command twice cannot submit twice.
  const keyOf = useRef<{ text: string; key: string } | null>(null);

  const name = manifest.metadata.name;
  const exportText = (format: ManifestFormat) =>
    serializeManifest(includeSecrets ? withSecrets(manifest, secrets) : manifest, format, {
      includeSecrets,
    });
  const download = (format: ManifestFormat) =>
    downloadText(
      exportText(format),
      manifestFileName(name, format, includeSecrets),
      MEDIA_TYPE[format],
    );
  const copyYaml = () =>
    void copy(exportText('yaml'), 'Copied the manifest (YAML) to the clipboard.');
  const copyCurl = () => {
    const text = exportText('yaml');
    if (keyOf.current?.text !== text) keyOf.current = { text, key: crypto.randomUUID() };
    const file = manifestFileName(name, 'yaml', includeSecrets);
    const command = curlCommand(window.location.origin, file, keyOf.current.key);
    setCurl(command);
    void copy(command, `Copied a curl command that POSTs ${file}.`);
  };

  return {
    name,
    preview,
    includeSecrets,
    setIncludeSecrets,
    curl,
    setCurl,
    notice,
    download,
    copyYaml,
    copyCurl,
  };
}

export type ManifestExport = ReturnType<typeof useManifestExport>;
