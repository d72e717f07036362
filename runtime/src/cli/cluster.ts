// The simulated-cluster commands of `kubelab`, kubectl-shaped, over a state
// directory (`--state DIR`, default `.kubelab/`). One module per command under
// cluster/; main.ts merges this table with `validate`.

import type { CliIO } from './io';
import { applyCommand, createCommand, replaceCommand } from './cluster/apply';
import { deleteCommand } from './cluster/delete';
import { describeCommand } from './cluster/describe';
import { getCommand } from './cluster/get';
import { annotateCommand, labelCommand } from './cluster/label';
import { logsCommand } from './cluster/logs';
import { nodeCommand } from './cluster/node';
import { requestCommand } from './cluster/request';
import { scaleCommand } from './cluster/scale';
import { timeCommand } from './cluster/time';

export const clusterCommands: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  apply: applyCommand,
  create: createCommand,
  replace: replaceCommand,
  scale: scaleCommand,
  get: getCommand,
  describe: describeCommand,
  delete: deleteCommand,
  label: labelCommand,
  annotate: annotateCommand,
  logs: logsCommand,
  node: nodeCommand,
  request: requestCommand,
  time: timeCommand,
};
