import { useState, type MouseEvent } from 'react';
import { apiFetch, getApiToken } from '../../shared/api/client';
import type { Deployment } from '../../shared/schemas/api';
import { downloadBlob } from '../../shared/lib/download';
import { buttonVariants } from '../ui/button';

interface DownloadItem {
  label: string;
  href: string;
  filename: string;
}

function itemsOf(d: Deployment): DownloadItem[] {
  return [
    {
      label: 'Manifest (YAML)',
      href: `${d.links.manifest}?format=yaml`,
      filename: `${d.name}.sovereign.yaml`,
    },
    {
      label: 'Manifest (JSON)',
      href: `${d.links.manifest}?format=json`,
      filename: `${d.name}.sovereign.json`,
    },
    // The tree is the committed one: offered once the commit exists (the API answers 409 before).
    ...(d.commit
      ? [
          {
            label: 'GitOps tree (.tar.gz)',
            href: d.links.gitops,
            filename: `${d.name}-gitops.tar.gz`,
          },
        ]
      : []),
  ];
}

/**
 * The deployment's manifest (never with secrets) and GitOps tree as downloads. Plain links; when
 * an API token is stored the file is fetched with it (a link cannot send the header).
 */
export function DownloadLinks({ deployment }: { deployment: Deployment }) {
  const [error, setError] = useState<string | null>(null);
  const onClick = (item: DownloadItem) => async (e: MouseEvent<HTMLAnchorElement>) => {
    if (!getApiToken()) return;
    e.preventDefault();
    setError(null);
    try {
      const res = await apiFetch(item.href);
      downloadBlob(await res.blob(), item.filename);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section aria-labelledby="downloads-heading" className="space-y-3">
      <h2 id="downloads-heading" className="text-lg font-semibold">
        Downloads
      </h2>
      <ul className="flex flex-wrap gap-2">
        {itemsOf(deployment).map((item) => (
          <li key={item.href}>
            <a
              href={item.href}
              download={item.filename}
              onClick={(e) => void onClick(item)(e)}
              className={buttonVariants({ size: 'sm' })}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      {deployment.commit ? null : (
        <p className="text-sm text-fg-muted">
          The GitOps tree can be downloaded once it is committed.
        </p>
      )}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          The download failed: {error}
        </p>
      ) : null}
    </section>
  );
}
