// Bytes → manifest text, refusing what is not text worth parsing. Each refusal is
// one problem for the whole file, so a stray binary or a huge dump costs a
// constant amount of work and yields one clear finding instead of a flood.

export interface InputProblem {
  code: 'file-too-large' | 'binary-file' | 'invalid-utf8';
  message: string;
}

export type DecodedInput = { text: string } | { problem: InputProblem };

/** Manifests are kilobytes; anything above this is a dump or a mistake. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export function tooLargeProblem(): InputProblem {
  return { code: 'file-too-large', message: `file is larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MB; not validated` };
}

const binaryProblem: InputProblem = { code: 'binary-file', message: 'binary file, not YAML' };
const utf8Problem: InputProblem = { code: 'invalid-utf8', message: 'file is not valid UTF-8' };

/**
 * YAML streams are Unicode text; a NUL byte never appears in one (UTF-16 files,
 * images and archives all contain them). The UTF-8 BOM is dropped like kubectl does.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  if (bytes.byteLength > MAX_INPUT_BYTES) return { problem: tooLargeProblem() };
  if (bytes.indexOf(0) >= 0) return { problem: binaryProblem };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: utf8Problem };
  }
}

/** The same refusals for text that arrived already decoded (stdin). */
export function checkText(text: string): InputProblem | undefined {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) return tooLargeProblem();
  if (text.includes('\0')) return binaryProblem;
  return undefined;
}
