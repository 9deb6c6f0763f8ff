/** What stack detection finds in a repository, each finding with the files that said so. */
import type { FacetKind } from '../library/schema.js';

/** One reason to believe something: the file, and what in it. */
export interface Evidence {
  /** Repository-relative path, forward slashes. */
  file: string;
  /** What in the file, e.g. "requires github.com/gin-gonic/gin" or "service db: image postgres:16". */
  detail: string;
  /**
   * Weak evidence (a dev/test-only dependency, a type package, a Testcontainers module): shown, but
   * it never sets an answer on its own.
   */
  weak?: true;
}

/** A technology the library has a facet for. */
export interface Finding {
  kind: FacetKind;
  id: string;
  name: string;
  evidence: Evidence[];
}

/** A technology found that this version has no facet for (Ruby, SQLite, Celery…): reported, never answered. */
export interface Unsupported {
  name: string;
  /** What kind of technology it is, when known ("datastore" for SQLite); languages have none. */
  kind?: FacetKind;
  evidence: Evidence[];
}

/** One package of a monorepo, with its own stack. */
export interface PackageDetection {
  /** Folder, repository-relative ("services/ledger"). */
  path: string;
  /**
   * The name the team uses: the package.json name ("@shop/orders"), the Go module path, Maven/Gradle
   * coordinates ("com.acme:orders"), the crate, the Python project, the .NET project; the folder's
   * name when it has no manifest of its own. Never empty.
   */
  name: string;
  /** The name as a valid service name ("orders"). */
  slug: string;
  /** The manifest line the name comes from. */
  nameEvidence: Evidence;
  findings: Finding[];
  /** Found only on weak evidence (dev/test-only dependencies): shown, never answered. */
  weak: Finding[];
  unsupported: Unsupported[];
  /** Workspace packages it depends on (their paths); their datastores and brokers are in its findings. */
  uses: string[];
}

export interface Monorepo {
  /**
   * What declares it: pnpm-workspace.yaml, package.json workspaces, nx.json, turbo.json, go.work,
   * a .sln/.slnx solution, Maven modules, Gradle includes, uv/Cargo workspaces, service folders.
   */
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
  /** Found only on weak evidence (dev/test-only dependencies, type packages, Testcontainers): shown, never answered. */
  weak: Finding[];
  unsupported: Unsupported[];
  /** Null for a single-package repository. */
  monorepo: Monorepo | null;
  ci: CiSystem[];
  agents: ExistingAgent[];
  adrLog: DetectedAdrLog | null;
  /** The service's own name, from its root manifest, when there is exactly one. */
  service: { name: string; evidence: Evidence } | null;
}
