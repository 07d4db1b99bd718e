import { useId, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { getStep } from '../../shared/constants/steps';
import { downloadText } from '../../shared/lib/download';
import { buildManifest, withSecrets } from '../../shared/lib/manifest';
import { serializeManifest, type ManifestFormat } from '../../shared/lib/manifest-io';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { Collapsible } from '../manifest/collapsible';
import { curlCommand, manifestFileName } from '../manifest/export-files';
import type { ImportOutcome } from '../manifest/import-manifest';
import { ImportNotice } from '../manifest/import-notice';
import { useClipboardNotice } from '../manifest/use-clipboard-notice';
import { YamlCode } from '../manifest/yaml-code';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Checkbox } from '../ui/choice';
import { ConfirmDialog } from '../ui/dialog';
import { GitopsViewer } from './gitops-viewer';
import { ImportDialog } from './import-dialog';

const MEDIA_TYPE: Record<ManifestFormat, string> = {
  yaml: 'application/yaml',
  json: 'application/json',
};

/** Review's Export slot: download, copy or POST the manifest, import one, browse its GitOps tree. */
export function ExportSection() {
  const draft = useDraftStore((s) => s.draft);
  const secrets = useSecretsStore((s) => s.secrets);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const secretsId = useId();
  const manifest = useMemo(() => buildManifest(draft), [draft]);
  const preview = useMemo(() => serializeManifest(manifest, 'yaml'), [manifest]);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [warning, setWarning] = useState(false);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
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
  const copyCurl = () => {
    const text = exportText('yaml');
    if (keyOf.current?.text !== text) keyOf.current = { text, key: crypto.randomUUID() };
    const file = manifestFileName(name, 'yaml', includeSecrets);
    const command = curlCommand(window.location.origin, file, keyOf.current.key);
    setCurl(command);
    void copy(command, `Copied a curl command that POSTs ${file}.`);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">
        The manifest describes this Sovereign in one file: keep it in Git, validate it with{' '}
        <code className="font-mono">catalyst validate</code>, or import it here later. Secret values
        are left out unless you include them.
      </p>
      <Checkbox
        id={secretsId}
        label="Include secrets"
        description="Adds the cloud, cold-tier and registrar tokens from this tab's memory to downloads and copies, in clear text."
        checked={includeSecrets}
        onChange={(e) => (e.target.checked ? setWarning(true) : setIncludeSecrets(false))}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => download('yaml')}>
          Download YAML
        </Button>
        <Button onClick={() => download('json')}>Download JSON</Button>
        <Button
          onClick={() =>
            void copy(exportText('yaml'), 'Copied the manifest (YAML) to the clipboard.')
          }
        >
          Copy YAML
        </Button>
        <Button onClick={copyCurl}>Copy as curl</Button>
        <Button onClick={() => setImporting(true)}>Import…</Button>
      </div>
      {includeSecrets ? (
        <Alert tone="warn">
          Downloads and copies now contain secret values in clear text. Store the file like a
          password.
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone={notice.tone} role={notice.tone === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </Alert>
      ) : null}
      {curl ? (
        <div className="space-y-1">
          <pre className="overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs">
            {curl}
          </pre>
          <p className="text-xs text-fg-muted">
            Run it next to the downloaded {manifestFileName(name, 'yaml', includeSecrets)}; the
            command holds no secret. If the API needs a token, add{' '}
            <code className="font-mono">
              -H &quot;Authorization: Bearer $CATALYST_API_TOKEN&quot;
            </code>
            .
          </p>
        </div>
      ) : null}
      {outcome ? <ImportNotice outcome={outcome} /> : null}
      <Collapsible title="Preview the manifest (YAML)">
        <YamlCode text={preview} label={`${manifestFileName(name, 'yaml')} preview`} />
        <p className="mt-2 text-xs text-fg-muted">Secret values are never shown here.</p>
      </Collapsible>
      <Collapsible title="GitOps tree">
        <GitopsViewer />
      </Collapsible>
      <ConfirmDialog
        open={warning}
        title="Include secrets in the export?"
        body={
          <p>
            The file will contain your cloud provider, cold-tier storage and registrar tokens in
            clear text. Anyone who gets it can create and delete resources in your accounts. Keep it
            out of Git and chat, and delete it when it has served its purpose.
          </p>
        }
        confirmLabel="Include secrets"
        tone="danger"
        onCancel={() => setWarning(false)}
        onConfirm={() => {
          setWarning(false);
          setIncludeSecrets(true);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(o) => {
          setIncludeSecrets(false);
          setCurl(null);
          setOutcome(o);
          // Review's path comes from the one step list; the notice keeps focus when already there.
          const review = getStep('review').path;
          if (pathname !== review) void navigate(review);
        }}
      />
    </div>
  );
}
