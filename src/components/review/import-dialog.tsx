import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { STEPS } from '../../shared/constants/steps';
import { MAX_MANIFEST_BYTES } from '../../shared/lib/manifest-io';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import {
  analyseManifestText,
  type ImportAnalysis,
  type ImportOutcome,
} from '../manifest/import-manifest';
import { ImportProblems, ImportSummaryView } from '../manifest/import-result';
import { Button } from '../ui/button';
import { ConfirmDialog, Modal } from '../ui/dialog';
import { Textarea } from '../ui/field';
import { cx } from '../ui/cx';

type Valid = ImportAnalysis & { ok: true };

/** Replaces the draft with an imported one: secrets cleared, then the carried ones put in memory. */
export function applyImport(analysis: Valid): ImportOutcome {
  const draftStore = useDraftStore.getState();
  draftStore.replaceDraft(analysis.draft);
  for (const step of STEPS) draftStore.markVisited(step.id);
  const secrets = useSecretsStore.getState();
  secrets.clearSecrets();
  for (const f of analysis.carried) secrets.setSecret(f.key, analysis.secrets[f.key]);
  return {
    name: analysis.summary.name,
    ...(analysis.migratedFrom ? { migratedFrom: analysis.migratedFrom } : {}),
    carried: analysis.carried,
    missing: analysis.missing,
  };
}

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  onImported: (outcome: ImportOutcome) => void;
}

/** Import a manifest from a file (picker or drop) or pasted text; the draft changes only on confirm. */
export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const ids = { title: useId(), file: useId(), paste: useId() };
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<{ source: string; analysis: ImportAnalysis } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [dragging, setDragging] = useState(false);

  const close = () => {
    setResult(null);
    setPasted('');
    setConfirming(false);
    onClose();
  };
  const check = (text: string, source: string) =>
    setResult({ source, analysis: analyseManifestText(text) });
  const readFile = async (file: File) => {
    if (file.size > MAX_MANIFEST_BYTES) {
      const message = `too large: at most ${MAX_MANIFEST_BYTES} bytes`;
      setResult({
        source: file.name,
        analysis: { ok: false, problems: [{ path: '(document)', message }] },
      });
      return;
    }
    check(await file.text(), file.name);
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void readFile(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
    else {
      const text = e.dataTransfer.getData('text/plain');
      if (text) check(text, 'The dropped text');
    }
  };
  const valid = result?.analysis.ok ? result.analysis : null;

  return (
    <>
      <Modal open={open} onCancel={close} labelledBy={ids.title} className="max-w-2xl">
        <div className="space-y-4">
          <h2 id={ids.title} className="text-lg font-semibold">
            Import a manifest
          </h2>
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={cx(
              'space-y-2 rounded-md border-2 border-dashed p-4 text-sm',
              dragging ? 'border-accent bg-muted' : 'border-border',
            )}
          >
            <label htmlFor={ids.file} className="block font-medium">
              Manifest file
            </label>
            <input
              id={ids.file}
              type="file"
              accept=".yaml,.yml,.json,application/yaml,application/json"
              onChange={onFile}
              className="block text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-fg focus-visible:outline-2 focus-visible:outline-focus"
            />
            <p className="text-fg-muted">…or drop a .yaml, .yml or .json file here.</p>
          </div>
          <div className="space-y-2">
            <label htmlFor={ids.paste} className="block text-sm font-medium">
              Or paste the manifest
            </label>
            <Textarea
              id={ids.paste}
              rows={6}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              spellCheck={false}
            />
            <Button onClick={() => check(pasted, 'The pasted text')} disabled={!pasted.trim()}>
              Check pasted text
            </Button>
          </div>
          {result && !result.analysis.ok ? (
            <ImportProblems source={result.source} problems={result.analysis.problems} />
          ) : null}
          {valid ? <ImportSummaryView analysis={valid} /> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" disabled={!valid} onClick={() => setConfirming(true)}>
              Replace draft…
            </Button>
          </div>
        </div>
      </Modal>
      <ConfirmDialog
        open={confirming && valid !== null}
        title="Replace the current draft?"
        body={
          <p>
            Every choice in the wizard is replaced by the imported Sovereign
            {valid ? ` “${valid.summary.name}”` : ''}. Secrets in memory are cleared; the ones the
            file carries are kept in memory only.
          </p>
        }
        confirmLabel="Replace draft"
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          if (!valid) return;
          const outcome = applyImport(valid);
          close();
          onImported(outcome);
        }}
      />
    </>
  );
}
