// The generated schema of our eight kinds (generated.json, `npm run gen:schema`),
// loaded once and resolved into a graph of SchemaNodes for hover and completion.
// decode.ts compiles the same JSON with ajv; this module only answers "what is at
// this field path?".
import generated from './generated.json';
import type { KindInfo } from '../kinds';

export interface SchemaNode {
  description?: string;
  /** object | array | string | integer | number | boolean | int-or-string | quantity | map; absent = any value. */
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
  required?: string[];
  enum?: string[];
  format?: string;
  default?: unknown;
  /** Go struct name for definitions (`PodSpec`), or a named Go type of a field (`v1.RestartPolicy`, `v1.ResourceList`). */
  goType?: string;
}

/** A node as stored in generated.json: a SchemaNode whose definitions are referenced by name. */
export interface RawNode extends Omit<SchemaNode, 'properties' | 'items' | 'additionalProperties'> {
  $ref?: string;
  properties?: Record<string, RawNode>;
  items?: RawNode;
  additionalProperties?: RawNode;
}

export interface GeneratedSchema {
  source: string;
  kinds: Record<string, string>;
  definitions: Record<string, RawNode>;
}

export const SCHEMA: GeneratedSchema = generated as GeneratedSchema;

let resolved: Map<string, SchemaNode> | undefined;

/**
 * Every definition as a SchemaNode with `$ref`s replaced by the definition itself.
 * Definition objects are created before their properties are filled, so shared and
 * recursive references all point at the same (eventually complete) objects.
 */
function definitions(): Map<string, SchemaNode> {
  if (resolved) return resolved;
  const defs = new Map<string, SchemaNode>();
  for (const [name, raw] of Object.entries(SCHEMA.definitions)) {
    const { properties: _p, ...own } = raw;
    defs.set(name, { ...own, properties: {} });
  }
  const resolve = (raw: RawNode): SchemaNode => {
    const { $ref, items, additionalProperties, properties: _p, ...own } = raw;
    if ($ref !== undefined) {
      const def = defs.get($ref);
      if (!def) throw new Error(`generated schema: dangling $ref ${$ref}`);
      // A field's own description is more specific than its type's.
      return { ...def, ...own, description: own.description ?? def.description };
    }
    const node: SchemaNode = { ...own };
    if (items) node.items = resolve(items);
    if (additionalProperties) node.additionalProperties = resolve(additionalProperties);
    return node;
  };
  for (const [name, raw] of Object.entries(SCHEMA.definitions)) {
    const target = defs.get(name)!.properties!;
    for (const [field, prop] of Object.entries(raw.properties ?? {})) target[field] = resolve(prop);
  }
  resolved = defs;
  return defs;
}

/** The schema of a definition by its OpenAPI name (`io.k8s.api.core.v1.PodSpec`). */
export function definition(name: string): SchemaNode | undefined {
  return definitions().get(name);
}

/**
 * The node at a field path from the object root (`['spec', 'containers', 0, 'image']`);
 * numbers index arrays, strings name fields or map keys. Undefined when the path
 * leaves the schema (an unknown field).
 */
export function schemaAt(info: KindInfo, path: readonly (string | number)[]): SchemaNode | undefined {
  let node = definition(info.schemaRef);
  for (const seg of path) {
    if (!node) return undefined;
    node = step(node, seg);
  }
  return node;
}

function step(node: SchemaNode, seg: string | number): SchemaNode | undefined {
  if (node.type === 'array') return typeof seg === 'number' || /^\d+$/.test(seg) ? node.items : undefined;
  if (node.type === 'map') return node.additionalProperties;
  if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, seg)) return node.properties[String(seg)];
  return undefined;
}
