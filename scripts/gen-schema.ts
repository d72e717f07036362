// Generates runtime/src/api/schema/generated.json (`npm run gen:schema`).
//
// Source: the models of @kubernetes/client-node 1.2.0, which openapi-generator
// produced from the Kubernetes 1.33 OpenAPI. Each model's `.js` has an
// `attributeTypeMap` ({name, baseName, type, format}); its `.d.ts` carries the
// upstream field descriptions as JSDoc and optionality as `?`. We read both,
// keep only the definitions reachable from our eight kinds, restore what the
// generator lost (quantities, enums, Go packages: schema/refinements.ts) and
// write deterministic JSON (sorted keys) so regenerating gives the same bytes.
// `--check` writes nothing and fails when the committed file is out of date.
import ts from 'typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  APPS_PREFIXES,
  BATCH_PREFIXES,
  ENUM_FIELDS,
  META_STRUCTS,
  QUANTITY_FIELDS,
  RESOURCE_LIST_GO_TYPE,
} from '../runtime/src/api/schema/refinements';

// package.json has no "type": "module", so tsx runs this file as CommonJS.
const ROOT = join(__dirname, '..');
const PKG = join(ROOT, 'node_modules/@kubernetes/client-node');
const MODELS = join(PKG, 'dist/gen/models');
const OUT = join(ROOT, 'runtime/src/api/schema/generated.json');
const MAX_PRETTY_BYTES = 1_500_000;

/** The model classes of our eight kinds. */
const KIND_MODELS = ['V1Pod', 'V1ReplicationController', 'V1Service', 'V1Namespace', 'V1ReplicaSet', 'V1DaemonSet', 'V1Job', 'V1CronJob'];

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

interface GenNode {
  description?: string;
  type?: string;
  format?: string;
  $ref?: string;
  items?: GenNode;
  additionalProperties?: GenNode;
  enum?: readonly string[];
  goType?: string;
}

interface GenDefinition {
  description?: string;
  type: 'object';
  goType: string;
  required?: string[];
  properties: Record<string, GenNode>;
}

interface ModelDocs {
  description?: string;
  properties: Map<string, { description?: string; optional: boolean }>;
}

/** `V1PodSpec` → `PodSpec`; every model reachable from our kinds is a v1 type. */
function goName(model: string): string {
  const m = /^V1([A-Z]\w*)$/.exec(model);
  if (!m) throw new Error(`unexpected model name ${model}: not a v1 type`);
  return m[1];
}

