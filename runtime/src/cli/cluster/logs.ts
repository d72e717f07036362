// `logs POD [-c CONTAINER] [--previous]`: the pod's kubelet answers from the
// behaviour model; refusals print as the API server words them (400 BadRequest).

import { renderApiError } from './api-output';
import { clusterCommand } from './session';

const FLAGS = {
  container: { alias: 'c', type: 'string' as const },
  previous: { alias: 'p', type: 'boolean' as const },
  timestamps: { type: 'boolean' as const },
};

export const logsCommand = clusterCommand(FLAGS, (s) => {
  const [arg] = s.args.positional;
  if (!arg) {
    s.out.error('error: expected POD or TYPE/NAME argument');
    return 1;
  }
  const name = arg.startsWith('pod/') || arg.startsWith('pods/') ? arg.slice(arg.indexOf('/') + 1) : arg;
  const pod = s.cluster.store.get('Pod', s.namespace, name);
  if (!pod) {
    s.out.error(renderApiError({ code: 404, reason: 'NotFound', message: `pods "${name}" not found` }));
    return 1;
  }
  const kubelet = pod.spec?.nodeName ? s.cluster.kubelets.get(pod.spec.nodeName) : undefined;
  const containers: { name: string }[] = pod.spec?.containers ?? [];
  if (!kubelet) {
    const c = s.flag('container') ?? containers[0]?.name ?? '';
    s.out.error(renderApiError({ code: 400, reason: 'BadRequest', message: `container "${c}" in pod "${name}" is waiting to start: ContainerCreating` }));
    return 1;
  }
  const r = kubelet.logs(s.namespace, name, { container: s.flag('container'), previous: s.bool('previous'), timestamps: s.bool('timestamps') });
  if (!r.ok) {
    s.out.error(renderApiError({ code: 400, reason: 'BadRequest', message: r.message }));
    return 1;
  }
  if (r.text) s.out.line(r.text.replace(/\n$/, ''));
  return 0;
});
