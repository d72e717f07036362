// `request svc/NAME|pod/NAME [--from CLIENT] [--count N] [--port P] [--path PATH]`:
// what `curl` inside the cluster would print — each answer's body — through
// kube-proxy's endpoint choice for a Service, straight to the pod for a pod.
// ClientIP affinity holds across commands: the cluster saves kube-proxy's
// affinity table with its state (cluster/services/proxy.ts).

import { resolveResource } from '../../cluster/resources';
import { requestPod, type RequestResult, type RequestTarget } from '../../cluster/services/requests';
import { clusterCommand, type Session } from './session';

const FLAGS = {
  from: { type: 'string' as const },
  count: { type: 'string' as const },
  port: { type: 'string' as const },
  path: { type: 'string' as const },
};

const USAGE = 'error: usage: request svc/NAME|pod/NAME [--from POD|IP] [--count N] [--port PORT] [--path PATH]';

function send(s: Session, kind: string, target: RequestTarget, count: number): RequestResult[] {
  if (kind === 'Service') return s.cluster.proxy.requestService(target, count);
  const deps = { store: s.cluster.store, rng: s.cluster.rng, clock: s.cluster.clock, kubelets: s.cluster.kubelets };
  return Array.from({ length: count }, () => requestPod(deps, target));
}

export const requestCommand = clusterCommand(FLAGS, (s) => {
  const [arg] = s.args.positional;
  const slash = arg?.indexOf('/') ?? -1;
  const kind = slash > 0 ? resolveResource(arg.slice(0, slash))?.kind : undefined;
  const count = Number(s.flag('count') ?? '1');
  if (!arg || (kind !== 'Service' && kind !== 'Pod') || !Number.isInteger(count) || count < 1) {
    s.out.error(USAGE);
    return 1;
  }
  const port = s.flag('port');
  const target: RequestTarget = {
    namespace: s.namespace,
    name: arg.slice(slash + 1),
    port: port === undefined ? undefined : /^\d+$/.test(port) ? Number(port) : port,
    path: s.flag('path'),
    from: s.flag('from'),
  };
  const results = send(s, kind, target, count);
  // The random endpoint picks moved the seeded generator and the affinity table; the next command must continue from here.
  s.out.changed = true;
  for (const r of results) {
    if (r.ok) s.out.line(r.body.replace(/\n$/, ''));
    else s.out.error(`error: ${r.message}`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
});
