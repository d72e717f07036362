// An image without a tag resolves to `:latest`, and both make imagePullPolicy
// default to Always (validation-rules §6): the running version is whatever the
// registry holds at pull time.
import { containers, podSpecSite } from '../pods';
import type { LintHit, LintRule } from '../types';

/** The tag of an image reference, '' when it has none; undefined when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > lastSlash ? image.slice(colon + 1) : '';
}

export const imageLatestTag: LintRule = {
  id: 'image-latest-tag',
  severity: 'warning',
  scope: 'document',
  summary: 'Container image without a tag or with the mutable `:latest` tag.',
  check({ object }) {
    const site = podSpecSite(object);
    if (!site) return [];
    const hits: LintHit[] = [];
    for (const c of [...containers(site, 'initContainers'), ...containers(site)]) {
      const image = c.container.image;
      if (typeof image !== 'string' || !image) continue;
      const tag = imageTag(image);
      if (tag === '') hits.push({ path: `${c.path}.image`, anchor: 'value', message: `image "${image}" has no tag, so it means ":latest" and is pulled on every start; pin a version` });
      else if (tag === 'latest') hits.push({ path: `${c.path}.image`, anchor: 'value', message: `image "${image}" uses the mutable tag "latest"; pin a version` });
    }
    return hits;
  },
};
