import { describe, expect, it } from 'vitest';
import { library } from '../library/index.js';
import { resolveAnswers } from '../answers/resolve.js';
import { buildContext } from './context.js';
import { resolveFacet } from './facets.js';
import type { FacetDefinition } from '../library/schema.js';

const answers = (stack: object) => resolveAnswers([{ source: 'test', values: { stack } as never }], library).answers;
const kafka = library.facets.find((f) => f.id === 'kafka')!;

describe('facet items with conditions', () => {
  it('keep only the items whose condition holds for the rest of the stack', () => {
    const onGo = resolveFacet(kafka, answers({ languages: ['go'], messaging: ['kafka'] }), '2026-12-01');
    const onJava = resolveFacet(kafka, answers({ languages: ['java'], messaging: ['kafka'] }), '2026-12-01');
    const all = onGo.practices.join('\n') + onGo.testing.tools.map((t) => t.tool).join('\n') + onGo.testing.notes.join('\n');
    expect(all).toContain('cooperative-sticky');
    expect(all).toContain('kfake');
    expect(all).not.toMatch(/CooperativeStickyAssignor|MockProducer|Awaitility/);
    expect(onJava.practices.join('\n')).toContain('CooperativeStickyAssignor');
    expect(onJava.practices.join('\n')).not.toContain('franz-go');
    // Unconditional items stay, in their order.
    expect(onGo.practices[0]).toBe(kafka.practices[0]);
  });

  it('give templates the plain shapes: strings for text, objects without `when`', () => {
    const resolved = resolveFacet(kafka, answers({ languages: ['java'], messaging: ['kafka'] }), '2026-12-01');
    for (const list of [resolved.practices, resolved.pitfalls, resolved.tradeoffs, resolved.testing.notes, resolved.runbook.dashboards]) {
      for (const item of list) expect(typeof item).toBe('string');
    }
    for (const item of [...resolved.testing.tools, ...resolved.runbook.alerts, ...resolved.runbook.failureModes]) expect(item).not.toHaveProperty('when');
  });

  it('alternatives with a condition appear only where it holds, and "{as-of}" becomes the run date', () => {
    const mongodb = library.facets.find((f) => f.id === 'mongodb')!;
    expect(resolveFacet(mongodb, answers({ datastores: ['mongodb'], cloud: ['gcp'] }), '2026-12-01').alternatives).toEqual(['postgresql']);
    expect(resolveFacet(mongodb, answers({ datastores: ['mongodb'], cloud: ['aws'] }), '2026-12-01').alternatives).toContain('dynamodb');
    const dated: FacetDefinition = { ...kafka, practices: ['Pin the client ({as-of}).', ...kafka.practices.slice(1)] };
    expect(resolveFacet(dated, answers({}), '2031-02-03').practices[0]).toBe('Pin the client (as of 2031-02-03).');
  });

  it('the render context holds resolved facets: serverless on Google Cloud speaks Cloud Run, not Lambda', () => {
    const context = buildContext(answers({ languages: ['python'], cloud: ['gcp'], infrastructure: ['serverless'], messaging: ['gcp-pubsub'] }), library, '2026-12-01');
    const serverless = context.stack.infrastructure!.find((f) => f.id === 'serverless')!;
    const text = [...serverless.practices, ...serverless.pitfalls, ...serverless.testing.tools.map((t) => t.tool)].join('\n');
    expect(text).toContain('Cloud Run');
    expect(text).not.toMatch(/Lambda|Powertools|ReportBatchItemFailures|RDS Proxy/);
    expect(context.testTools.flatMap((l) => l.tools).join('\n')).not.toMatch(/\bsam local\b|LocalStack/);
  });
});

describe('version advice', () => {
  it('carries "as of" the run date, so the same answers on another date differ only there', () => {
    const python = answers({ languages: ['python'] });
    const on = (date: string) => buildContext(python, library, date).stack.languages![0]!.practices[0]!;
    expect(on('2026-12-01')).toContain('as of 2026-12-01: 3.13 or 3.14');
    expect(on('2027-03-04')).toBe(on('2026-12-01').replace('2026-12-01', '2027-03-04'));
    for (const facet of library.facets) {
      const texts = JSON.stringify(resolveFacet(facet, python, '2026-12-01'));
      expect(texts, facet.id).not.toContain('{as-of}');
    }
  });
});
