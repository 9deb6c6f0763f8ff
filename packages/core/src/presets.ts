import type { Library } from './library/index.js';
import type { Preset } from './library/schema.js';
import { InputError } from './errors.js';
import { didYouMean } from './closest.js';

export function presetNames(lib: Library): string[] {
  return lib.presets.map((p) => p.name);
}

export function findPreset(lib: Library, name: string): Preset {
  const preset = lib.presets.find((p) => p.name === name);
  if (!preset) {
    const names = presetNames(lib);
    throw new InputError(`Unknown preset "${name}".${didYouMean(name, names)}`, `Available presets: ${names.join(', ') || 'none'}.`);
  }
  return preset;
}
