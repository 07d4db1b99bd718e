// Why a component is installed, once: the reasons, the order they are weighed in, and every
// sentence the app shows for them (the card, the graph node, the side panel, Review's groups,
// the revision diff).

/**
 * The reasons, in precedence order: a component is explained by the first that holds. A
 * mandatory component is mandatory; one a mandatory component needs is locked even when the user
 * also chose it (its toggle is fixed: removing it is impossible); then chosen; then a dependency.
 */
export const WHY_PRECEDENCE = ['mandatory', 'locked', 'chosen', 'dependency'] as const;
export type InstalledReason = (typeof WHY_PRECEDENCE)[number];
export type WhyKind = InstalledReason | 'not-installed';

/**
 * The reasons a manifest records (`spec.components[].reason`), in the order they are recorded:
 * the record keeps the user's choice, so a chosen component stays `chosen` even when a mandatory
 * one also needs it (the draft's `chosen` is read back from it). Display uses WHY_PRECEDENCE.
 */
export const RECORD_PRECEDENCE = ['mandatory', 'chosen', 'locked', 'dependency'] as const;

/** What holds of an installed component. */
export interface ReasonFacts {
  readonly mandatory: boolean;
  readonly locked: boolean;
  readonly chosen: boolean;
}

const holds = (facts: ReasonFacts, kind: InstalledReason): boolean =>
  kind === 'dependency' ? true : facts[kind];

/** The reason that explains an installed component (WHY_PRECEDENCE). */
export const whyKind = (facts: ReasonFacts): InstalledReason =>
  WHY_PRECEDENCE.find((k) => holds(facts, k)) ?? 'dependency';

/** The reason a manifest records for an installed component (RECORD_PRECEDENCE). */
export const recordedReason = (facts: ReasonFacts): InstalledReason =>
  RECORD_PRECEDENCE.find((k) => holds(facts, k)) ?? 'dependency';

interface ReasonText {
  /** The one-line sentence; `via` names what pulls it in ('LibreChat → vLLM'). */
  readonly sentence: (via: string) => string;
  /** The status after the tier on a graph node's label. */
  readonly node: string;
}

/** The sentence and the graph node's status of every reason. */
export const REASON_TEXT: Readonly<Record<WhyKind, ReasonText>> = {
  mandatory: { sentence: () => 'Mandatory', node: 'always installed' },
  locked: {
    sentence: (via) => `Locked: required by mandatory ${via}`,
    node: 'needed by a mandatory component',
  },
  chosen: { sentence: () => 'Chosen by you', node: 'chosen by you' },
  dependency: { sentence: (via) => `Required by ${via}`, node: 'installed as a dependency' },
  'not-installed': { sentence: () => 'Not installed', node: 'not installed' },
};

/** A card's status line where it differs from the sentence. */
export const REASON_CARD_TEXT = {
  mandatory: 'Mandatory: always installed',
  chosen: 'Chosen',
} as const satisfies Partial<Record<WhyKind, string>>;

/** Why a component's toggle is fixed (the graph's side panel). */
export const REASON_FIXED_TEXT = {
  mandatory: 'Mandatory: it cannot be removed.',
  locked: 'Locked: a mandatory component needs it.',
} as const satisfies Partial<Record<WhyKind, string>>;

/** The headings of Review's groups of installed components (dependencies: the sentence). */
export const REASON_GROUP_TEXT = {
  chosen: 'Chosen by you',
  mandatory: 'Mandatory (always installed)',
} as const satisfies Partial<Record<WhyKind, string>>;

/** A chosen component of the recommended tier is on by default, not "chosen by you". */
export const ON_BY_DEFAULT_TEXT = {
  card: 'Recommended: on by default',
  node: 'on by default',
  group: 'Recommended (on by default)',
} as const;
