// Container ports: validation.go validateContainerPorts, AccumulateUniqueHostPorts and
// validatePodHostNetworkDeps, plus the port warnings of pkg/api/pod/warnings.go
// (validation-rules §7 "Ports").

import { type FieldError, child, duplicate, index, invalid, notSupported, required, withRule, apiWarning, invalidEach } from '../field';
import { isValidPortName, isValidPortNum } from '../formats';
import { type Obj, asArray, asInt, asRecord, asString } from '../values';

// --- validation -------------------------------------------------------------

/** sets.List order of supportedPortProtocols. */
const PROTOCOLS: readonly string[] = ['SCTP', 'TCP', 'UDP'];

/** validateContainerPorts: one container's `ports` list at `path` (`…containers[i].ports`). */
export function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  asArray(ports).forEach((item, j) => {
    const port = asRecord(item) ?? {};
    const at = index(path, j);
    const name = asString(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      // Names are unique within one container only; invalid names are not remembered.
      if (msgs.length > 0) errs.push(...invalidEach(child(at, 'name'), name, msgs));
      else if (names.has(name)) errs.push(duplicate(child(at, 'name'), name));
      else names.add(name);
    }
    const containerPort = asInt(port.containerPort);
    if (containerPort === 0) errs.push(required(child(at, 'containerPort')));
    else errs.push(...invalidEach(child(at, 'containerPort'), containerPort, isValidPortNum(containerPort)));
    const hostPort = asInt(port.hostPort);
    if (hostPort !== 0) errs.push(...invalidEach(child(at, 'hostPort'), hostPort, isValidPortNum(hostPort)));
    const protocol = asString(port.protocol);
    if (!protocol) errs.push(required(child(at, 'protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(child(at, 'protocol'), protocol, PROTOCOLS));
  });
  return withRule('ports', errs);
}

/**
 * checkHostPortConflicts: a host port (protocol, hostIP, port) may be claimed once
 * across the given containers; the value printed is `"TCP//8080"`.
 * Regular containers are checked together; init containers run one at a time, so
 * upstream checks each alone as a one-element list — its errors therefore say
 * `initContainers[0]` whatever the init container's index (kept as upstream prints it).
 */
export function validateHostPortConflicts(containers: readonly unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    asArray(asRecord(c)?.ports).forEach((item, j) => {
      const port = asRecord(item) ?? {};
      const hostPort = asInt(port.hostPort);
      if (hostPort === 0) return;
      const key = `${asString(port.protocol)}/${asString(port.hostIP)}/${hostPort}`;
      const at = child(index(child(index(path, i), 'ports'), j), 'hostPort');
      if (seen.has(key)) errs.push(duplicate(at, key));
      else seen.add(key);
    });
  });
  return withRule('ports', errs);
}

/**
 * validatePodHostNetworkDeps: with hostNetwork the host port is the container port.
 * A Pod has hostPort defaulted to containerPort, so any difference is an error; a
 * template may leave it 0 (defaulted later, when the Pod is created).
 */
export function validateHostNetworkPorts(spec: Obj, path: string, isTemplate: boolean): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  asArray(spec.containers).forEach((c, i) => {
    asArray(asRecord(c)?.ports).forEach((item, j) => {
      const port = asRecord(item) ?? {};
      const hostPort = asInt(port.hostPort);
      const containerPort = asInt(port.containerPort);
      if ((!isTemplate || hostPort !== 0) && hostPort !== containerPort) {
        const at = child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort');
        errs.push(invalid(at, hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return withRule('ports', errs);
}

interface SeenPort {
  path: string;
  hostIP: string;
  hostPort: number;
}

/**
 * warningsForPodSpecAndMeta, port part: the same containerPort/protocol declared twice
 * across all containers (init containers first, as VisitContainersWithPath walks them).
 * The object is accepted; the API server only warns.
 */
export function portWarnings(spec: Obj, path: string): FieldError[] {
  const warnings: FieldError[] = [];
  const byPort = new Map<string, SeenPort[]>();
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    asArray(spec[field]).forEach((c, i) => {
      asArray(asRecord(c)?.ports).forEach((item, j) => {
        const port = asRecord(item) ?? {};
        const at = index(child(index(child(path, field), i), 'ports'), j);
        const seen: SeenPort = { path: at, hostIP: asString(port.hostIP), hostPort: asInt(port.hostPort) };
        const key = `${asInt(port.containerPort)}/${asString(port.protocol)}`;
        const others = byPort.get(key) ?? [];
        for (const other of others) {
          const text = conflict(seen, other);
          if (text) warnings.push(apiWarning(at, `${text} with ${other.path}`));
        }
        byPort.set(key, [...others, seen]);
      });
    });
  }
  return withRule('ports', warnings);
}

function conflict(a: SeenPort, b: SeenPort): string | undefined {
  if (a.hostIP === b.hostIP && a.hostPort === b.hostPort) return 'duplicate port definition';
  // hostPort 0 is redundant with any other value: odd, not dangerous.
  if (a.hostPort === 0 || b.hostPort === 0) return 'overlapping port definition';
  if (a.hostPort === b.hostPort && (a.hostIP === '') !== (b.hostIP === '')) return 'dangerously ambiguous port definition';
  return undefined;
}
