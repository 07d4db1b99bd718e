// Revision-mode fixtures: manifests of the valid draft, and the test double of the bootstrap
// API's Sovereign endpoints (MSW at the HTTP boundary; every answer parsed by the real schema).
import { http, HttpResponse } from 'msw';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { serializeManifest } from '../../../src/shared/lib/manifest/io';
import type { Draft } from '../../../src/shared/schemas/draft';
import type { SovereignManifest } from '../../../src/shared/schemas/manifest';
import {
  revisionCreatedSchema,
  sovereignSchema,
  type Revision,
} from '../../../src/shared/schemas/sovereigns';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useRevisionStore } from '../../../src/shared/store/revision-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { validDraft } from '../../shared/lib/manifest-fixtures';

export const NAME = 'acme';

/** The valid draft changed by `edit`. */
export function draftWith(edit: (d: Draft) => void = () => {}): Draft {
  const d = validDraft();
  edit(d);
  return d;
}

export const manifestOf = (d: Draft): SovereignManifest => buildManifest(d);

/** A draft with LibreChat and one worker more in region 1 (the e2e's change). */
export const addLibreChatAndWorker = (d: Draft) => {
  d.components.chosen.push('librechat');
  const r = d.infrastructure.regions[0]!;
  r.workers = { ...r.workers, count: r.workers.count + 1 };
};

/** Puts the wizard in revision mode: `base` as revision `revision`, `draft` as the draft. */
export function openRevision(base: Draft, draft: Draft = base, revision = 1) {
  useDraftStore.getState().replaceDraft(draft);
  useRevisionStore.getState().setBase({ name: NAME, revision, manifest: manifestOf(base) });
  const s = useSecretsStore.getState();
  s.setSecret('providerToken', 'A1b2C3d4'.repeat(8));
  s.setSecret('coldAccessKeyId', 'AKIAEXAMPLEKEY123456');
  s.setSecret('coldSecretAccessKey', 'cold-secret-access-key-0001');
}

/** Revision `n` as GET /sovereigns/:name lists it. */
export const revision = (
  n: number,
  summary = n === 1 ? 'Created' : 'Adds 5 components',
): Revision => ({
  revision: n,
  deploymentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  baseRevision: n === 1 ? null : n - 1,
  status: 'ready-to-apply',
  commitSha: `${String(n).repeat(8)}abcdef0123456789abcdef0123456789`.slice(0, 40),
  summary,
  createdAt: `2026-01-0${n}T10:00:00.000Z`,
});

/** The test double of the Sovereign endpoints for `drafts` (revision i+1 is drafts[i]). */
export function sovereignHandlers(drafts: readonly Draft[]) {
  const revisions = drafts.map((_, i) => revision(i + 1));
  return [
    http.get(`/api/v1/sovereigns/${NAME}`, () =>
      HttpResponse.json(sovereignSchema.parse({ name: NAME, revisions })),
    ),
    http.get(`/api/v1/sovereigns/${NAME}/revisions/:rev/manifest`, ({ params }) => {
      const d = drafts[Number(params.rev) - 1];
      if (!d)
        return HttpResponse.json(
          { error: 'not_found', message: 'No such revision' },
          { status: 404 },
        );
      return new HttpResponse(serializeManifest(manifestOf(d), 'yaml'), {
        headers: { 'content-type': 'application/yaml' },
      });
    }),
  ];
}

/** A 201 answer to POST /sovereigns/:name/revisions for revision `n`. */
export const revisionCreated = (n: number) => {
  const id = revision(n).deploymentId;
  const self = `/api/v1/deployments/${id}`;
  return revisionCreatedSchema.parse({
    id,
    status: 'pending',
    revision: n,
    links: {
      self,
      events: `${self}/events`,
      manifest: `${self}/manifest`,
      gitops: `${self}/gitops`,
    },
  });
};
