// Review in revision mode, loaded only when the draft has a base: the change first, and the
// commit in the Provision slot. Both read the one diff query, computed off the main thread.
export { RevisionChangeSection } from './revision-change-section';
export { RevisionProvision } from './revision-provision';
