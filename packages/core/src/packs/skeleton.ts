/**
 * A new, empty pack: pack.yaml, one example block and the test that shows it reaches the agent.
 * `backend-agent pack init` (users) and `pnpm gen pack` (maintainers) both write these files.
 */
import { stringify } from 'yaml';
import { PACK_MANIFEST } from './read.js';

export const PACK_TEST_DIR = 'tests';

export function packSkeleton(name: string): Array<[string, string]> {
  const manifest = [
    '# A team pack: composed with the built-in library on every run (docs/packs.md).',
    stringify({ name, version: '0.1.0', description: 'Our conventions, in every service\'s agent.', disable: { blocks: [], facets: [], skills: [], presets: [] } }, { flowCollectionPadding: false }).trimEnd(),
    '',
  ].join('\n');
  const block = [
    '---',
    'id: team-conventions',
    'title: Team conventions',
    'area: collaboration',
    '# After the built-in blocks (the last is at 1010).',
    'order: 1100',
    'sources: [original]',
    '---',
    'Replace these lines with rules this team holds that the library does not know; every line should change what the agent does here.',
    '',
    '- A change to `{{service.name}}` that touches another team\'s contract names that team in its pull request description.',
    '',
  ].join('\n');
  const test = [
    '# `backend-agent pack check` renders these answers with this pack and checks the output.',
    stringify({
      answers: { service: { name: 'example-service' } },
      expect: { contains: ['## Team conventions', 'A change to `example-service` that touches another team'], absent: [] },
    }).trimEnd(),
    '',
  ].join('\n');
  return [
    [PACK_MANIFEST, manifest],
    ['blocks/team-conventions.md', block],
    [`${PACK_TEST_DIR}/team-conventions.yaml`, test],
  ];
}
