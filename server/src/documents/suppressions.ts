// Inline suppression comments:
//   `# kubelab-disable-next-line <id>[, <id>...]` — the next non-comment line;
//   `# kubelab-disable <id>[, <id>...]`          — the whole document.
// Without ids either form silences every lint rule. Offsets are document-relative.
import { lineStartOf } from './lines';

export interface Suppressions {
  /** Rule ids (or '*') silenced for the whole document. */
  document: Set<string>;
  /** Start offset of a silenced line → rule ids (or '*'). */
  lines: Map<number, Set<string>>;
}

const COMMENT = /^[ \t]*#[ \t]*kubelab-disable(-next-line)?(?:[ \t]+([^\r\n]*))?$/gm;

export function parseSuppressions(text: string): Suppressions {
  const out: Suppressions = { document: new Set(), lines: new Map() };
  if (!text.includes('kubelab-disable')) return out;
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const ids = parseIds(m[2]);
    if (!m[1]) {
      for (const id of ids) out.document.add(id);
      continue;
    }
    const target = nextCodeLine(text, m.index + m[0].length);
    if (target === undefined) continue;
    const set = out.lines.get(target) ?? new Set<string>();
    for (const id of ids) set.add(id);
    out.lines.set(target, set);
  }
  return out;
}

/** Whether a finding of `code` starting at `offset` is silenced. */
export function isSuppressed(s: Suppressions, code: string, text: string, offset: number): boolean {
  if (s.document.has('*') || s.document.has(code)) return true;
  if (s.lines.size === 0) return false;
  const ids = s.lines.get(lineStartOf(text, offset));
  return !!ids && (ids.has('*') || ids.has(code));
}

function parseIds(raw: string | undefined): string[] {
  // Anything after ` -- ` is the author's reason, not an id.
  const ids = (raw ?? '').split(/\s--(?:\s|$)/)[0].split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : ['*'];
}

/** The start of the first line after `from` that is neither blank nor a comment. */
function nextCodeLine(text: string, from: number): number | undefined {
  let i = text.indexOf('\n', from);
  while (i >= 0) {
    const start = i + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() && !line.trimStart().startsWith('#')) return start;
    i = end;
  }
  return undefined;
}
