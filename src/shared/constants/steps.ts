// The wizard's steps, in order: the stepper, Back/Next and the router all map over this list.

export const STEPS = [
  { id: 'infrastructure', title: 'Infrastructure', path: '/wizard/infrastructure' },
  { id: 'storage', title: 'Storage tier', path: '/wizard/storage' },
  { id: 'dns', title: 'DNS', path: '/wizard/dns' },
  { id: 'components', title: 'Components', path: '/wizard/components' },
  { id: 'review', title: 'Review', path: '/wizard/review' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);

/** Narrows a URL segment to a StepId. */
export function isStepId(value: string | undefined): value is StepId {
  return STEP_IDS.includes(value as StepId);
}
