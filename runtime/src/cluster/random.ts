// The one seeded random source of the simulated cluster (runtime-semantics §0):
// name suffixes, uids and tie-breaks all draw from it, so the same seed and the
// same inputs give the same cluster. The generator is sfc32 (a small, fast
// 128-bit-state PRNG); its state is plain numbers so persistence can save and
// restore it exactly.

import type { Rng } from './types';

/** apiserver/pkg/storage/names/generate.go: no vowels, no 0/1/3, to avoid words and look-alikes. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const DEFAULT_SUFFIX_LENGTH = 5;

const DASH = '-'.charCodeAt(0);
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const FOUR = '4'.charCodeAt(0);
const UID_LENGTH = 36;

export type RngState = readonly [number, number, number, number];

export interface SeededRng extends Rng {
  /** The generator's current state, for persistence. */
  state(): RngState;
}

/** Mixes a seed of any length into four 32-bit words (the cyrb128 string hash). */
function seedWords(seed: string): RngState {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createRng(seed: string | number): SeededRng {
  return restoreRng(seedWords(String(seed)));
}

export function restoreRng(state: RngState): SeededRng {
  let [a, b, c, d] = state;
  const word = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  const uidCodes: number[] = new Array(UID_LENGTH).fill(0);
  const next = () => word() / 4294967296;
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)],
    suffix: (len = DEFAULT_SUFFIX_LENGTH) => {
      let s = '';
      for (let i = 0; i < len; i++) s += NAME_ALPHABET[int(NAME_ALPHABET.length)];
      return s;
    },
    // Version 4 layout: the 13th hex digit is 4, the 17th one of 8, 9, a, b.
    // The 32 digits are four words in hex, most significant nibble first,
    // written straight into one flat string: a template of slices would be
    // kept as a tree of pieces by every object holding the uid. The codes go
    // into one reused array (a uid is written at a time), so a uid allocates
    // only its string.
    uid: () => {
      let j = 0;
      for (let w = 0; w < 4; w++) {
        const v = word();
        for (let k = 7; k >= 0; k--) {
          const i = w * 8 + (7 - k);
          if (i === 8 || i === 12 || i === 16 || i === 20) uidCodes[j++] = DASH;
          uidCodes[j++] = HEX_CODES[(v >>> (4 * k)) & 15];
        }
      }
      uidCodes[14] = FOUR;
      uidCodes[19] = '89ab'.charCodeAt(int(4));
      return String.fromCharCode.apply(null, uidCodes);
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}
