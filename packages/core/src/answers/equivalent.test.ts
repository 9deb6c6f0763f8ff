import { describe, expect, it } from 'vitest';
import { equivalentSets } from './equivalent.js';
import { parseSetFlag, resolveAnswers, type AnswerLayer } from './resolve.js';
import { library } from '../library/index.js';

const resolve = (layers: AnswerLayer[]) => resolveAnswers(layers, library).answers;
const sets = (expressions: string[]): AnswerLayer[] => expressions.map((e) => ({ source: '--set', values: parseSetFlag(e) }));

describe('equivalentSets', () => {
  it('is empty for the defaults', () => {
    expect(equivalentSets(resolve([]), [], library)).toEqual([]);
  });

  it('names only the answers that differ from the defaults', () => {
    const answers = resolve(sets(['agent.seniority=principal', 'targets.availability=99.95', 'collaboration.handsOffTo=sre-team,qa-team']));
    expect(equivalentSets(answers, [], library)).toEqual(['agent.seniority=principal', 'targets.availability=99.95', 'collaboration.handsOffTo=sre-team,qa-team']);
  });

  it('spells out the whole stack when part of it changed, since one stack answer empties the others', () => {
    const answers = resolve(sets(['stack.languages=go', 'stack.frameworks=gin', 'stack.datastores=postgresql,redis', 'stack.messaging=kafka', 'stack.cloud=aws', 'stack.infrastructure=docker,kubernetes,terraform', 'stack.apiStyles=rest']));
    const result = equivalentSets(answers, [], library);
    expect(result).toEqual(['stack.languages=go', 'stack.frameworks=gin', 'stack.datastores=postgresql,redis', 'stack.messaging=kafka', 'stack.cloud=aws', 'stack.infrastructure=docker,kubernetes,terraform', 'stack.apiStyles=rest']);
    expect(resolve(sets(result))).toEqual(answers);
  });

  it('overrides what the repository suggests when the user chose otherwise, so the command is exact there too', () => {
    const detected: AnswerLayer = { source: 'detected', values: { stack: { languages: ['python'], frameworks: ['django'], datastores: ['mongodb'], messaging: [], cloud: [], infrastructure: [], apiStyles: [] } } };
    // The user picked the default datastores back.
    const answers = resolve([detected, ...sets(['stack.datastores=postgresql,redis'])]);
    const result = equivalentSets(answers, [detected], library);
    expect(result).toContain('stack.datastores=postgresql,redis');
    expect(resolve([detected, ...sets(result)])).toEqual(answers);
  });

  it('spells out a changed stack whole, so the command does not depend on what this repository suggests', () => {
    const detected: AnswerLayer = { source: 'detected', values: { stack: { languages: ['go'], frameworks: ['gin'], datastores: ['postgresql', 'redis'], messaging: ['kafka'], cloud: ['aws'], infrastructure: ['docker'], apiStyles: ['rest'] } } };
    const answers = resolve([detected]);
    const result = equivalentSets(answers, [detected], library);
    expect(result).toEqual(['stack.languages=go', 'stack.frameworks=gin', 'stack.datastores=postgresql,redis', 'stack.messaging=kafka', 'stack.cloud=aws', 'stack.infrastructure=docker', 'stack.apiStyles=rest']);
    expect(resolve(sets(result))).toEqual(answers);
  });
});
