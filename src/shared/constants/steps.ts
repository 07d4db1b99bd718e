// The wizard's steps, in order: the stepper, Back/Next, the router and each step's heading and
// lead paragraph all come from this list.

export const STEPS = [
  {
    id: 'infrastructure',
    title: 'Infrastructure',
    path: '/wizard/infrastructure',
    lead: 'Choose the cloud, name your Sovereign, and size the Kubernetes clusters in each region.',
  },
  {
    id: 'storage',
    title: 'Storage tier',
    path: '/wizard/storage',
    lead: 'Size the SeaweedFS object store, decide how long data stays hot and warm, and where the cold tier is archived.',
  },
  {
    id: 'dns',
    title: 'DNS',
    path: '/wizard/dns',
    lead: 'Pick the domain your Sovereign answers on, how multi-region answers are chosen, and who issues its certificates.',
  },
  {
    id: 'components',
    title: 'Components',
    path: '/wizard/components',
    lead: 'Mandatory components are always installed. Choose the others; each brings what it depends on, and every card says why it is there.',
  },
  {
    id: 'review',
    title: 'Review',
    path: '/wizard/review',
    lead: 'Check every choice, defaults included. Edit a step to change it; problems link to their field.',
  },
] as const;

export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);

/** Narrows a URL segment to a StepId. */
export function isStepId(value: string | undefined): value is StepId {
  return STEP_IDS.includes(value as StepId);
}

/** The step for an id. */
export function getStep(id: StepId): (typeof STEPS)[number] {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step: ${id}`);
  return step;
}
