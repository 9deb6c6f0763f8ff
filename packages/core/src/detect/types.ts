/** What stack detection finds in a repository, each finding with the files that said so. */
import type { FacetKind } from '../library/schema.js';

/** One reason to believe something: the file, and what in it. */
export interface Evidence {
  /** Repository-relative path, forward slashes. */
  file: string;
  /** What in the file, e.g. "requires github.com/gin-gonic/gin" or "service db: image postgres:16". */
  detail: string;
}

/** A technology the library has a facet for. */
export interface Finding {
  kind: FacetKind;
  id: string;
  name: string;
  evidence: Evidence[];
}

/** A technology found that this version has no facet for (Ruby, PHP…): reported, never answered. */
export interface Unsupported {
  name: string;
  evidence: Evidence[];
}

/** One package of a monorepo, with its own stack. */
export interface PackageDetection {
  /** Folder, repository-relative ("services/ledger"). */
  path: string;
  /** Its own name (package.json name, Go module, …), when it has one. */
  name?: string;
  findings: Finding[];
}

export interface Monorepo {
  /** What declares it: pnpm-workspace.yaml, package.json workspaces, nx.json, turbo.json, go.work. */
  tools: Evidence[];
  packages: PackageDetection[];
}

export interface CiSystem {
  /** "GitHub Actions", "GitLab CI", … */
  name: string;
  files: string[];
}

/** An agent definition or rules file some AI tool reads. */
export interface ExistingAgent {
  /** The tool, as an outputs.formats id where there is one: claude, copilot, cursor, agents-md, … */
  tool: string;
  path: string;
}

/** The repository's ADR log as detection reports it (found by the ADR-log reader of the docs module). */
export interface DetectedAdrLog {
  dir: string;
  evidence: Evidence[];
  /** Records found in it. */
  count?: number;
}

export interface Detection {
  /** Every facet found anywhere in the repository, by kind then strength of evidence. */
  findings: Finding[];
  unsupported: Unsupported[];
  /** Null for a single-package repository. */
  monorepo: Monorepo | null;
  ci: CiSystem[];
  agents: ExistingAgent[];
  adrLog: DetectedAdrLog | null;
  /** The service's own name, from its root manifest, when there is exactly one. */
  service: { name: string; evidence: Evidence } | null;
}
