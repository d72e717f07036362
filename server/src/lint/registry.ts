// Every lint rule, in the order docs/rules.md lists them. Settings, suppression
// comments and docs all key on these ids.
import { imageLatestTag } from './rules/imageTag';
import { jobMissingTtl } from './rules/jobTtl';
import { missingProbes } from './rules/missingProbes';
import { missingResources } from './rules/missingResources';
import { overlappingSelectors } from './rules/overlappingSelectors';
import { preferReplicaSet } from './rules/preferReplicaSet';
import { probePortNotDeclared } from './rules/probePort';
import { serviceSelectsNothing } from './rules/serviceSelectsNothing';
import { serviceTargetPortUnknown } from './rules/serviceTargetPort';
import type { LintRule } from './types';

export const LINT_RULES: readonly LintRule[] = [
  imageLatestTag,
  missingProbes,
  missingResources,
  probePortNotDeclared,
  serviceTargetPortUnknown,
  serviceSelectsNothing,
  overlappingSelectors,
  preferReplicaSet,
  jobMissingTtl,
];

const BY_ID = new Map(LINT_RULES.map((r) => [r.id, r]));

export function lintRule(id: string): LintRule | undefined {
  return BY_ID.get(id);
}
