// Comparing two manifests: the change in words (changeSummary) and per file of the repository
// they render (treeDiff, applyDiff). Pure: shared by the CLI, the API and the Review page.
export { changeSummary, type ChangeSummary } from './change-summary';
export {
  componentChanges,
  componentName,
  isStateful,
  type ComponentChange,
  type ComponentChanges,
  type ComponentUpdate,
} from './component-changes';
export {
  DESTRUCTIVE_KINDS,
  destructiveChanges,
  type DestructiveChange,
  type DestructiveKind,
} from './destructive';
export { fieldChanges, labelOf, valueText, walkChanges, type FieldChange } from './field-changes';
export { applyHunks, diffLines, splitLines, type DiffLine, type Hunk } from './line-diff';
export {
  formatChangeSummary,
  manifestDiff,
  sovereignFiles,
  type ManifestDiff,
  type ManifestDiffOptions,
  type RepositoryOptions,
} from './manifest-diff';
export { regionChanges, type RegionChange } from './region-changes';
export { summarySentences, summaryTitle } from './sentences';
export {
  FILE_CATEGORIES,
  applyDiff,
  classifyPath,
  groupFiles,
  treeDiff,
  type DiffGroup,
  type FileCategory,
  type FileDiff,
  type FileStatus,
  type TreeDiff,
  type TreeFile,
} from './tree-diff';
export { formatFileDiff, formatHunk, formatTreeDiff, groupTitle, treeDiffStat } from './unified';
