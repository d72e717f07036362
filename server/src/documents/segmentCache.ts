// Per-file reuse of per-document work: after an edit, a segment whose text is
// unchanged keeps what was built for it and only moves (STYLE §7). The build
// function is the caller's, so this module knows nothing of YAML or lint.
import { splitSegments } from './split';

export interface Built<T> {
  start: number;
  text: string;
  value: T;
}

export interface Update<T> {
  segments: Built<T>[];
  /** How many segments were built afresh (the rest were reused). */
  rebuilt: number;
}

export function updateSegments<T>(previous: readonly Built<T>[], text: string, build: (segmentText: string) => T): Update<T> {
  const pool = new Map<string, Built<T>[]>();
  for (const b of previous) {
    const list = pool.get(b.text);
    if (list) list.push(b);
    else pool.set(b.text, [b]);
  }
  let rebuilt = 0;
  const segments = splitSegments(text).map((s): Built<T> => {
    const reuse = pool.get(s.text)?.shift();
    if (reuse) return { start: s.start, text: s.text, value: reuse.value };
    rebuilt++;
    return { start: s.start, text: s.text, value: build(s.text) };
  });
  return { segments, rebuilt };
}
