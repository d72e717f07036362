// kubectl's wording for API results: `pod/kubia created`, `pod "kubia" deleted`,
// `Error from server (AlreadyExists): error when creating "f.yaml": …`.

import type { ApiError } from '../../cluster/api-error';
import { qualifiedKind, resourceForKind, type ResourceInfo } from '../../cluster/resources';

/** `pod/kubia`, `replicaset.apps/kubia`. */
export function kindSlashName(info: ResourceInfo | undefined, kind: string, name: string): string {
  return `${info ? qualifiedKind(info) : kind.toLowerCase()}/${name}`;
}

export function objectRef(kind: string, name: string): string {
  return kindSlashName(resourceForKind(kind), kind, name);
}

/** checkErr: 422 prints the server's text bare; other server errors are prefixed with their reason. */
export function renderApiError(e: ApiError, context?: string): string {
  if (e.code === 422) return e.message;
  return `Error from server (${e.reason}): ${context ? `${context}: ` : ''}${e.message}`;
}

/** The cli-runtime mapper's refusal for a kind the server does not serve. */
export function renderNoKindMatch(e: ApiError, name: string, namespace: string, source: string): string {
  return `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": ${e.message}\nensure CRDs are installed first`;
}
