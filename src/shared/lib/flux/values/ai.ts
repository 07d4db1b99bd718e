// vLLM (chart vllm-stack): one serving engine for the model the vLLM settings name. The chart
// serves no model by default (servingEngineSpec.modelSpec is empty) and requires of each item
// name, repository, tag, modelURL, replicaCount, requestCPU, requestMemory, requestGPU and
// pvcStorage (its values.schema.json at 0.1.5, vendored in src/shared/chart-schemas/vllm.json).
// The defaults here are the settings' defaults (component-settings.ts) and the catalog's resource
// estimate, so a setting changes one key of this item and every key the chart requires is there.
import { COMPONENT_SETTINGS } from '../../../constants/component-settings';
import { getComponent } from '../../../constants/components';
import type { Values } from '../release-context';

/** The default of one of vLLM's settings (one source: the settings table). */
function settingDefault(key: string): unknown {
  return COMPONENT_SETTINGS.vllm.find((f) => f.key === key)?.default;
}

/** The vLLM OpenAI-compatible server image the engine runs (vllm/vllm-openai on Docker Hub). */
export const VLLM_IMAGE = { repository: 'vllm/vllm-openai', tag: 'v0.8.5' } as const;

export function vllmValues(): Values {
  const r = getComponent('vllm').resources;
  return {
    servingEngineSpec: {
      modelSpec: [
        {
          name: 'default',
          repository: VLLM_IMAGE.repository,
          tag: VLLM_IMAGE.tag,
          modelURL: settingDefault('model'),
          replicaCount: settingDefault('replicas'),
          requestCPU: Math.ceil(r.cpuMillicores / 1000),
          requestMemory: `${Math.ceil(r.memoryMiB / 1024)}Gi`,
          requestGPU: settingDefault('gpus'),
          pvcStorage: settingDefault('modelCache') ?? `${r.storageGiB}Gi`,
          vllmConfig: { maxModelLen: settingDefault('maxModelLen') },
        },
      ],
    },
  };
}
