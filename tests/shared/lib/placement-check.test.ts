import { describe, expect, it } from 'vitest';
import { admissionProblems } from '../../../src/shared/lib/manifest/capacity';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { placementProblems } from '../../../src/shared/lib/placement-check';
import { draftFieldOfManifestPath } from '../../../src/shared/lib/manifest/field-map';
import { validDraft } from './manifest-fixtures';

/** The default zoned draft with LibreChat chosen and the given building blocks on every region. */
function draftWithBlocks(blocks: ('mgt' | 'rtz' | 'dmz')[]) {
  const d = validDraft();
  d.components.chosen = ['librechat'];
  d.infrastructure.regions = d.infrastructure.regions.map((r) => ({
    ...r,
    buildingBlocks: blocks,
  }));
  return d;
}

describe('placementProblems', () => {
  it("names a chosen component no region can carry, on the first region's building blocks", () => {
    const problems = placementProblems(buildManifest(draftWithBlocks(['mgt', 'dmz'])));
    expect(problems).toContainEqual({
      path: 'spec.infrastructure.regions[0].buildingBlocks',
      message: 'LibreChat needs a region with the rtz building block; no region carries rtz',
    });
    expect(draftFieldOfManifestPath(problems[0]?.path ?? '')).toEqual({
      step: 'infrastructure',
      path: 'infrastructure.regions.0.buildingBlocks',
    });
  });

  it('has nothing to say when some region carries the block', () => {
    expect(placementProblems(buildManifest(draftWithBlocks(['mgt', 'rtz'])))).toEqual([]);
  });

  it('is part of what the API and CLI judge', () => {
    const m = buildManifest(draftWithBlocks(['mgt', 'dmz']));
    expect(admissionProblems(m).map((p) => p.message)).toContain(
      'LibreChat needs a region with the rtz building block; no region carries rtz',
    );
  });
});
