// A file of a generated tree: its path relative to the tree's root and its text. The Flux tree,
// the OpenTofu module, the diff, the zip and the git commit all pass files of this one shape.

export interface TextFile {
  readonly path: string;
  readonly content: string;
}
