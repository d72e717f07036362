// Facts the @kubernetes/client-node models lose and scripts/gen-schema.ts puts back.
// The models are generated from the 1.33 OpenAPI, but openapi-generator flattens
// `$ref: Quantity` to a bare string, drops enums, and forgets the Go package of
// each struct. These tables restore exactly that, keyed by Go struct and JSON field.

/**
 * Go package of each reachable struct, by the struct name's prefix. Everything
 * not listed is core/v1 (k8s.io/api/core/v1). Used to form the definition names
 * (`io.k8s.api.apps.v1.ReplicaSetSpec`) the Kubernetes OpenAPI uses.
 */
export const META_STRUCTS: readonly string[] = [
  'Condition',
  'ObjectMeta',
  'ManagedFieldsEntry',
  'OwnerReference',
  'LabelSelector',
  'LabelSelectorRequirement',
];
export const APPS_PREFIXES: readonly string[] = ['DaemonSet', 'ReplicaSet', 'RollingUpdateDaemonSet'];
export const BATCH_PREFIXES: readonly string[] = ['CronJob', 'Job', 'PodFailurePolicy', 'SuccessPolicy', 'UncountedTerminatedPods'];

/**
 * Fields whose OpenAPI type is `resource.Quantity` (a bare `string` in the models),
 * or a `v1.ResourceList` map of quantities. Both decode through Quantity.UnmarshalJSON,
 * so malformed values fail with the quantity regex message (validation-rules §13).
 */
export const QUANTITY_FIELDS: Readonly<Record<string, 'quantity' | 'resource-list'>> = {
  'ResourceRequirements.limits': 'resource-list',
  'ResourceRequirements.requests': 'resource-list',
  'VolumeResourceRequirements.limits': 'resource-list',
  'VolumeResourceRequirements.requests': 'resource-list',
  'PodSpec.overhead': 'resource-list',
  'ContainerStatus.allocatedResources': 'resource-list',
  'EmptyDirVolumeSource.sizeLimit': 'quantity',
  'ResourceFieldSelector.divisor': 'quantity',
};

/** Go's reflect name for a ResourceList, as `json: cannot unmarshal ... of type v1.ResourceList` prints it. */
export const RESOURCE_LIST_GO_TYPE = 'v1.ResourceList';

export interface EnumRefinement {
  /** The values the API server accepts (validation-rules §7–§11), for completion and hover. */
  values: readonly string[];
  /** The field's named Go string type, which decode errors print instead of `string`. */
  goType: string;
}

/**
 * Well-known enum fields of the eight kinds. The values are the API server's
 * supported values from the validation catalogue; the models carry none.
 */
export const ENUM_FIELDS: Readonly<Record<string, EnumRefinement>> = {
  'PodSpec.restartPolicy': { values: ['Always', 'OnFailure', 'Never'], goType: 'v1.RestartPolicy' },
  'PodSpec.dnsPolicy': { values: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], goType: 'v1.DNSPolicy' },
  'Container.imagePullPolicy': { values: ['Always', 'IfNotPresent', 'Never'], goType: 'v1.PullPolicy' },
  'Container.terminationMessagePolicy': { values: ['File', 'FallbackToLogsOnError'], goType: 'v1.TerminationMessagePolicy' },
  'Container.restartPolicy': { values: ['Always'], goType: 'v1.ContainerRestartPolicy' },
  'EphemeralContainer.imagePullPolicy': { values: ['Always', 'IfNotPresent', 'Never'], goType: 'v1.PullPolicy' },
  'EphemeralContainer.terminationMessagePolicy': { values: ['File', 'FallbackToLogsOnError'], goType: 'v1.TerminationMessagePolicy' },
  'ContainerPort.protocol': { values: ['SCTP', 'TCP', 'UDP'], goType: 'v1.Protocol' },
  'ServicePort.protocol': { values: ['SCTP', 'TCP', 'UDP'], goType: 'v1.Protocol' },
  'ServiceSpec.type': { values: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'], goType: 'v1.ServiceType' },
  'ServiceSpec.sessionAffinity': { values: ['ClientIP', 'None'], goType: 'v1.ServiceAffinity' },
  'ServiceSpec.externalTrafficPolicy': { values: ['Cluster', 'Local'], goType: 'v1.ServiceExternalTrafficPolicy' },
  'ServiceSpec.internalTrafficPolicy': { values: ['Cluster', 'Local'], goType: 'v1.ServiceInternalTrafficPolicy' },
  'ServiceSpec.ipFamilyPolicy': { values: ['PreferDualStack', 'RequireDualStack', 'SingleStack'], goType: 'v1.IPFamilyPolicy' },
  'HTTPGetAction.scheme': { values: ['HTTP', 'HTTPS'], goType: 'v1.URIScheme' },
  'Toleration.operator': { values: ['Equal', 'Exists'], goType: 'v1.TolerationOperator' },
  'Toleration.effect': { values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], goType: 'v1.TaintEffect' },
  'LabelSelectorRequirement.operator': { values: ['In', 'NotIn', 'Exists', 'DoesNotExist'], goType: 'v1.LabelSelectorOperator' },
  'NodeSelectorRequirement.operator': { values: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'], goType: 'v1.NodeSelectorOperator' },
  'CronJobSpec.concurrencyPolicy': { values: ['Allow', 'Forbid', 'Replace'], goType: 'v1.ConcurrencyPolicy' },
  'JobSpec.completionMode': { values: ['NonIndexed', 'Indexed'], goType: 'v1.CompletionMode' },
  'JobSpec.podReplacementPolicy': { values: ['TerminatingOrFailed', 'Failed'], goType: 'v1.PodReplacementPolicy' },
  'DaemonSetUpdateStrategy.type': { values: ['RollingUpdate', 'OnDelete'], goType: 'v1.DaemonSetUpdateStrategyType' },
};
