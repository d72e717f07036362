// `-o json|yaml|name` for one object or a list, as kubectl prints them: a list
// becomes `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`,
// JSON with four-space indentation, YAML with sorted keys (it is marshalled
// through a Go map), names as `kind.group/name` lines.

import { stringify } from 'yaml';
import type { KubeObject } from '../../cluster/types';
import { objectRef } from './api-output';

export type ObjectFormat = 'json' | 'yaml' | 'name';

export function isObjectFormat(f: string | undefined): f is ObjectFormat {
  return f === 'json' || f === 'yaml' || f === 'name';
}

function asList(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export function formatObjects(objects: KubeObject[], format: ObjectFormat, single: boolean): string {
  if (format === 'name') return objects.map((o) => objectRef(o.kind, o.metadata.name)).join('\n');
  const doc = single && objects.length === 1 ? objects[0] : asList(objects);
  if (format === 'json') return JSON.stringify(doc, null, 4);
  return stringify(doc, { sortMapEntries: true, lineWidth: 0 }).trimEnd();
}
