/**
 * Ecosystems the library has no language facet for: their services still tell datastores and
 * brokers (a Gemfile's `pg` is PostgreSQL), and the language is reported as not covered.
 */
import { ALL_KINDS, dashKeys, lookup } from './match.js';
import { base, type Detector, type Signal } from './scope.js';

const GEM = /^\s*gem\s+["']([A-Za-z0-9_.-]+)["']/gm;

const UNSUPPORTED: Record<string, string> = {
  'composer.json': 'PHP',
  'mix.exs': 'Elixir',
  'Package.swift': 'Swift',
};

export const detectOtherLanguages: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files) {
    const name = base(file);
    if (name === 'Gemfile') {
      const text = scope.read(file);
      if (text === undefined) continue;
      out.push({ type: 'unsupported', name: 'Ruby', evidence: { file, detail: 'Bundler Gemfile' } });
      for (const [, gem] of text.matchAll(GEM)) {
        if (gem === 'rails') out.push({ type: 'unsupported', name: 'Ruby on Rails', evidence: { file, detail: 'gem rails' } });
        out.push(...lookup(lib, dashKeys(gem!.toLowerCase()), ALL_KINDS.filter((k) => k !== 'language'), { file, detail: `gem ${gem}` }));
      }
    } else if (UNSUPPORTED[name]) {
      out.push({ type: 'unsupported', name: UNSUPPORTED[name], evidence: { file, detail: name } });
    }
  }
  return out;
};
