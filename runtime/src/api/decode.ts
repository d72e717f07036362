// Decode-level errors (validation-rules §13): what the API server's strict JSON
// decoder rejects before any field validation runs: unknown fields, values of
// the wrong JSON type and malformed quantities. The generated schema is compiled
// with ajv once per kind; error texts are built only when ajv reports errors.
// Go's decoder stops at the first type error; we report every one (an editor
// wants them all) in document order, so the first is the one kubectl would print.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { child, index, key } from './field';
import type { KindInfo } from './kinds';
import { parseQuantity, QUANTITY_PATTERN } from './quantity';
import { SCHEMA, type RawNode } from './schema';

export interface DecodeError {
  /** Field path in our format: `spec.containers[0].ports[0].containerPort`, `metadata.labels[app]`. */
  path: string;
  code: 'unknown-field' | 'type-mismatch' | 'invalid-quantity';
  message: string;
}

const SCHEMA_ID = 'kubelab-schema';
const INT_RANGE: Record<string, { minimum: number; maximum: number }> = {
  int32: { minimum: -2147483648, maximum: 2147483647 },
  int64: { minimum: -9223372036854775808, maximum: 9223372036854775807 },
};

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** Decode errors in document order; empty when the API server's decoder accepts the object. */
export function decode(info: KindInfo, obj: unknown): DecodeError[] {
  const validate = validator(info.schemaRef);
  if (validate(obj)) return [];
  // One value can fail several keywords (type and maximum); report it once.
  const unique = new Map<string, OrderedError>();
  for (const e of validate.errors ?? []) {
    const d = toDecodeError(info.schemaRef, obj, e);
    const id = `${d.code} ${d.path}`;
    if (!unique.has(id)) unique.set(id, d);
  }
  return [...unique.values()].sort((a, b) => compareOrder(a.order, b.order)).map(({ order: _o, ...e }) => e);
}

function validator(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    ajv ??= createAjv();
    v = ajv.getSchema(`${SCHEMA_ID}#/definitions/${ref}`);
    if (!v) throw new Error(`generated schema has no definition ${ref}`);
    validators.set(ref, v);
  }
  return v;
}

function createAjv(): Ajv {
  // The Pod schema alone generates a large validator; ajv's code optimisation
  // pass costs about a third of compiling it and gains nothing measurable per call.
  const a = new Ajv({ allErrors: true, strict: false, code: { optimize: false } });
  // Quantity.UnmarshalJSON trims spaces, then ParseQuantity must accept the text.
  const pattern = new RegExp(QUANTITY_PATTERN);
  a.addFormat('quantity', { type: 'string', validate: (s: string) => pattern.test(s.trim()) && parseQuantity(s.trim()) !== undefined });
  const definitions = Object.fromEntries(Object.entries(SCHEMA.definitions).map(([name, def]) => [name, jsonSchema(def)]));
  a.addSchema({ $id: SCHEMA_ID, definitions });
  return a;
}

/**
 * Our schema node as JSON Schema for the decoder. `null` is accepted everywhere
 * because Go decodes null as the zero value; objects are closed (strict decoding)
 * except maps and free-form values; descriptions are left out.
 */
