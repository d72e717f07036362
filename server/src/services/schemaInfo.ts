// The kind of a document and the schema facts hover and completion show:
// kubectl-explain type names, and defaults as the API server would fill them.
import { applyDefaults } from '../../../runtime/src/api/defaults/index';
import { resolveKind, type KindInfo } from '../../../runtime/src/api/kinds';
import type { SchemaNode } from '../../../runtime/src/api/schema/index';
import type { ParsedDocument } from '../analysis/document';
import { isRecord } from '../../../runtime/src/api/values';

/** The served kind of a document, read from the text when it does not parse yet. */
export function kindInfoOf(doc: ParsedDocument): KindInfo | undefined {
  const obj = doc.object;
  const apiVersion = obj ? obj.apiVersion : topLevelScalar(doc.text, 'apiVersion');
  const kind = obj ? obj.kind : topLevelScalar(doc.text, 'kind');
  const r = resolveKind(apiVersion, kind);
  return r.type === 'served' ? r.info : undefined;
}

export function topLevelScalar(text: string, key: string): string | undefined {
  const m = new RegExp(`^${key}[ \\t]*:[ \\t]*["']?([^"'#\\s]+)`, 'm').exec(text);
  return m?.[1];
}

/** Type names as `kubectl explain` prints them: `<[]Container>`, `<map[string]string>`, `<integer>`. */
export function typeName(n: SchemaNode, depth = 0): string {
  if (depth > 4) return 'Object';
  switch (n.type) {
    case 'array':
      return `[]${n.items ? typeName(n.items, depth + 1) : 'Object'}`;
    case 'map':
      return `map[string]${n.additionalProperties ? typeName(n.additionalProperties, depth + 1) : 'string'}`;
    case 'object':
      return n.goType && !n.goType.includes('.') ? n.goType : 'Object';
    case 'int-or-string':
      return 'IntOrString';
    case 'quantity':
      return 'Quantity';
    case undefined:
      return 'Object';
    default:
      return n.type;
  }
}

/**
 * The value the API server's defaulting gives the field at `path` when it is not
 * written (validation-rules §6): the object is defaulted without that field.
 */
export function defaultFor(obj: Record<string, unknown> | undefined, path: readonly (string | number)[]): unknown {
  if (!obj || !path.length) return undefined;
  const copy = structuredClone(obj);
  let cur: unknown = copy;
  for (const seg of path.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(seg)] : isRecord(cur) ? cur[seg] : undefined;
    if (cur === undefined) break;
  }
  const last = path[path.length - 1];
  if (Array.isArray(cur)) cur.splice(Number(last), 1);
  else if (isRecord(cur)) delete cur[last];
  let out: unknown = applyDefaults(copy);
  for (const seg of path) out = Array.isArray(out) ? out[Number(seg)] : isRecord(out) ? out[seg] : undefined;
  return out;
}
