import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { getStep } from '../../shared/constants/steps';
import { fieldId } from '../../shared/lib/draft-defaults';
import { alertVariants } from '../ui/alert';
import { cn } from '../ui/cn';
import { versionName, type ImportOutcome } from './import-manifest';

/** After an import: what was replaced, which secrets came along, which to enter again (links). */
export function ImportNotice({ outcome }: { outcome: ImportOutcome }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Next frame: the closing dialogs hand focus back to their opener in this same commit.
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [outcome]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-labelledby={titleId}
      className={cn(alertVariants({ tone: 'ok' }), 'space-y-2 focus:outline-none')}
    >
      <p id={titleId} className="font-semibold">
        Imported “{outcome.name}”
        {outcome.migratedFrom ? ` (migrated from ${versionName(outcome.migratedFrom)})` : ''}. The
        draft was replaced and the secrets in memory were cleared.
      </p>
      {outcome.carried.length > 0 ? (
        <p>
          The file carried secret values for{' '}
          {outcome.carried.map((f) => `${f.label} (${f.ref})`).join(', ')}: they are in this
          tab&apos;s memory only, not saved in the browser.
        </p>
      ) : null}
      {outcome.missing.length > 0 ? (
        <div>
          <p>Enter these secrets again (the file does not carry them):</p>
          <ul className="list-disc pl-5">
            {outcome.missing.map((f) => (
              <li key={f.key}>
                <Link
                  className="text-accent underline"
                  to={`${getStep(f.step).path}#${fieldId(`secrets.${f.key}`)}`}
                >
                  {f.label}
                </Link>{' '}
                <span className="text-fg-muted">({f.ref})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
