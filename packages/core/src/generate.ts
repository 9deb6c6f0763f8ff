/**
 * The pure pipeline: answers + date -> the in-memory tree of every file to write, manifest included.
 * No disk, no clock, no prompts: the same answers and date give the same bytes.
 */
import type { Answers } from './answers/schema.js';
import { buildContext } from './render/context.js';
import { library as builtInLibrary, type Library } from './library/index.js';
import { renderClaudeAgent } from './formats/claude.js';
import { renderOrchestrationAgent, renderPlainAgent } from './formats/seed-shapes.js';
import { renderRecordDecisionsAdr, renderStackAdr } from './docs/adr.js';
import { renderRunbook } from './docs/runbook.js';
import { renderTestStrategy } from './docs/test-strategy.js';
import { buildManifest, serializeManifest } from './manifest.js';
import { makeTree, type Tree } from './tree.js';
import { MANIFEST_PATH, outputPaths } from './paths.js';
import { InputError } from './errors.js';

export interface GenerateOptions {
  /** The date documents carry, YYYY-MM-DD. An input, so output is reproducible. */
  date: string;
  toolVersion: string;
  library?: Library;
}

/** adr-tools looks in doc/adr unless .adr-dir names another folder. */
const ADR_TOOLS_DEFAULT_DIR = 'doc/adr';

export function generate(answers: Answers, options: GenerateOptions): Tree {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
    throw new InputError(`Invalid date "${options.date}".`, 'Use YYYY-MM-DD, e.g. --date 2026-11-21.');
  }
  const lib = options.library ?? builtInLibrary;
  const context = buildContext(answers, lib, options.date);
  const paths = outputPaths(answers);
  const files: Array<[string, string]> = [];

  for (const format of answers.outputs.formats) {
    switch (format) {
      case 'claude':
        files.push([paths.claudeAgent, renderClaudeAgent(context, lib)]);
        break;
      case 'orchestration':
        files.push([`agents/${answers.agent.name}.md`, renderOrchestrationAgent(context, lib)]);
        break;
      case 'plain':
        files.push([`docs/agents/${answers.agent.name}.md`, renderPlainAgent(context, lib)]);
        break;
      default:
        throw new InputError(`The "${format}" agent format is not available in this version.`, 'Use claude, orchestration or plain in outputs.formats.');
    }
  }

  if (answers.outputs.docs.adr) {
    for (const adr of [renderRecordDecisionsAdr(context, lib, 1), renderStackAdr(context, lib, 2)]) files.push([adr.path, adr.content]);
    if (paths.adrDir !== ADR_TOOLS_DEFAULT_DIR) files.push(['.adr-dir', `${paths.adrDir}\n`]);
  }
  if (answers.outputs.docs.runbook) files.push([paths.runbook, renderRunbook(context, lib)]);
  if (answers.outputs.docs.testStrategy) files.push([paths.testStrategy, renderTestStrategy(context, lib)]);

  const tree = makeTree(files);
  const manifest = buildManifest(tree, answers, options.toolVersion, options.date);
  return makeTree([...tree, [MANIFEST_PATH, serializeManifest(manifest)]]);
}
