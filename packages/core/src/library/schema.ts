// Namespace import: `import { z }` pulls in every zod locale (about 350 KB minified) that esbuild cannot drop.
import * as z from 'zod';

// The plain lists live in kinds.ts, so the runtime gets them without building these schemas.
import { AREAS, FACET_KINDS, OPERATION_STEPS, SEED_SOURCES, type FacetKind } from './kinds.js';
export { AREAS, FACET_KINDS, OPERATION_STEPS, SEED_SOURCES, type Area, type FacetKind, type OperationStep } from './kinds.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and hyphens');
const text = z.string().trim().min(1);

/**
 * A condition on the answers, written as data (never evaluated as code).
 * `path` is a dotted answers path; exactly one test applies.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { path: string; nonEmpty: true }
  | { path: string; includes: string }
  | { path: string; includesAny: string[] }
  | { path: string; equals: string | number | boolean }
  | { path: string; in: Array<string | number | boolean> }
  /** A number answer (a target) at most or at least this: a trade-off that bites only at a tight p99 or a high rate. */
  | { path: string; atMost: number }
  | { path: string; atLeast: number };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ path: text, nonEmpty: z.literal(true) }),
    z.strictObject({ path: text, includes: text }),
    z.strictObject({ path: text, includesAny: z.array(text).min(1) }),
    z.strictObject({ path: text, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ path: text, in: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1) }),
    z.strictObject({ path: text, atMost: z.number() }),
    z.strictObject({ path: text, atLeast: z.number() }),
  ]),
);

/** Frontmatter of a competency block (templates/blocks/<id>.md). The body is a Handlebars template. */
export const BlockMetaSchema = z.strictObject({
  id,
  title: text,
  area: z.enum(AREAS),
  order: z.number().int().min(0).max(9999),
  /** Seed file names this block draws on, or ['original'] when it draws on none. */
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).min(1),
  when: ConditionSchema.optional(),
  requires: z.array(id).default([]),
  conflicts: z.array(id).default([]),
});
export type BlockMeta = z.infer<typeof BlockMetaSchema>;

/**
 * Frontmatter of a skill (templates/skills/<name>.md): one task a backend engineer does, written as
 * `<skills-dir>/<name>/SKILL.md` with a `references/<facet>.md` beside it for every chosen facet of
 * the kinds listed in `references`. `description` (when a tool should load it) and `index` (the
 * core's line on when to read it) are Handlebars strings compiled like the body.
 */
export const SkillMetaSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'skill names are lowercase words joined by single hyphens').max(64),
  area: z.enum(AREAS),
  order: z.number().int().min(0).max(9999),
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).min(1),
  when: ConditionSchema.optional(),
  references: z.array(z.enum(FACET_KINDS)).default([]),
  description: text,
  index: text,
});
export type SkillMeta = z.infer<typeof SkillMetaSchema>;

/**
 * A facet list item may hold only for some combinations of the other answers: `when` is a condition
 * on the answers (the block condition language), resolved when the render context is built, so
 * templates and documents only ever see the items that hold, in the plain shapes below.
 * A text item is a string, or `{ text, when }`.
 */
const when = ConditionSchema.optional();
const conditionalText = z.union([text, z.strictObject({ text, when })]);
const Alert = z.strictObject({
  name: text,
  meaning: text,
  severity: z.enum(['page', 'ticket', 'info']),
  firstActions: text,
  /**
   * PromQL for the rules file (docs/alerts.ts); `{selector}` is the service's label matcher
   * (`job="<service>"` unless `ops.metricsJob` says otherwise). Without one the alert is listed in
   * the runbook only: its signal is not a Prometheus metric (a cloud console, a cost report).
   */
  expr: text.optional(),
  /** How long the condition must hold before it fires, e.g. "15m". */
  for: z.string().regex(/^\d+[smhd]$/, 'for is a duration such as "10m"').optional(),
  when,
});
const FailureMode = z.strictObject({ symptom: text, cause: text, fix: text, when });
const TestTool = z.strictObject({
  level: z.enum(['unit', 'integration', 'contract', 'e2e', 'load', 'security', 'resilience', 'static']),
  tool: text,
  note: text.optional(),
  when,
});

/**
 * A technology facet as written in templates/facets/<kind>/<id>.yaml: what an expert knows about one
 * technology, some of it only for some stacks (`when`). See `Facet` for what templates receive.
 */