/** The OpenAPI definition name, e.g. `io.k8s.api.apps.v1.ReplicaSetSpec`. */
function definitionName(model: string): string {
  const go = goName(model);
  if (META_STRUCTS.includes(go)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${go}`;
  if (APPS_PREFIXES.some((p) => go.startsWith(p))) return `io.k8s.api.apps.v1.${go}`;
  if (BATCH_PREFIXES.some((p) => go.startsWith(p))) return `io.k8s.api.batch.v1.${go}`;
  return `io.k8s.api.core.v1.${go}`;
}

async function attributes(model: string): Promise<Attribute[]> {
  const mod = await import(pathToFileURL(join(MODELS, `${model}.js`)).href);
  return mod[model].attributeTypeMap as Attribute[];
}

/** openapi-generator escapes quotes and backslashes inside the JSDoc text. */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').trim();
}

function jsDocText(node: ts.Node): string | undefined {
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (ts.isJSDoc(doc)) {
      const text = ts.getTextOfJSDocComment(doc.comment);
      if (text) return unescape(text);
    }
  }
  return undefined;
}

function readDocs(model: string): ModelDocs {
  const file = join(MODELS, `${model}.d.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const docs: ModelDocs = { properties: new Map() };
  source.forEachChild((stmt) => {
    if (!ts.isClassDeclaration(stmt) || stmt.name?.text !== model) return;
    docs.description = jsDocText(stmt);
    for (const member of stmt.members) {
      if (!ts.isPropertyDeclaration(member) || !ts.isStringLiteral(member.name)) continue;
      docs.properties.set(member.name.text, { description: jsDocText(member), optional: member.questionToken !== undefined });
    }
  });
  return docs;
}

/** Translates a model type string (`Array<V1Container>`, `{ [key: string]: string; }`, ...). */
function typeNode(type: string, format: string, models: Set<string>): GenNode {
  // The format of a list or map describes its elements (`Array<number>` + int64).
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeNode(array[1], format, models) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'map', additionalProperties: typeNode(map[1], format, models) };
  switch (type) {
    case 'string':
      return format === 'byte' ? { type: 'string', format: 'byte' } : { type: 'string' };
    case 'number':
      if (format === 'int32' || format === 'int64') return { type: 'integer', format };
      return { type: 'number', format: 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'Date':
      return { type: 'string', format: 'date-time' };
    case 'IntOrString':
      return { type: 'int-or-string' };
    case 'any':
      // RawExtension / FieldsV1: any JSON value decodes.
      return {};
  }
  if (!existsSync(join(MODELS, `${type}.js`))) throw new Error(`unknown model type ${type}`);
  models.add(type);
  return { $ref: definitionName(type) };
}

/** Puts back a Quantity or enum the models flattened to `string`. */
function refine(struct: string, field: string, node: GenNode): GenNode {
  const key = `${struct}.${field}`;
  const quantity = QUANTITY_FIELDS[key];
  if (quantity === 'quantity') return { ...node, type: 'quantity', format: undefined };
  if (quantity === 'resource-list') return { ...node, type: 'map', goType: RESOURCE_LIST_GO_TYPE, additionalProperties: { type: 'quantity' } };
  const en = ENUM_FIELDS[key];
  if (en) return { ...node, enum: en.values, goType: en.goType };
  return node;
}

async function definition(model: string, models: Set<string>): Promise<GenDefinition> {
  const go = goName(model);
  const docs = readDocs(model);
  const properties: Record<string, GenNode> = {};
  const required: string[] = [];
  for (const attr of await attributes(model)) {
    const doc = docs.properties.get(attr.name);
    const node = refine(go, attr.baseName, typeNode(attr.type, attr.format, models));
    properties[attr.baseName] = doc?.description ? { description: doc.description, ...node } : node;
    if (doc && !doc.optional) required.push(attr.baseName);
  }
  return { description: docs.description, type: 'object', goType: go, required: required.length ? required.sort() : undefined, properties };
}

function usedKeys(table: Record<string, unknown>, definitions: Record<string, GenDefinition>): void {
  // A refinement for a field that no longer exists would silently do nothing.
  const fields = new Set(Object.values(definitions).flatMap((d) => Object.keys(d.properties).map((p) => `${d.goType}.${p}`)));
  for (const key of Object.keys(table)) if (!fields.has(key)) throw new Error(`refinement ${key} matches no field`);
}

/** JSON with object keys sorted and undefined members dropped, so output is stable. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sorted(v);
    }
    return out;
  }
  return value;
}

async function main(): Promise<void> {
  const version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version as string;
  const definitions: Record<string, GenDefinition> = {};
  const pending = new Set<string>(KIND_MODELS);
  const done = new Set<string>();
  while (pending.size) {
    const [model] = pending;
    pending.delete(model);
    done.add(model);
    const found = new Set<string>();
    definitions[definitionName(model)] = await definition(model, found);
    for (const m of found) if (!done.has(m)) pending.add(m);
  }
  usedKeys(QUANTITY_FIELDS, definitions);
  usedKeys(ENUM_FIELDS, definitions);
  const doc = sorted({
    source: `@kubernetes/client-node ${version} (Kubernetes 1.33)`,
    generator: 'scripts/gen-schema.ts',
    kinds: Object.fromEntries(KIND_MODELS.map((m) => [goName(m), definitionName(m)])),
    definitions,
  });
  const pretty = JSON.stringify(doc, null, 1) + '\n';
  const text = Buffer.byteLength(pretty) <= MAX_PRETTY_BYTES ? pretty : JSON.stringify(doc) + '\n';
  const summary = `${Object.keys(definitions).length} definitions, ${Buffer.byteLength(text)} bytes`;
  if (process.argv.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== text) throw new Error(`${OUT} is out of date: run npm run gen:schema`);
    console.log(`${OUT} is up to date: ${summary}`);
    return;
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${summary}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