function jsonSchema(n: RawNode): object {
  if (n.$ref !== undefined) return { $ref: `#/definitions/${n.$ref}` };
  switch (n.type) {
    case 'object':
      return {
        type: ['object', 'null'],
        properties: Object.fromEntries(Object.entries(n.properties ?? {}).map(([k, p]) => [k, jsonSchema(p)])),
        additionalProperties: false,
      };
    case 'map':
      return { type: ['object', 'null'], additionalProperties: n.additionalProperties ? jsonSchema(n.additionalProperties) : true };
    case 'array':
      return { type: ['array', 'null'], items: n.items ? jsonSchema(n.items) : true };
    case 'string':
      return { type: ['string', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'number':
      return { type: ['number', 'null'] };
    case 'integer':
      return { type: ['integer', 'null'], ...INT_RANGE[n.format ?? 'int64'] };
    case 'int-or-string':
      // intstr.IntOrString: a JSON string, else an int32.
      return { type: ['string', 'integer', 'null'], ...INT_RANGE.int32 };
    case 'quantity':
      // A YAML number (`cpu: 1`) reaches Quantity.UnmarshalJSON as its literal text, which parses.
      return { type: ['string', 'number', 'null'], format: 'quantity' };
    default:
      return {};
  }
}

interface Located {
  path: string;
  /** Go struct holding the last field on the path, and the JSON names of the fields (no indices or keys). */
  goStruct?: string;
  fields: string[];
  /** Schema of the value at the path, as its parent declares it (undefined for an unknown field). */
  node?: RawNode;
  value: unknown;
  /** Position of each segment among its siblings, to sort errors as the document reads. */
  order: number[];
}

type OrderedError = DecodeError & { order: number[] };

function toDecodeError(root: string, obj: unknown, e: ErrorObject): OrderedError {
  const segments = pointerSegments(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const at = locate(root, obj, [...segments, String(e.params.additionalProperty)]);
    return { path: at.path, code: 'unknown-field', message: `strict decoding error: unknown field "${at.path}"`, order: at.order };
  }
  const at = locate(root, obj, segments);
  if (at.node?.type === 'quantity') {
    return { path: at.path, code: 'invalid-quantity', message: `quantities must match the regular expression '${QUANTITY_PATTERN}'`, order: at.order };
  }
  return { path: at.path, code: 'type-mismatch', message: typeMismatch(at), order: at.order };
}

/** encoding/json's UnmarshalTypeError text, as sigs.k8s.io/json reports it with the field context. */
function typeMismatch(at: Located): string {
  const target = at.node ? goType(at.node) : 'interface {}';
  const got = jsonKind(at.value, at.node);
  if (!at.goStruct || at.fields.length === 0) return `json: cannot unmarshal ${got} into Go value of type ${target}`;
  return `json: cannot unmarshal ${got} into Go struct field ${at.goStruct}.${at.fields.join('.')} of type ${target}`;
}

/** The JSON value kind Go names: a number that cannot be the integer type also shows its text (`number 1.5`). */
function jsonKind(value: unknown, node: RawNode | undefined): string {
  if (typeof value === 'number') {
    const bits = node?.type === 'int-or-string' ? 'int32' : node?.type === 'integer' ? (node.format ?? 'int64') : undefined;
    if (bits) {
      const range = INT_RANGE[bits];
      if (!Number.isInteger(value) || value < range.minimum || value > range.maximum) return `number ${value}`;
    }
    return 'number';
  }
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

/** Go's reflect name of the field's type: pointers are dereferenced, custom unmarshalers report their inner type. */
function goType(n: RawNode): string {
  if (n.$ref !== undefined) return `v1.${SCHEMA.definitions[n.$ref]?.goType}`;
  if (n.goType) return n.goType;
  switch (n.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'integer':
      return n.format ?? 'int64';
    case 'int-or-string':
      return 'int32';
    case 'array':
      return `[]${n.items ? goType(n.items) : 'interface {}'}`;
    case 'map':
      return `map[string]${n.additionalProperties ? goType(n.additionalProperties) : 'interface {}'}`;
    default:
      return 'interface {}';
  }
}

/** Follows JSON-pointer segments through the value and the schema together. */
function locate(root: string, obj: unknown, segments: readonly string[]): Located {
  const at: Located = { path: '', fields: [], node: { $ref: root }, value: obj, order: [] };
  for (const seg of segments) {
    const container = at.value;
    at.order.push(positionOf(container, seg));
    at.value = container !== null && typeof container === 'object' ? (container as Record<string, unknown>)[seg] : undefined;
    const node = at.node && resolve(at.node);
    if (Array.isArray(container)) {
      at.path = index(at.path, Number(seg));
      at.node = node?.items;
    } else if (node?.type === 'map') {
      at.path = key(at.path, seg);
      at.node = node.additionalProperties;
    } else {
      at.path = child(at.path, seg);
      at.fields.push(seg);
      at.goStruct = node?.goType ?? at.goStruct;
      at.node = node?.properties?.[seg];
    }
  }
  return at;
}

function resolve(n: RawNode): RawNode {
  return n.$ref !== undefined ? (SCHEMA.definitions[n.$ref] ?? {}) : n;
}

function positionOf(container: unknown, seg: string): number {
  if (Array.isArray(container)) return Number(seg);
  if (container !== null && typeof container === 'object') {
    const i = Object.keys(container).indexOf(seg);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  }
  return 0;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
