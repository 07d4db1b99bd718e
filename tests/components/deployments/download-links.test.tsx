import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DownloadLinks } from '../../../src/components/deployments/download-links';
import type { Deployment } from '../../../src/shared/schemas/api';

const self = '/api/v1/deployments/d1';
const deployment = (commit: string | null): Deployment => ({
  id: 'd1',
  name: 'acme',
  status: commit ? 'ready-to-apply' : 'rendering',
  statusMessage: '',
  componentCount: 47,
  commit,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  links: { self, events: `${self}/events`, manifest: `${self}/manifest`, gitops: `${self}/gitops` },
});

describe('DownloadLinks', () => {
  it('offers the GitOps tree only once it is committed', () => {
    const { rerender } = render(<DownloadLinks deployment={deployment(null)} />);
    expect(screen.getByRole('link', { name: 'Manifest (YAML)' })).toBeVisible();
    expect(screen.queryByRole('link', { name: /GitOps tree/ })).not.toBeInTheDocument();
    expect(screen.getByText(/once it is committed/)).toBeVisible();
    rerender(<DownloadLinks deployment={deployment('063b77c4b188')} />);
    expect(screen.getByRole('link', { name: 'GitOps tree (.tar.gz)' })).toHaveAttribute(
      'href',
      `${self}/gitops`,
    );
  });
});
