// zod/mini, as the answers schema: one zod in the bundle, without the classic API's methods and its
// JSON Schema output (packs validate their files with these schemas at run time). Namespace import:
// `import { z }` would pull in every zod locale that esbuild cannot drop. English messages, as classic gives.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

// The plain lists live in kinds.ts, so the runtime gets them without building these schemas.
import { AREAS, FACET_KINDS, OPERATION_STEPS, SEED_SOURCES, type FacetKind } from './kinds.js';
export { AREAS, FACET_KINDS, OPERATION_STEPS, SEED_SOURCES, type Area, type FacetKind, type OperationStep } from './kinds.js';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and hyphens'));
const text = z.string().check(z.trim(), z.minLength(1));

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

export const ConditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(ConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ path: text, nonEmpty: z.literal(true) }),
    z.strictObject({ path: text, includes: text }),
    z.strictObject({ path: text, includesAny: z.array(text).check(z.minLength(1)) }),
    z.strictObject({ path: text, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ path: text, in: z.array(z.union([z.string(), z.number(), z.boolean()])).check(z.minLength(1)) }),
    z.strictObject({ path: text, atMost: z.number() }),
    z.strictObject({ path: text, atLeast: z.number() }),
  ]),
);

/** Frontmatter of a competency block (templates/blocks/<id>.md). The body is a Handlebars template. */
export const BlockMetaSchema = z.strictObject({
  id,
  title: text,
  area: z.enum(AREAS),
  order: z.int().check(z.minimum(0), z.maximum(9999)),
  /** Seed file names this block draws on, or ['original'] when it draws on none. */
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).check(z.minLength(1)),
  when: z.optional(ConditionSchema),
  requires: z._default(z.array(id), []),
  conflicts: z._default(z.array(id), []),
});
export type BlockMeta = z.infer<typeof BlockMetaSchema>;

/**
 * Frontmatter of a skill (templates/skills/<name>.md): one task a backend engineer does, written as
 * `<skills-dir>/<name>/SKILL.md` with a `references/<facet>.md` beside it for every chosen facet of
 * the kinds listed in `references`. `description` (when a tool should load it) and `index` (the
 * core's line on when to read it) are Handlebars strings compiled like the body.
 */
export const SkillMetaSchema = z.strictObject({
  name: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'skill names are lowercase words joined by single hyphens'), z.maxLength(64)),
  area: z.enum(AREAS),
  order: z.int().check(z.minimum(0), z.maximum(9999)),
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).check(z.minLength(1)),
  when: z.optional(ConditionSchema),
  references: z._default(z.array(z.enum(FACET_KINDS)), []),
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
const when = z.optional(ConditionSchema);
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
  expr: z.optional(text),
  /** How long the condition must hold before it fires, e.g. "15m". */
  for: z.optional(z.string().check(z.regex(/^\d+[smhd]$/, 'for is a duration such as "10m"'))),
  when,
});
const FailureMode = z.strictObject({ symptom: text, cause: text, fix: text, when });
const TestTool = z.strictObject({
  level: z.enum(['unit', 'integration', 'contract', 'e2e', 'load', 'security', 'resilience', 'static']),
  tool: text,
  note: z.optional(text),
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
  aliases: z._default(z.array(z.string().check(z.regex(/^[^*]+\*?$/, 'an alias is a name, or a family ending in one "*" ("@azure/*")'))), []),
  /**
   * Technologies that choosing this one brings along (a framework's language, a managed service's
   * cloud). Resolution adds them to the stack, so the facet's text may name them. An implied API
   * style (a web framework's REST) is added only when no API style was given.
   */
  implies: z._default(z.array(id), []),
  /**
   * Technologies of the same kind a team usually weighs against this one. The stack ADR lists them
   * under "Options considered" with the trade-off that weighs against each; nothing else names them.
   * An id, or `{ id, when }` for one that only fits some stacks (DynamoDB where the cloud is AWS).
   */
  alternatives: z._default(z.array(z.union([id, z.strictObject({ id, when })])), []),
  /** One sentence: what it is for and why a team picks it; used in the stack ADR. */
  summary: text,
  /**
   * The strongest reasons to pick it, most of them only for some services (`when` on the targets,
   * the cloud, the platform, compliance); the stack ADR weighs them against the trade-offs. Write the
   * conditional ones first: the ADR shows the first that hold.
   */
  strengths: z._default(z.array(conditionalText), []),
  /** Honest costs of choosing it, conditional ones first; used in the stack ADR's options and consequences. */
  tradeoffs: z._default(z.array(conditionalText), []),
  practices: z.array(conditionalText).check(z.minLength(3)),
  pitfalls: z.array(conditionalText).check(z.minLength(2)),
  runbook: z._default(
    z.strictObject({
      alerts: z._default(z.array(Alert), []),
      failureModes: z._default(z.array(FailureMode), []),
      dashboards: z._default(z.array(conditionalText), []),
    }),
    { alerts: [], failureModes: [], dashboards: [] },
  ),
  testing: z._default(
    z.strictObject({
      tools: z._default(z.array(TestTool), []),
      notes: z._default(z.array(conditionalText), []),
    }),
    { tools: [], notes: [] },
  ),
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).check(z.minLength(1)),
  /** How a user of this technology asks for help, in their words, for the agent's description examples. */
  example: z.optional(z.strictObject({ context: text, user: text, task: text, why: text })),
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
const CommandBlock = z.strictObject({ title: z.optional(text), when, run: z.array(text).check(z.minLength(1)), note: z.optional(text) });
const StepItem = z.union([CommandBlock, z.strictObject({ when, choose: z.array(z.extend(CommandBlock, { title: text })).check(z.minLength(2)), note: z.optional(text) })]);

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
  when: z.optional(ConditionSchema),
  base: z.optional(id),
  /** One sentence on-call reads before the commands: what owns deploys here, what to never do. */
  intro: z.optional(text),
  steps: z._default(z.partialRecord(z.enum(OPERATION_STEPS), z.array(StepItem).check(z.minLength(1))), {}),
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).check(z.minLength(1)),
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
      pattern: z.optional(text),
      requires: z.array(z.union([id, z.array(id).check(z.minLength(2))])).check(z.minLength(1)),
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
  sources: z.array(z.union([z.enum(SEED_SOURCES), z.literal('original')])).check(z.minLength(1)),
  answers: z.record(z.string(), z.unknown()),
  covers: z._default(z.array(z.strictObject({ topic: text, expect: z.array(text).check(z.minLength(1)) })), []),
});
export type Preset = z.infer<typeof PresetSchema>;
