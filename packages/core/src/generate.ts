/**
 * The pure pipeline: answers + date -> the in-memory tree of every file to write, manifest included.
 * No disk, no clock, no prompts: the same answers and date give the same bytes.
 */
import type { Answers, Service } from './answers/schema.js';
import type { RenderContext } from './render/context.js';
import type { StarterAdrPlan } from './docs/adr.js';
import { adrDocsNaming, buildContext } from './render/context.js';
import { library as builtInLibrary, type Library } from './library/index.js';
import { composeCore } from './formats/core.js';
import { AGENT_FORMAT_REGISTRY } from './formats/registry.js';
import { renderSkills, selectSkills, skillDirs, skillFiles, skillIndex, skillsDirFor, CLAUDE_SKILLS_DIR } from './skills/index.js';
import { planStarterAdrs, renderRecordDecisionsAdr, renderStackAdr } from './docs/adr.js';
import { ADR_TOOLS_DEFAULT_DIR, type AdrLog } from './docs/adr-log.js';
import { renderRunbook, renderRunbookRules } from './docs/runbook.js';
import { renderTestStrategy } from './docs/test-strategy.js';
import { renderLoadTest } from './docs/load-test.js';
import type { ApiOperations } from './docs/api-operations.js';
import { buildManifest, packProvenance, serializeManifest } from './manifest.js';
import { makeTree, type Tree } from './tree.js';
import { MANIFEST_PATH, outputPaths } from './paths.js';
import { checkDate } from './date.js';
import { serviceAnswers, servicePaths, type ServicePaths } from './services.js';
import { AGENTS_MD_PATH } from './formats/agents-md.js';
import { nestedAgentsMdFiles } from './formats/agents-md-nested.js';
import { renderTemplate } from './render/handlebars.js';
import { tidyMarkdown } from './render/markdown.js';
import { docTemplate } from './docs/template.js';

export interface GenerateOptions {
  /** The date documents carry, YYYY-MM-DD. An input, so output is reproducible. */
  date: string;
  toolVersion: string;
  library?: Library;
  /**
   * The ADR log already in the target (findAdrLog/readAdrLog), so that generation continues it:
   * next number, same width, nothing renumbered. Ignored unless it is the log in outputs.paths.adrDir.
   */
  adrLog?: AdrLog;
  /** Paths the last run wrote (its manifest's files): the records among them are this tool's own. */
  writtenBefore?: readonly string[];
  /** The target's root AGENTS.md as it is now (null or absent: none), for the agents-md format's block. */
  agentsMd?: string | null;
  /** Each service's ADR log already in the target, by its folder (servicePaths().adrDir). */
  serviceAdrLogs?: ReadonlyMap<string, AdrLog>;
  /** Each service folder's AGENTS.md as it is now, by path (absent or null: none). */
  nestedAgentsMd?: ReadonlyMap<string, string | null>;
  /**
   * The operations of the API contracts in the target (readApiOperations), which the load test sends;
   * without them it carries named placeholders.
   */
  apiOperations?: ApiOperations;
  /** Told when a phase ends ('compose'), for the CLI's profile (pnpm bench --profile); no clock here. */
  onPhase?: (name: 'compose') => void;
}

