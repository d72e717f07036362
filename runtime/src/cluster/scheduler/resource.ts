// framework.Resource: an amount of each resource as the scheduler counts it.
// CPU is in millicores (MilliValue), everything else in base units rounded
// up (Value), so adding and removing a pod's requests never drifts. The three
// resources every pod and node has are plain fields, read for hundreds of
// nodes per scheduling cycle; the rest (extended resources, `pods`) are kept
// by name.

import { milliValue, parseQuantity } from '../../api/quantity';

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Every other resource by name. */
  scalar: Record<string, number>;
}

export const emptyResource = (): Resource => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} });

// The same few quantity strings ("100m", "64Mi") recur in every pod of a
// workload: each distinct text is parsed once. Bounded so hostile input
// cannot grow it without limit.
const MEMO_LIMIT = 4096;
const memo = new Map<string, number>();

function amount(name: string, q: unknown): number {
  if (typeof q !== 'string' && typeof q !== 'number') return 0;
  const memoKey = `${name === 'cpu' ? 'm' : 'v'}${q}`;
  const hit = memo.get(memoKey);
  if (hit !== undefined) return hit;
  const parsed = parseQuantity(q);
  const n = !parsed ? 0 : name === 'cpu' ? milliValue(parsed) : Math.ceil(parsed.value);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(memoKey, n);
  return n;
}

/** A resource list (allocatable, requests, overhead) in scheduler units. */
export function resourceOf(list: Record<string, unknown> | undefined): Resource {
  const r = emptyResource();
  for (const name in list) {
    const v = amount(name, list[name]);
    if (name === 'cpu') r.milliCPU = v;
    else if (name === 'memory') r.memory = v;
    else if (name === 'ephemeral-storage') r.ephemeralStorage = v;
    else r.scalar[name] = v;
  }
  return r;
}

/** into += sign × b. */
export function addResource(into: Resource, b: Resource, sign: 1 | -1 = 1): Resource {
  into.milliCPU += sign * b.milliCPU;
  into.memory += sign * b.memory;
  into.ephemeralStorage += sign * b.ephemeralStorage;
  for (const k in b.scalar) into.scalar[k] = (into.scalar[k] ?? 0) + sign * b.scalar[k];
  return into;
}

/** into = max(into, b) per resource (SetMaxResource). */
export function maxResource(into: Resource, b: Resource): Resource {
  into.milliCPU = Math.max(into.milliCPU, b.milliCPU);
  into.memory = Math.max(into.memory, b.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, b.ephemeralStorage);
  for (const k in b.scalar) into.scalar[k] = Math.max(into.scalar[k] ?? 0, b.scalar[k]);
  return into;
}
