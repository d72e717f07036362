// Line arithmetic on offsets. `lastIndexOf` with a negative start still looks at
// index 0, so offset 0 needs its own case.

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
