/**
 * A read-only view of the target repository, so that whatever inspects it (stack detection, the ADR
 * log, existing agents) is a pure function of the view. The CLI builds it from disk; tests build it
 * from a plain object.
 */
export interface RepoView {
  /** Relative paths (forward slashes) of the files in view, sorted. Vendored and build folders excluded. */
  readonly files: readonly string[];
  /** A file's text, or undefined when it is not in view or cannot be read. */
  read(path: string): string | undefined;
}

export function viewFromObject(files: Readonly<Record<string, string>>): RepoView {
  return {
    files: Object.keys(files).sort(),
    read: (path) => files[path],
  };
}