export const FacetSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(FACET_KINDS),
  /**
   * Other spellings users type or detection finds (lowercase): whole package ids, or a family of
   * them with a trailing `*` ("@azure/*", "azure-*", "awssdk.*") that detection matches by prefix.
   */
  aliases: z.array(z.string().regex(/^[^*]+\*?$/, 'an alias is a name, or a family ending in one "*" ("@azure/*")')).default([]),
  /**
   * Technologies that choosing this one brings along (a framework's language, a managed service's
   * cloud). Resolution adds them to the stack, so the facet's text may name them. An implied API
   * style (a web framework's REST) is added only when no API style was given.
   */
  implies: z.array(id).default([]),
  /**
   * Technologies of the same kind a team usually weighs against this one. The stack ADR lists them
   * under "Options considered" with the trade-off that weighs against each; nothing else names them.
   * An id, or `{ id, when }` for one that only fits some stacks (DynamoDB where the cloud is AWS).
   */
  alternatives: z.array(z.union([id, z.strictObject({ id, when })])).default([]),
  /** One sentence: what it is for and why a team picks it; used in the stack ADR. */
  summary: text,
  /**
   * The strongest reasons to pick it, most of them only for some services (`when` on the targets,
   * the cloud, the platform, compliance); the stack ADR weighs them against the trade-offs. Write the
   * conditional ones first: the ADR shows the first that hold.
   */
  strengths: z.array(conditionalText).default([]),
  /** Honest costs of choosing it, conditional ones first; used in the stack ADR's options and consequences. */
  tradeoffs: z.array(conditionalText).default([]),
  practices: z.array(conditionalText).min(3),
  pitfalls: z.array(conditionalText).min(2),
  runbook: z
    .strictObject({
      alerts: z.array(Alert).default([]),
      failureModes: z.array(FailureMode).default([]),
      dashboards: z.array(conditionalText).default([]),
    })
    .default({ alerts: [], failureModes: [], dashboards: [] }),
  testing: z
    .strictObject({
      tools: z.array(TestTool).default([]),
      notes: z.array(conditionalText).default([]),
    })
    .default({ tools: [], notes: [] }),
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).min(1),
  /** How a user of this technology asks for help, in their words, for the agent's description examples. */
  example: z.strictObject({ context: text, user: text, task: text, why: text }).optional(),
});
/** A facet as the library stores it, conditional items and all. */
export type FacetDefinition = z.infer<typeof FacetSchema>;
export type ConditionalText = z.infer<typeof conditionalText>;

type Plain<T> = Omit<T, 'when'>;
/**
 * A facet resolved for one set of answers (render/facets.ts): every list holds only the items whose
 * condition holds, text items are strings, and nothing carries a `when` any more.
 */
export interface Facet extends Omit<FacetDefinition, 'alternatives' | 'strengths' | 'tradeoffs' | 'practices' | 'pitfalls' | 'runbook' | 'testing'> {
  alternatives: string[];
  strengths: string[];
  tradeoffs: string[];
  practices: string[];
  pitfalls: string[];
  runbook: {
    alerts: Array<Plain<FacetDefinition['runbook']['alerts'][number]>>;
    failureModes: Array<Plain<FacetDefinition['runbook']['failureModes'][number]>>;
    dashboards: string[];
  };
  testing: {
    tools: Array<Plain<FacetDefinition['testing']['tools'][number]>>;
    notes: string[];
  };
}

/**
 * One code block of a runbook step (templates/operations/<id>.yaml): commands that run one after
 * the other and are safe to paste together, or `choose`, two or more such blocks of which on-call
 * runs one (roll back to the previous revision, or to a chosen one). `{token}` placeholders are
 * filled from the answers (`{service}`, `ops.*`) or stay for the user; each token has one meaning.
 */
const CommandBlock = z.strictObject({ title: text.optional(), when, run: z.array(text).min(1), note: text.optional() });
const StepItem = z.union([CommandBlock, z.strictObject({ when, choose: z.array(CommandBlock.extend({ title: text })).min(2), note: text.optional() })]);

/**
 * What on-call operates with commands: a compute platform (EKS, Cloud Run, Lambda…), the
 * infrastructure and traffic layers beside it (Terraform, a mesh), and each datastore and broker's
 * diagnostics. `when` says for which answers it applies; `base` reuses another entry's steps
 * (EKS, GKE and AKS run the same kubectl after their own connect), its own blocks first.
 */
export const OperationSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(['platform', 'infrastructure', 'datastore', 'broker']),
  when: ConditionSchema.optional(),
  base: id.optional(),
  /** One sentence on-call reads before the commands: what owns deploys here, what to never do. */
  intro: text.optional(),
  steps: z.partialRecord(z.enum(OPERATION_STEPS), z.array(StepItem).min(1)).default({}),
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).min(1),
});
export type OperationDefinition = z.infer<typeof OperationSchema>;
export type CommandBlockDefinition = z.infer<typeof CommandBlock>;
export type StepItemDefinition = z.infer<typeof StepItem>;

/**
 * templates/facets/terms.yaml: names that belong to technologies without being a facet's name (Lambda,
 * asyncpg, JUnit). Build-time only: the facet lint and the combinations test use them to tell that a
 * text names a technology. `requires` lists facet ids, all needed; a list inside means any one of it.
 */
export const TermsSchema = z.strictObject({
  terms: z.array(
    z.strictObject({
      term: text,
      /** A regular expression when the plain, case-sensitive, whole-word term is not enough. */
      pattern: text.optional(),
      requires: z.array(z.union([id, z.array(id).min(2)])).min(1),
    }),
  ),
});
export type TermsFile = z.infer<typeof TermsSchema>;

/**
 * A named set of answers (templates/presets/<name>.yaml). `answers` is validated against the answers
 * schema when the library is linted; `covers` lists, in this project's words, the competency topics a
 * seed-reproducing preset must cover, each with phrases any one of which shows it is covered.
 */
export const PresetSchema = z.strictObject({
  name: id,
  description: text,
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).min(1),
  answers: z.record(z.string(), z.unknown()),
  covers: z.array(z.strictObject({ topic: text, expect: z.array(text).min(1) })).default([]),
});
export type Preset = z.infer<typeof PresetSchema>;
