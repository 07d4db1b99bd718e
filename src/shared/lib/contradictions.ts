// Rules across fields and steps that a per-field schema cannot state: settings that contradict
// the topology or the nodes, each a problem on the field to change with the fix in its words.
// validateStep runs them, so the wizard's steps, Review, the API's admission and `catalyst
// validate` (all through validateManifest) judge a plan the same way.
import { LUA_POLICIES, PLACEMENT_LABELS } from '../constants/domain';
import type { StepId } from '../constants/steps';
import type { Draft } from '../schemas/draft';
import type { FieldError } from './draft-defaults';
import { controlPlaneCount } from './node-pools';

/** Nodes a region's cluster schedules pods on (control plane and workers); null while unknown. */
function nodesOf(region: Draft['infrastructure']['regions'][number]): number | null {
  const workers = region.workers.count;
  if (!Number.isInteger(workers) || workers < 0) return null;
  return controlPlaneCount(region.controlPlane) + workers;
}

/** The smallest cluster: SeaweedFS runs on every one, one volume server per node. */
function smallestCluster(draft: Draft): { index: number; name: string; nodes: number } | null {
  let smallest: { index: number; name: string; nodes: number } | null = null;
  draft.infrastructure.regions.forEach((r, index) => {
    const nodes = nodesOf(r);
    if (nodes !== null && (smallest === null || nodes < smallest.nodes))
      smallest = { index, name: r.cloudRegion || `region ${index + 1}`, nodes };
  });
  return smallest;
}

function storageContradictions(draft: Draft): FieldError[] {
  const out: FieldError[] = [];
  const { seaweedfs } = draft.storage;
  const single = draft.infrastructure.regions.length === 1;
  const push = (path: string, message: string) =>
    out.push({ step: 'storage', path: `storage.seaweedfs.${path}`, message });
  if (single && seaweedfs.placement !== 'single-region')
    push(
      'placement',
      `Placement: "${PLACEMENT_LABELS[seaweedfs.placement]}" needs several regions, and the ${draft.infrastructure.topology} topology has one; choose ${PLACEMENT_LABELS['single-region']}`,
    );
  const masters = seaweedfs.masterReplicas;
  if (Number.isInteger(masters) && masters % 2 === 0)
    push(
      'masterReplicas',
      `Master replicas: ${masters} is even; masters need a majority, so ${masters} survive no more failures than ${masters - 1}; choose ${masters - 1} or ${masters + 1}`,
    );
  const volumes = seaweedfs.volumeReplicas;
  const smallest = smallestCluster(draft);
  if (Number.isInteger(volumes) && smallest && volumes > smallest.nodes)
    push(
      'volumeReplicas',
      `Volume replicas: ${volumes} volume servers need ${volumes} nodes (one per node) in every cluster, and region ${smallest.index + 1} (${smallest.name}) has ${smallest.nodes}; lower it to ${smallest.nodes} or add workers in Infrastructure`,
    );
  return out;
}

function dnsContradictions(draft: Draft): FieldError[] {
  const { luaPolicy } = draft.dns;
  if (draft.infrastructure.regions.length !== 1 || luaPolicy === 'single-region') return [];
  const name = LUA_POLICIES.find((p) => p.id === luaPolicy)?.name ?? luaPolicy;
  return [
    {
      step: 'dns',
      path: 'dns.luaPolicy',
      message: `Multi-region answer policy: "${name}" needs several regions, and the ${draft.infrastructure.topology} topology has one; choose Single region`,
    },
  ];
}

/** The contradictions whose field is on this step (the fix is named in each message). */
export function contradictions(step: StepId, draft: Draft): FieldError[] {
  if (step === 'storage') return storageContradictions(draft);
  if (step === 'dns') return dnsContradictions(draft);
  return [];
}
