/**
 * Fingerprints of the seed documents: a hash of every run of eight words. The project must not carry
 * seed sentences, so it keeps these hashes (not the text) to check that none slipped into templates/.
 */
import { createHash } from 'node:crypto';

export const RUN_LENGTH = 8;

export function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9%+<>.-]+/g, ' ').split(' ').filter(Boolean);
}

export function runs(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) out.push(w.slice(i, i + RUN_LENGTH).join(' '));
  return out;
}

export function fingerprint(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}
