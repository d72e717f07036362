// What a pod's successive statuses repeat, computed once: its startTime stamp,
// its podIPs and the fake but stable ids — `containerd://<digest>` for each
// container instance (the pod's uid, the container's name and the instance's
// restart number make the digest) and `docker.io/<repo>@sha256:<digest>` for
// an image. The kubelet keeps each pod's memo beside its runtime (its pod
// worker is the memo) and drops it with the pod; it is not saved, since a
// restore computes the same strings.

import { rfc3339 } from '../clock';
import type { PodRuntime } from './pod-runtime';

/** The ids of one container's current instance (number `restart`) and of the one before it. */
interface InstanceIDs {
  restart: number;
  current: string;
  previous?: string;
}

export interface StatusMemo {
  startTime?: string;
  podIPs?: readonly { ip: string }[];
  /** By the container's index in the runtime. */
  containers: (InstanceIDs | undefined)[];
}

export const createStatusMemo = (): StatusMemo => ({ startTime: undefined, podIPs: undefined, containers: [] });

export function startTime(memo: StatusMemo, rt: PodRuntime): string {
  return (memo.startTime ??= rfc3339(rt.startTimeMs));
}

export function podIPs(memo: StatusMemo, podIP: string): readonly { ip: string }[] {
  if (memo.podIPs?.[0].ip !== podIP) memo.podIPs = [{ ip: podIP }];
  return memo.podIPs;
}

const HEX_DIGITS = Array.from('0123456789abcdef', (d) => d.charCodeAt(0));
// The digest's 64 character codes, filled by every call in turn: the digest
// string, made from them in one piece, is then all a digest allocates.
const digestCodes: number[] = new Array(64).fill(0);

/** Writes `h` as eight hex digits at `at` in digestCodes. */
function putHex(at: number, h: number): void {
  for (let n = 0; n < 8; n++) digestCodes[at + n] = HEX_DIGITS[(h >>> (28 - 4 * n)) & 15];
}

/** FNV-1a, widened to 64 hex digits: eight rounds, each seeded with its number. */
function fakeDigest(text: string): string {
  // The eight rounds walk the text together in eight locals, reading each character once (twice as fast as round by round).
  const seed = 0x811c9dc5, prime = 0x01000193;
  let h0 = seed, h1 = seed ^ 1, h2 = seed ^ 2, h3 = seed ^ 3, h4 = seed ^ 4, h5 = seed ^ 5, h6 = seed ^ 6, h7 = seed ^ 7;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h0 = Math.imul(h0 ^ ch, prime);
    h1 = Math.imul(h1 ^ ch, prime);
    h2 = Math.imul(h2 ^ ch, prime);
    h3 = Math.imul(h3 ^ ch, prime);
    h4 = Math.imul(h4 ^ ch, prime);
    h5 = Math.imul(h5 ^ ch, prime);
    h6 = Math.imul(h6 ^ ch, prime);
    h7 = Math.imul(h7 ^ ch, prime);
  }
  putHex(0, h0);
  putHex(8, h1);
  putHex(16, h2);
  putHex(24, h3);
  putHex(32, h4);
  putHex(40, h5);
  putHex(48, h6);
  putHex(56, h7);
  // One flat string, which the ids in every stored status keep (concatenated pieces would be kept too).
  return String.fromCharCode.apply(null, digestCodes);
}

const instanceID = (rt: PodRuntime, index: number, restart: number) => `containerd://${fakeDigest(`${rt.uid}/${rt.containers[index].name}/${restart}`)}`;

function idsOf(memo: StatusMemo, rt: PodRuntime, index: number): InstanceIDs {
  const restart = rt.containers[index].restartCount;
  const known = memo.containers[index];
  if (known?.restart === restart) return known;
  // A restart makes the current instance the previous one.
  const previous = known?.restart === restart - 1 ? known.current : undefined;
  return (memo.containers[index] = { restart, current: instanceID(rt, index, restart), previous });
}

/** The id of the current instance of the container at `index`. */
export function currentContainerID(memo: StatusMemo, rt: PodRuntime, index: number): string {
  return idsOf(memo, rt, index).current;
}

/** The id of the instance before the current one (lastState). */
export function previousContainerID(memo: StatusMemo, rt: PodRuntime, index: number): string {
  const ids = idsOf(memo, rt, index);
  return (ids.previous ??= instanceID(rt, index, ids.restart - 1));
}

// A pure memo (the id depends on the image name alone), shared by every
// cluster in the process; bounded, since image names come from user manifests.
const IMAGE_MEMO_LIMIT = 4096;
const imageIDs = new Map<string, string>();

/** The imageID of a container that has run `image`. */
export function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    if (imageIDs.size >= IMAGE_MEMO_LIMIT) imageIDs.clear();
    const repo = image.includes('/') ? image : `library/${image}`;
    imageIDs.set(image, (id = `docker.io/${repo.split(':')[0]}@sha256:${fakeDigest(image)}`));
  }
  return id;
}
