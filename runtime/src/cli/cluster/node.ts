// `node add NAME [--cpu C] [--memory M] [--pods P] [--label k=v]…`, `node remove|fail|restore|cordon|uncordon NAME`,
// `node label NAME k=v… k-… [--overwrite]`.

import { DEFAULT_NODE_SHAPE, type NodeResult } from '../../cluster/nodes';
import { applyEdits, parseEdits } from './label';
import { clusterCommand, type Session } from './session';

const FLAGS = {
  cpu: { type: 'string' as const },
  memory: { type: 'string' as const },
  pods: { type: 'string' as const },
  label: { type: 'string[]' as const },
  overwrite: { type: 'boolean' as const },
};

const PAST: Record<string, string> = { add: 'added', remove: 'removed', fail: 'failed', restore: 'restored', cordon: 'cordoned', uncordon: 'uncordoned', label: 'labeled' };

function run(s: Session, sub: string, name: string, rest: string[]): NodeResult {
  const nodes = s.cluster.nodes;
  switch (sub) {
    case 'add': {
      const labels = parseEdits(s.list('label')).edits.set;
      const shape = { ...DEFAULT_NODE_SHAPE, cpu: s.flag('cpu') ?? DEFAULT_NODE_SHAPE.cpu, memory: s.flag('memory') ?? DEFAULT_NODE_SHAPE.memory, pods: s.flag('pods') ?? DEFAULT_NODE_SHAPE.pods };
      return nodes.add(name, { shape, labels });
    }
    case 'remove':
      return nodes.remove(name);
    case 'fail':
      return nodes.fail(name);
    case 'restore':
      return nodes.restore(name);
    case 'cordon':
    case 'uncordon':
      return nodes.cordon(name, sub === 'cordon');
    case 'label': {
      const current = s.cluster.store.get('Node', undefined, name);
      if (!current) return { ok: false, message: `nodes "${name}" not found` };
      const { edits } = parseEdits(rest);
      const r = applyEdits(current.metadata.labels, edits, s.bool('overwrite'));
      if ('error' in r) return { ok: false, message: r.error.replace(/^error: /, '') };
      const changes: Record<string, string | null> = { ...r.map };
      for (const k of edits.remove) changes[k] = null;
      return nodes.label(name, changes);
    }
    default:
      return { ok: false, message: `unknown node command "${sub}" (add, remove, fail, restore, cordon, uncordon, label)` };
  }
}

export const nodeCommand = clusterCommand(FLAGS, (s) => {
  const [sub, name, ...rest] = s.args.positional;
  if (!sub || !name) {
    s.out.error('error: usage: node add|remove|fail|restore|cordon|uncordon|label NAME …');
    return 1;
  }
  const r = run(s, sub, name, rest);
  if (!r.ok) {
    s.out.error(`error: ${r.message}`);
    return 1;
  }
  s.out.changed = true;
  s.out.line(`node/${name} ${PAST[sub]}`);
  return 0;
});
