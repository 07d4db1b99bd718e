import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../shared/api/client';
import { fieldProblems } from '../../shared/lib/manifest/field-map';
import { getStep } from '../../shared/constants/steps';
import { fieldId } from '../../shared/lib/draft-defaults';
import { buildManifest } from '../../shared/lib/manifest/build';
import { useDraftStore } from '../../shared/store/draft-store';
import { Alert } from '../ui/alert';
import { stepPath } from '../../shared/constants/routes';

const linkClass =
  'text-danger underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/**
 * The problems the API found in a submitted manifest, each a link to the wizard field its path
 * names (`/wizard/<step>#<fieldId>`, the Review problem links' mechanism).
 */
export function ServerProblems({ error }: { error: ApiError }) {
  // The submitted draft's components, in manifest order: a settings path names one by index.
  const draft = useDraftStore((s) => s.draft);
  const problems = useMemo(
    () =>
      fieldProblems(
        error.problems,
        buildManifest(draft).spec.components.map((c) => c.id),
      ),
    [error.problems, draft],
  );
  return (
    <Alert tone="danger" role="alert" aria-labelledby="provision-problems">
      <h3 id="provision-problems" className="font-semibold">
        The server refused the manifest: {error.message}
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p) => {
          const step = getStep(p.step);
          const label = `${step.title}: ${p.message}`;
          return (
            <li key={`${p.manifestPath}:${p.message}`}>
              <Link
                to={`${step.path ?? stepPath('review')}${p.path ? `#${fieldId(p.path)}` : ''}`}
                className={linkClass}
              >
                {label}
              </Link>{' '}
              <code className="text-xs text-fg-muted">{p.manifestPath}</code>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
