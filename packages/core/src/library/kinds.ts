/**
 * The library's fixed lists, without the zod schemas of schema.ts that validate templates/ at build
 * time: the CLI imports these at run time, and a module that builds schemas costs every command
 * that loads it (esbuild keeps schema construction, which it cannot prove free of side effects).
 */
/** Facet kinds, in the order the stack is described. Each kind is one stack answer. */
export const FACET_KINDS = [
  'language',
  'framework',
  'datastore',
  'messaging',
  'cloud',
  'infrastructure',
  'api',
  'compliance',
] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

export const SEED_SOURCES = [
  '000_11b522c2ae695abf.txt',
  '001_ee64f78764318c9a.txt',
  '002_f8997c189790f546.txt',
  '003_816a4d798c6a76ce.txt',
  '004_568361a15d96b4c5.txt',
] as const;

/** Competency areas. The `focus` answer puts some first (it orders, never drops); every block belongs to one. */
export const AREAS = [
  'architecture',
  'api',
  'data',
  'distributed-systems',
  'performance',
  'messaging',
  'security',
  'operations',
  'quality',
  'delivery',
  'collaboration',
] as const;
export type Area = (typeof AREAS)[number];

/** What each area covers, in the words the wizard and `--help answers` show beside its id. */
export const AREA_DESCRIPTIONS: Readonly<Record<Area, string>> = {
  architecture: 'service boundaries, design reviews, trade-offs',
  api: 'contracts, versioning, compatibility',
  data: 'schemas, migrations, queries, consistency',
  'distributed-systems': 'retries, idempotency, timeouts, partial failure',
  performance: 'latency budgets, profiling, load tests',
  messaging: 'events, delivery guarantees, consumer lag',
  security: 'threat models, secrets, compliance controls',
  operations: 'deploys, rollbacks, incidents, runbooks',
  quality: 'tests, coverage, code review',
  delivery: 'releases, decision records, change management',
  collaboration: 'decision rights, escalation, hand-offs',
};

/** The runbook's operations, in the order a runbook lists them. */
export const OPERATION_STEPS = ['connect', 'deploy', 'rollback', 'scale', 'inspect', 'diagnose'] as const;
export type OperationStep = (typeof OPERATION_STEPS)[number];
