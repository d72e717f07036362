// What a pod's successive statuses repeat, computed once: its startTime stamp
// and the fake but stable ids — `containerd://<digest>` for each container
// instance (the pod's uid, the container's name and the instance's restart
// number make the digest) and `docker.io/<repo>@sha256:<digest>` for an
// image. The kubelet keeps each pod's memo beside its runtime and drops it
// with the pod; it is not saved, since a restore computes the same strings.

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
  /** By the container's index in the runtime. */
  containers: (InstanceIDs | undefined)[];
}

export const createStatusMemo = (): StatusMemo => ({ containers: [] });

export function startTime(memo: StatusMemo, rt: PodRuntime): string {
  return (memo.startTime ??= rfc3339(rt.startTimeMs));
}

const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** FNV-1a, widened to 64 hex digits: eight rounds, each seeded with its number. */
function fakeDigest(text: string): string {
  // Joined rather than concatenated: the ids live in every stored status, and a
  // concatenated string would keep its 32 pieces.
  const words: string[] = [];
  for (let round = 0; round < 8; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    words.push(HEX_BYTES[h >>> 24] + HEX_BYTES[(h >>> 16) & 255] + HEX_BYTES[(h >>> 8) & 255] + HEX_BYTES[h & 255]);
  }
  return words.join('');
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
