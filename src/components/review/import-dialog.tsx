import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { STEPS } from '../../shared/constants/steps';
import { MAX_MANIFEST_BYTES } from '../../shared/lib/manifest/io';
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

type Checked = { source: string; analysis: ImportAnalysis };

/** The text being checked: where it came from and what the analysis found. */
function useImportCheck() {
  const [result, setResult] = useState<Checked | null>(null);
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
  return { result, check, readFile, clear: () => setResult(null) };
}

interface DropZoneProps {
  onFile: (file: File) => void;
  onText: (text: string) => void;
}

/** The file picker, also a drop target for a file or dragged text. */
function DropZone({ onFile, onText }: DropZoneProps) {
  const fileId = useId();
  const [dragging, setDragging] = useState(false);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) onFile(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
    else {
      const text = e.dataTransfer.getData('text/plain');
      if (text) onText(text);
    }
  };
  return (
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
      <label htmlFor={fileId} className="block font-medium">
        Manifest file
      </label>
      <input
        id={fileId}
        type="file"
        accept=".yaml,.yml,.json,application/yaml,application/json"
        onChange={onChange}
        className="block text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-fg focus-visible:outline-2 focus-visible:outline-focus"
      />
      <p className="text-fg-muted">…or drop a .yaml, .yml or .json file here.</p>
    </div>
  );
}

interface PasteFieldProps {
  value: string;
  onChange: (value: string) => void;
  onCheck: () => void;
}

/** A textarea for a pasted manifest and the button that checks it. */
function PasteField({ value, onChange, onCheck }: PasteFieldProps) {
  const pasteId = useId();
  return (
    <div className="space-y-2">
      <label htmlFor={pasteId} className="block text-sm font-medium">
        Or paste the manifest
      </label>
      <Textarea
        id={pasteId}
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
      />
      <Button onClick={onCheck} disabled={!value.trim()}>
        Check pasted text
      </Button>
    </div>
  );
}

interface ReplaceConfirmProps {
  open: boolean;
  valid: Valid | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The last word before the draft is replaced by the imported one. */
function ReplaceConfirm({ open, valid, onCancel, onConfirm }: ReplaceConfirmProps) {
  return (
    <ConfirmDialog
      open={open}
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
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}

/** What the check found: the problems of an invalid manifest or the summary of a valid one. */
function CheckResult({ result, valid }: { result: Checked | null; valid: Valid | null }) {
  return (
    <>
      {result && !result.analysis.ok ? (
        <ImportProblems source={result.source} problems={result.analysis.problems} />
      ) : null}
      {valid ? <ImportSummaryView analysis={valid} /> : null}
    </>
  );
}

interface DialogActionsProps {
  canReplace: boolean;
  onCancel: () => void;
  onReplace: () => void;
}

function DialogActions({ canReplace, onCancel, onReplace }: DialogActionsProps) {
  return (
    <div className="flex justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button variant="primary" disabled={!canReplace} onClick={onReplace}>
        Replace draft…
      </Button>
    </div>
  );
}

/** Import a manifest from a file (picker or drop) or pasted text; the draft changes only on confirm. */
export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const titleId = useId();
  const [pasted, setPasted] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { result, check, readFile, clear } = useImportCheck();
  const valid = result?.analysis.ok ? result.analysis : null;

  const close = () => {
    clear();
    setPasted('');
    setConfirming(false);
    onClose();
  };

  return (
    <>
      <Modal open={open} onCancel={close} labelledBy={titleId} className="max-w-2xl">
        <div className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            Import a manifest
          </h2>
          <DropZone
            onFile={(file) => void readFile(file)}
            onText={(text) => check(text, 'The dropped text')}
          />
          <PasteField
            value={pasted}
            onChange={setPasted}
            onCheck={() => check(pasted, 'The pasted text')}
          />
          <CheckResult result={result} valid={valid} />
          <DialogActions
            canReplace={valid !== null}
            onCancel={close}
            onReplace={() => setConfirming(true)}
          />
        </div>
      </Modal>
      <ReplaceConfirm
        open={confirming && valid !== null}
        valid={valid}
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
