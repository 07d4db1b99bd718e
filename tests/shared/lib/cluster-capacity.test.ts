import { describe, expect, it } from 'vitest';
import { getComponent } from '../../../src/shared/constants/components';
import { regionsForTopology } from '../../../src/shared/lib/draft';
import { sumRequests } from '../../../src/shared/lib/capacity';
import { capacityProblems } from '../../../src/shared/lib/manifest/capacity';
import { CATALOG_INDEX } from '../../../src/shared/lib/catalog-graph';
import { clusterGroups, clusterRequests } from '../../../src/shared/lib/cluster-capacity';
import { planDraft } from '../../../src/shared/lib/draft-plan';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { planManifest } from '../../../src/shared/lib/placement';
import { resolveSelection } from '../../../src/shared/lib/resolve-selection';
import type { TopologyId } from '../../../src/shared/constants/domain';
import { validDraft } from './manifest-fixtures';

function draftOf(topology: TopologyId, chosen: string[] = ['librechat']) {
  const d = validDraft();
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(topology, 'hetzner');
  d.components.chosen = chosen as typeof d.components.chosen;
  return d;
}

const librechat = getComponent('librechat').resources;

describe('clusterRequests', () => {
  it('triangle: the mgt-only region does not count LibreChat, the rtz regions do', () => {
    const plan = planDraft(draftOf('triangle'));
    const [mgt, dp1, dp2] = plan.clusters;
    expect(mgt?.buildingBlocks).toEqual(['mgt']);
    expect(mgt?.components).not.toContain('librechat');
    expect(dp1?.components).toContain('librechat');
    expect(dp2?.components).toContain('librechat');
    const [mgtReq, dp1Req] = clusterRequests(plan.clusters);
    expect(mgtReq).toEqual(sumRequests(CATALOG_INDEX, mgt?.components ?? []));
    // Without LibreChat the mgt region asks less than the whole platform by at least its requests.
    const everything = sumRequests(
      CATALOG_INDEX,
      resolveSelection(CATALOG_INDEX, ['librechat']).installed,
    );
    expect(everything.cpuMillicores - (mgtReq?.cpuMillicores ?? 0)).toBeGreaterThanOrEqual(
      librechat.cpuMillicores,
    );
    expect(dp1Req?.cpuMillicores).toBeLessThan(everything.cpuMillicores);
  });

  it('solo: the one cluster counts every installed component except the bootstrap-only opentofu', () => {
    const plan = planDraft(draftOf('solo'));
    const installed = resolveSelection(CATALOG_INDEX, ['librechat']).installed;
    expect(installed.has('opentofu')).toBe(true);
    const expected = sumRequests(
      CATALOG_INDEX,
      [...installed].filter((id) => id !== 'opentofu'),
    );
    expect(clusterRequests(plan.clusters)).toEqual([expected]);
    expect(plan.clusters[0]?.components).not.toContain('opentofu');
  });

  it('the draft plan is the plan of its manifest', () => {
    const d = draftOf('triangle');
    expect(planDraft(d)).toEqual(planManifest(buildManifest(d)));
  });
});

describe('capacityProblems per cluster', () => {
  it('refuses only the region whose own cluster does not fit', () => {
    const d = draftOf('triangle');
    // Small nodes everywhere: then give the two data-plane regions plenty.
    d.infrastructure.regions = d.infrastructure.regions.map((r, i) => ({
      ...r,
      controlPlane: { size: 'cx23', ha: false },
      workers: i === 0 ? { size: 'cx23', count: 1 } : { size: 'ccx63', count: 10 },
    }));
    const problems = capacityProblems(buildManifest(d));
    expect(problems.map((p) => p.path)).toEqual(['spec.infrastructure.regions[0]']);
    expect(problems[0]?.message).toMatch(
      /^Nodes too small for the installed components: Region 1 \(fsn1\): CPU .* vCPU .*; memory .*; disk /,
    );
    // The region is named once, before every resource that does not fit.
    expect(problems[0]?.message.match(/Region/g)).toHaveLength(1);
  });
});

describe('clusterGroups', () => {
  it('groups a cluster by placement in a fixed order and leaves empty groups out', () => {
    const plan = planDraft(draftOf('triangle'));
    const [mgt, dp1] = plan.clusters;
    const m = clusterGroups(mgt?.components ?? []);
    expect(m.map((g) => g.label)).toEqual(['Every cluster', 'Management', 'Application']);
    // The mgt cluster's application group holds only what its mgt components need (CNPG).
    expect(m.find((g) => g.label === 'Application')?.ids).not.toContain('librechat');
    const dp = clusterGroups(dp1?.components ?? []);
    expect(dp.map((g) => g.label)).toEqual(['Every cluster', 'Application']);
    expect(dp.find((g) => g.label === 'Application')?.ids).toContain('librechat');
  });
});