export function generate(answers: Answers, options: GenerateOptions): Tree {
  checkDate(options.date);
  const lib = options.library ?? builtInLibrary;
  const paths = outputPaths(answers);
  const writtenBefore = new Set(options.writtenBefore ?? []);
  const monorepo = answers.services.length > 0;
  const adrs = planStarterAdrs({ dir: paths.adrDir, log: options.adrLog, writtenBefore, date: options.date, serviceName: answers.service.name });
  const built = buildContext(answers, lib, options.date);
  const context = { ...built, docs: { ...built.docs, ...adrDocsNaming(adrs.naming) } };
  options.onPhase?.('compose');
  const files: Array<[string, string]> = [];

  // Skills first: the core indexes them. Each is written where the chosen tools read skills.
  const skills = renderSkills(selectSkills(answers, lib), context, lib);
  // One composed core, rendered once; each format (formats/registry.ts) lays it out its own way,
  // naming the skills in the folder its tool reads.
  const core = composeCore({ ...context, skills: skillIndex(skills, CLAUDE_SKILLS_DIR) }, lib);
  for (const id of new Set(answers.outputs.formats)) {
    const format = AGENT_FORMAT_REGISTRY[id];
    const formatContext = { ...core.context, skills: skillIndex(skills, skillsDirFor(id, answers.outputs.formats)) };
    const formatInput = { context: formatContext, lib, sections: core.sections, existingAgentsMd: options.agentsMd ?? null };
    files.push(...(format.files ? format.files(formatInput) : [[format.path(answers), format.render(formatInput)] as [string, string]]));
  }
  files.push(...skillFiles(skills, skillDirs(answers.outputs.formats)));
  const services = answers.services.map((service) => serviceContext(answers, service, lib, options, writtenBefore));
  const root = files.find(([path]) => path === AGENTS_MD_PATH)?.[1];
  if (root !== undefined && services.length > 0) {
    const referenceIds = new Set(skills.flatMap((s) => s.references.map((r) => r.file.replace(/^references\/|\.md$/g, ''))));
    const nested = services.map(({ service, paths, context }) => ({ service, path: paths.agentsMd, context }));
    files.push(...nestedAgentsMdFiles(answers, lib, root, nested, options.nestedAgentsMd ?? new Map(), skillsDirFor('agents-md', answers.outputs.formats), referenceIds));
  }

  if (answers.outputs.docs.adr) {
    const records = [
      adrs.recordDecisions && renderRecordDecisionsAdr(context, lib, adrs.recordDecisions),
      // In a monorepo each service records its own stack; one record choosing every service's at once says nothing.
      !monorepo && adrs.stack && renderStackAdr(context, lib, adrs.stack),
    ];
    for (const adr of records) if (adr) files.push([adr.path, adr.content]);
    // adr-tools looks in doc/adr unless .adr-dir names another folder; a user's own .adr-dir that
    // already names this folder is left as it is.
    const ownAdrDir = options.adrLog?.adrToolsDir === paths.adrDir && !writtenBefore.has('.adr-dir');
    if (paths.adrDir !== ADR_TOOLS_DEFAULT_DIR && !ownAdrDir) files.push(['.adr-dir', `${paths.adrDir}\n`]);
  }
  if (!monorepo) {
    if (answers.outputs.docs.runbook) files.push([paths.runbook, renderRunbook(context, lib)]);
    if (answers.outputs.docs.alertRules) files.push([paths.alertRules, renderRunbookRules(context, lib)]);
    if (answers.outputs.docs.testStrategy) {
      files.push([paths.testStrategy, renderTestStrategy(context, lib, options.apiOperations)]);
      files.push([paths.loadTest, renderLoadTest(context, lib, options.apiOperations)]);
    }
  }
  files.push(...services.flatMap((service) => serviceDocs(answers, lib, service)));
  // A table too long for the core gets a file of its own, which the core names.
  if (context.services.index) files.push([context.services.index, tidyMarkdown(renderTemplate(docTemplate(lib, 'services-index'), context))]);

  const tree = makeTree(files);
  const provenance = packProvenance(lib, { blocks: core.sections.map((s) => s.id), skills: skills.map((s) => s.name), facets: context.stack.all.map((f) => f.id) });
  const manifest = buildManifest(tree, answers, options.toolVersion, options.date, provenance);
  return makeTree([...tree, [MANIFEST_PATH, serializeManifest(manifest)]]);
}

interface ServiceRender {
  service: Service;
  paths: ServicePaths;
  context: RenderContext;
  adrs: StarterAdrPlan | undefined;
}

/** A service's render context: its own answers (services.ts), and the naming of its ADR log. */
function serviceContext(answers: Answers, service: Service, lib: Library, options: GenerateOptions, writtenBefore: ReadonlySet<string>): ServiceRender {
  const paths = servicePaths(answers, service);
  const adrs = answers.outputs.docs.adr
    ? planStarterAdrs({ dir: paths.adrDir, log: options.serviceAdrLogs?.get(paths.adrDir), writtenBefore, date: options.date, serviceName: service.name, recordDecisions: false })
    : undefined;
  const built = buildContext(serviceAnswers(answers, service), lib, options.date);
  const context = adrs ? { ...built, docs: { ...built.docs, ...adrDocsNaming(adrs.naming) } } : built;
  return { service, paths, context, adrs };
}

/** Each service's own runbook (with its alert rules), test strategy and stack record. */
function serviceDocs(answers: Answers, lib: Library, { paths, context, adrs }: ServiceRender): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const { docs } = answers.outputs;
  if (adrs?.stack) {
    const adr = renderStackAdr(context, lib, adrs.stack);
    files.push([adr.path, adr.content]);
  }
  if (docs.runbook) files.push([paths.runbook, renderRunbook(context, lib)]);
  if (docs.alertRules) files.push([paths.alertRules, renderRunbookRules(context, lib)]);
  // A service's load test has no operations read for it (the repository's contracts are not its own): it carries named placeholders.
  if (docs.testStrategy) {
    files.push([paths.testStrategy, renderTestStrategy(context, lib)]);
    files.push([paths.loadTest, renderLoadTest(context, lib)]);
  }
  return files;
}
