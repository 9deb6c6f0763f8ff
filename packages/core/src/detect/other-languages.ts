/**
 * Ecosystems the library has no language facet for: their services still tell datastores and
 * brokers (a Gemfile's `pg` is PostgreSQL), and the language is reported as not covered.
 */
import { ALL_KINDS, lookupPackage } from './match.js';
import { base, type Detector, type Signal } from './scope.js';

const GEM = /^\s*gem\s+["']([A-Za-z0-9_.-]+)["'](.*)$/;
/** `group :development, :test do` … `end`, and `gem "x", group: :test`. */
const DEV_GROUP = /:(development|test)\b/;

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
      let devBlock = false;
      for (const line of text.split('\n')) {
        if (/^\s*group\b.*\bdo\s*$/.test(line)) devBlock = DEV_GROUP.test(line) && !/:production\b/.test(line);
        else if (/^end\b/.test(line)) devBlock = false;
        const match = GEM.exec(line);
        if (!match) continue;
        const gem = match[1]!;
        const weak = devBlock || DEV_GROUP.test(match[2]!);
        if (gem === 'rails') out.push({ type: 'unsupported', name: 'Ruby on Rails', kind: 'framework', evidence: { file, detail: 'gem rails' } });
        out.push(...lookupPackage(lib, 'gem', gem, ALL_KINDS.filter((k) => k !== 'language'), { file, detail: `gem ${gem}` }, weak));
      }
    } else if (UNSUPPORTED[name]) {
      out.push({ type: 'unsupported', name: UNSUPPORTED[name], evidence: { file, detail: name } });
    }
  }
  return out;
};
