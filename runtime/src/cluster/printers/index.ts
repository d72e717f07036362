// One printer for every view (STYLE §11): `get` tables, pod columns, describe text, durations.
export { printTable, tableRows, columnsFor, nodeRoles, type TableOptions } from './tables';
export { podColumns, type PodColumns } from './pod-status';
export { describe, describeRelated, describePod, describeNode, describeNamespace, describeGeneric, rfc1123z, type DescribeOptions } from './describe';
export { describeReplicationController, describeReplicaSet, describeDaemonSet, describeJob, describeCronJob } from './describe-workloads';
export { describeService } from './services';
export { humanDuration, ageSince, goDuration } from './durations';
export { tabwrite } from './tabwriter';
