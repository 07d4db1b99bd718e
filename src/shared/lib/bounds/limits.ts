// The limits a manifest text is measured against before parsing, and what a refusal looks like.

/** The limits of a manifest text; a real manifest is a few KiB, depth ~8, a few thousand nodes. */
export const MANIFEST_LIMITS = {
  /** Characters in the text (the API's BODY_LIMIT is 1 MiB of bytes). */
  maxChars: 1_000_000,
  /** Nested collections (block and flow together). */
  maxDepth: 64,
  /** Keys of one mapping or items of one sequence (the catalog has fewer than 100 components). */
  maxEntries: 1_000,
  /** Keys, items, scalars, anchors, tags and aliases in the whole text. */
  maxNodes: 20_000,
} as const;

export type ManifestLimits = { readonly [K in keyof typeof MANIFEST_LIMITS]: number };

/** Why a text is refused before parsing: too big in some sense (413) or surely not YAML (415). */
export type BoundsViolation = {
  kind: 'too-large' | 'too-deep' | 'too-many-entries' | 'too-many-nodes' | 'syntax';
  /** Character offset where the limit was crossed or the error is. */
  offset: number;
  message: string;
};
