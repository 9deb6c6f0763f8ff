/** Dotted-path access into plain objects (answers are plain JSON data). */
export type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const key of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Returns a copy of `object` with `value` at `path`, creating objects on the way. */
export function setPath(object: Plain, path: string, value: unknown): Plain {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return object;
  const child = isPlainObject(object[head]) ? (object[head] as Plain) : {};
  return { ...object, [head]: rest.length === 0 ? value : setPath(child, rest.join('.'), value) };
}

/** Deep merge of answer layers: objects merge key by key, anything else (lists too) is replaced. */
export function mergeLayers(...layers: ReadonlyArray<Plain | undefined>): Plain {
  let result: Plain = {};
  for (const layer of layers) if (layer) result = mergeTwo(result, layer);
  return result;
}

function mergeTwo(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(base[key]) ? mergeTwo(base[key] as Plain, value) : value;
  }
  return out;
}
