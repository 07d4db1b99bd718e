import { useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { getStep } from '../../shared/constants/steps';
import { Collapsible } from '../manifest/collapsible';
import { manifestFileName } from '../manifest/export-files';
import type { ImportOutcome } from '../manifest/import-manifest';
import { ImportNotice } from '../manifest/import-notice';
import { YamlCode } from '../manifest/yaml-code';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Checkbox } from '../ui/choice';
import { ConfirmDialog } from '../ui/dialog';
import { GitopsViewer } from './gitops-viewer';
import { ImportDialog } from './import-dialog';
import { useManifestExport, type ManifestExport } from './use-manifest-export';

/** What the manifest is for, and that secrets stay out by default. */
function ExportIntro() {
  return (
    <p className="text-sm text-fg-muted">
      The manifest describes this Sovereign in one file: keep it in Git, validate it with{' '}
      <code className="font-mono">catalyst validate</code>, or import it here later. Secret values
      are left out unless you include them.
    </p>
  );
}

interface ExportButtonsProps {
  exp: ManifestExport;
  onImport: () => void;
}

/** Download, copy and import buttons. */
function ExportButtons({ exp, onImport }: ExportButtonsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="primary" onClick={() => exp.download('yaml')}>
        Download YAML
      </Button>
      <Button onClick={() => exp.download('json')}>Download JSON</Button>
      <Button onClick={exp.copyYaml}>Copy YAML</Button>
      <Button onClick={exp.copyCurl}>Copy as curl</Button>
      <Button onClick={onImport}>Import…</Button>
    </div>
  );
}

/** The curl command last copied, with how to run it. */
function CurlHint({ curl, file }: { curl: string; file: string }) {
  return (
    <div className="space-y-1">
      <pre className="overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs">
        {curl}
      </pre>
      <p className="text-xs text-fg-muted">
        Run it next to the downloaded {file}; the command holds no secret. If the API needs a token,
        add{' '}
        <code className="font-mono">-H &quot;Authorization: Bearer $CATALYST_API_TOKEN&quot;</code>.
      </p>
    </div>
  );
}

/** The secrets warning, the clipboard notice and the curl command of the export. */
function ExportNotices({ exp }: { exp: ManifestExport }) {
  const { includeSecrets, notice, curl } = exp;
  return (
    <>
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
        <CurlHint curl={curl} file={manifestFileName(exp.name, 'yaml', includeSecrets)} />
      ) : null}
    </>
  );
}

interface IncludeSecretsProps {
  exp: ManifestExport;
  /** Asks for confirmation before secrets go into the export. */
  onWarn: () => void;
}

/** The "Include secrets" checkbox: turning it on asks first, turning it off does not. */
function IncludeSecretsCheckbox({ exp, onWarn }: IncludeSecretsProps) {
  const id = useId();
  return (
    <Checkbox
      id={id}
      label="Include secrets"
      description="Adds the cloud, cold-tier and registrar tokens from this tab's memory to downloads and copies, in clear text."
      checked={exp.includeSecrets}
      onChange={(e) => (e.target.checked ? onWarn() : exp.setIncludeSecrets(false))}
    />
  );
}

interface IncludeSecretsDialogProps {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The confirmation that secrets go into downloads and copies in clear text. */
function IncludeSecretsDialog({ open, onCancel, onConfirm }: IncludeSecretsDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      title="Include secrets in the export?"
      body={
        <p>
          The file will contain your cloud provider, cold-tier storage and registrar tokens in clear
          text. Anyone who gets it can create and delete resources in your accounts. Keep it out of
          Git and chat, and delete it when it has served its purpose.
        </p>
      }
      confirmLabel="Include secrets"
      tone="danger"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}

/** The manifest preview and the GitOps tree, each behind a disclosure. */
function ManifestViews({ name, preview }: { name: string; preview: string }) {
  return (
    <>
      <Collapsible title="Preview the manifest (YAML)">
        <YamlCode text={preview} label={`${manifestFileName(name, 'yaml')} preview`} />
        <p className="mt-2 text-xs text-fg-muted">Secret values are never shown here.</p>
      </Collapsible>
      <Collapsible title="GitOps tree">
        <GitopsViewer />
      </Collapsible>
    </>
  );
}

/** Import state: whether the dialog is open, the last outcome, and what an import resets. */
function useManifestImport(exp: ManifestExport) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const onImported = (o: ImportOutcome) => {
    exp.setIncludeSecrets(false);
    exp.setCurl(null);
    setOutcome(o);
    // Review's path comes from the one step list; the notice keeps focus when already there.
    const review = getStep('review').path;
    if (pathname !== review) void navigate(review);
  };
  return { importing, setImporting, outcome, onImported };
}

/** Review's Export slot: download, copy or POST the manifest, import one, browse its GitOps tree. */
export function ExportSection() {
  const exp = useManifestExport();
  const imp = useManifestImport(exp);
  const [warning, setWarning] = useState(false);
  return (
    <div className="space-y-4">
      <ExportIntro />
      <IncludeSecretsCheckbox exp={exp} onWarn={() => setWarning(true)} />
      <ExportButtons exp={exp} onImport={() => imp.setImporting(true)} />
      <ExportNotices exp={exp} />
      {imp.outcome ? <ImportNotice outcome={imp.outcome} /> : null}
      <ManifestViews name={exp.name} preview={exp.preview} />
      <IncludeSecretsDialog
        open={warning}
        onCancel={() => setWarning(false)}
        onConfirm={() => {
          setWarning(false);
          exp.setIncludeSecrets(true);
        }}
      />
      <ImportDialog
        open={imp.importing}
        onClose={() => imp.setImporting(false)}
        onImported={imp.onImported}
      />
    </div>
  );
}
