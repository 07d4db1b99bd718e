// One verdict (issue 11, item 1): what Review lists for a draft is what the API's admission says
// about the draft's manifest (same problems, same paths), so a plan Review calls ready is accepted
// and a plan the API refuses is blocked on Review. The API side is the server's own admission
// function, called in-process on the body Provision sends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitManifest } from '../../../server/manifest-check';
import { ApiError } from '../../../server/errors';
import { draftProblems } from '../../../src/components/review/use-draft-problems';
import { fieldProblems } from '../../../src/shared/lib/manifest/field-map';
import { getProvider, REGISTRARS } from '../../../src/shared/constants/domain';
import { validateDraft } from '../../../src/shared/lib/draft';
import { buildManifest, withSecrets } from '../../../src/shared/lib/manifest';
import { planProblems } from '../../../src/shared/lib/plan-problems';
import type { Draft, DraftSecrets } from '../../../src/shared/schemas/draft';
import type { Problem } from '../../../src/shared/schemas/api';
import { draftArb, looseDraftArb, validDraft } from './manifest-fixtures';

/** What the API answers for the body Provision would send: [] when admitted, else its problems. */
function admission(draft: Draft, secrets: DraftSecrets): Problem[] {
  const manifest = withSecrets(buildManifest(draft), secrets);
  const text = JSON.stringify(manifest);
  try {
    admitManifest({ format: 'json', text, data: JSON.parse(text) as unknown });
    return [];
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 400) return [...(error.problems ?? [])];
    throw error;
  }
}

/** Well-formed secrets for a draft's provider and registrar (the API cannot judge their format). */
const secretsArb = (draft: Draft): fc.Arbitrary<DraftSecrets> => {
  const registrar = REGISTRARS.find((r) => r.id === draft.dns.registrar);
  return fc.record({
    providerToken: fc.stringMatching(getProvider(draft.infrastructure.provider).credential.pattern),
    registrarToken:
      draft.dns.mode === 'byo-api' && registrar
        ? fc.stringMatching(registrar.tokenPattern)
        : fc.constant(''),
    coldAccessKeyId: fc.constant('AKIAEXAMPLEKEY123456'),
    coldSecretAccessKey: fc.constant('cold-secret-access-key-0001'),
  });
};

const withSecretsArb = (drafts: fc.Arbitrary<Draft>) =>
  drafts.chain((draft) => fc.tuple(fc.constant(draft), secretsArb(draft)));

const placed = (p: { step: string; path: string | null; message: string }) =>
  `${p.step} ${p.path ?? '-'} ${p.message}`;

describe('planProblems: the verdict the API, the CLI and Review share', () => {
  it('admits the valid fixture and refuses a cluster over 100 % on its region', () => {
    expect(planProblems(buildManifest(validDraft()))).toEqual([]);
    const d = validDraft();
    const smallest = getProvider(d.infrastructure.provider).sizes[0]!.id;
    d.infrastructure.regions = d.infrastructure.regions.map((r) => ({
      ...r,
      controlPlane: { size: smallest, ha: false },
      workers: { size: smallest, count: 0 },
    }));
    d.storage.seaweedfs.volumeReplicas = 1; // one node: one volume server (no contradiction)
    const problems = planProblems(buildManifest(d));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toEqual({
      path: 'spec.infrastructure.regions[0]',
      message: expect.stringMatching(/^Nodes too small for the installed components: .*%/),
    });
  });

  it("places a capacity problem on Review on that region's worker size field", () => {
    const d = validDraft();
    const smallest = getProvider(d.infrastructure.provider).sizes[0]!.id;
    d.infrastructure.regions[0] = {
      ...d.infrastructure.regions[0]!,
      controlPlane: { size: smallest, ha: false },
      workers: { size: smallest, count: 0 },
    };
    const capacity = draftProblems(d, {
      providerToken: 'A1b2C3d4'.repeat(8),
      registrarToken: '',
      coldAccessKeyId: 'AKIAEXAMPLEKEY123456',
      coldSecretAccessKey: 'cold-secret-access-key-0001',
    }).filter((p) => p.message.startsWith('Nodes too small'));
    expect(capacity).toEqual([
      expect.objectContaining({
        step: 'infrastructure',
        path: 'infrastructure.regions.0.workers.size',
        manifestPath: 'spec.infrastructure.regions[0]',
      }),
    ]);
  });
});

describe('Review and the API agree on every draft (property)', () => {
  it('valid drafts of any size: Review lists exactly what the API answers, same paths', () => {
    fc.assert(
      fc.property(withSecretsArb(draftArb), ([draft, secrets]) => {
        fc.pre(validateDraft(draft, secrets).length === 0);
        const review = draftProblems(draft, secrets);
        const api = fieldProblems(admission(draft, secrets));
        expect(review.map(placed)).toEqual(api.map(placed));
        expect(review.map((p) => p.manifestPath)).toEqual(api.map((p) => p.manifestPath));
      }),
      { numRuns: 150 },
    );
  });

  it('any draft the store could hold: Ready exactly when the API admits, every API path listed', () => {
    fc.assert(
      fc.property(withSecretsArb(fc.oneof(draftArb, looseDraftArb)), ([draft, secrets]) => {
        const review = draftProblems(draft, secrets);
        const api = fieldProblems(admission(draft, secrets));
        expect(review.length === 0).toBe(api.length === 0);
        const listed = new Set(review.map((p) => `${p.step} ${p.path ?? '-'}`));
        for (const p of api) expect(listed).toContain(`${p.step} ${p.path ?? '-'}`);
      }),
      { numRuns: 150 },
    );
  });
});
