// Where in the YAML structure a cursor is, read from the text's indentation
// rather than from a parse tree: completion runs on half-typed lines that do not
// parse yet (`    ima|`). Block style only; flow collections are not entered.
import { lineStartOf } from './lines';

export interface CursorContext {
  /** Path of the mapping the cursor's key belongs to (numbers index sequences). */
  parent: (string | number)[];
  /** The cursor is on a key (or where a key would go), or in a key's value. */
  at: 'key' | 'value';
  /** The key written on the cursor's line, if any. */
  key?: string;
  /** Text between the start of the token being typed and the cursor. */
  prefix: string;
  /** Offset where the token being typed starts (completion replaces from here). */
  tokenStart: number;
  /** Offset where the token under the cursor ends. */
  tokenEnd: number;
  /** Keys already present in the parent mapping. */
  siblings: string[];
}

interface Line {
  blank: boolean;
  /** Columns of the `- ` sequence indicators that open the line. */
  dashes: number[];
  /** Column of the first character after indentation and dashes. */
  contentCol: number;
  key?: string;
  /** Column just after the key's colon. */
  colonEnd?: number;
  /** The key has a value on the same line. */
  hasValue: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"\-?:,[\]{}][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

function parseLine(line: string): Line {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === undefined)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  const blank = rest.trim() === '' && dashes.length === 0;
  const comment = rest.startsWith('#') && dashes.length === 0;
  const m = blank || comment ? null : KEY.exec(rest);
  if (!m) return { blank: blank || comment, dashes, contentCol: i, hasValue: rest.trim() !== '' };
  const colonEnd = i + m[0].length;
  const after = line.slice(colonEnd).trim();
  return { blank: false, dashes, contentCol: i, key: unquote(m[1]), colonEnd, hasValue: after !== '' && !after.startsWith('#') };
}

function unquote(k: string): string {
  return /^(["']).*\1$/.test(k) ? k.slice(1, -1) : k;
}

type State = { type: 'map'; col: number } | { type: 'seq'; col: number; count: number };

export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = lineStartOf(text, offset);
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = offset - lineStart;
  const cur = parseLine(line);
  const onBlank = cur.blank && line.slice(0, col).trim() === '';
  const keyCol = onBlank ? col : cur.contentCol;

  const ctx: CursorContext = { parent: [], at: 'key', prefix: '', tokenStart: offset, tokenEnd: offset, siblings: [], key: cur.key };
  if (cur.colonEnd !== undefined && col >= cur.colonEnd) {
    ctx.at = 'value';
    const valueStart = lineStart + cur.colonEnd + (line.slice(cur.colonEnd).length - line.slice(cur.colonEnd).trimStart().length);
    ctx.tokenStart = Math.min(valueStart, offset);
    ctx.tokenEnd = lineStart + line.replace(/\s+#.*$/, '').trimEnd().length;
  } else if (!onBlank) {
    ctx.tokenStart = lineStart + Math.min(col, cur.contentCol);
    ctx.tokenEnd = lineStart + (cur.key !== undefined ? cur.contentCol + keyLength(line, cur) : Math.max(col, line.trimEnd().length));
  }
  ctx.prefix = text.slice(ctx.tokenStart, offset);

  const segments: (string | number)[] = [];
  let state: State = !onBlank && cur.dashes.length ? enterItems(cur.dashes, segments) : { type: 'map', col: keyCol };
  // Keys seen before the walk first leaves the cursor's own mapping are its siblings.
  let innermost = state.type === 'map';

  for (let end = lineStart - 1; end >= 0; ) {
    const start = lineStartOf(text, end);
    const raw = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) break;
    const l = parseLine(raw);
    if (l.blank) continue;
    if (state.type === 'map') {
      if (l.contentCol > state.col) continue;
      if (l.contentCol === state.col) {
        if (innermost && l.key !== undefined) ctx.siblings.push(l.key);
        if (l.dashes.length) {
          state = enterItems(l.dashes, segments);
          innermost = false;
        }
        continue;
      }
      if (l.key === undefined || l.hasValue) break;
      segments.push(l.key);
      innermost = false;
      state = l.dashes.length ? enterItems(l.dashes, segments) : { type: 'map', col: l.contentCol };
    } else {
      const first = l.dashes[0];
      if (first === state.col) {
        state.count++;
        continue;
      }
      if (first !== undefined ? first > state.col : l.contentCol > state.col) continue;
      if (l.key === undefined || l.hasValue) break;
      segments.push(state.count - 1, l.key);
      state = l.dashes.length ? enterItems(l.dashes, segments) : { type: 'map', col: l.contentCol };
    }
  }
  if (state.type === 'seq') segments.push(state.count - 1);
  ctx.parent = segments.reverse();
  ctx.siblings.push(...siblingsBelow(text, lineEnd, keyCol));
  return ctx;
}

/** A line opening sequence items: inner dashes each start a sequence whose first item this is. */
function enterItems(dashes: number[], segments: (string | number)[]): State {
  for (let k = dashes.length - 1; k > 0; k--) segments.push(0);
  return { type: 'seq', col: dashes[0], count: 1 };
}

function keyLength(line: string, l: Line): number {
  return line.slice(l.contentCol, l.colonEnd).replace(/[ \t]*:$/, '').length;
}

/** Keys at the same column after the cursor's line, up to the end of its mapping. */
function siblingsBelow(text: string, from: number, col: number): string[] {
  const out: string[] = [];
  let start = from + 1;
  while (start > 0 && start <= text.length) {
    const nl = text.indexOf('\n', start);
    const raw = text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, '');
    start = nl < 0 ? -1 : nl + 1;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) break;
    const l = parseLine(raw);
    if (l.blank || l.contentCol > col) continue;
    if (l.contentCol < col || l.dashes.length) break;
    if (l.key !== undefined) out.push(l.key);
  }
  return out;
}
