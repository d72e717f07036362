// A linear pre-scan that bounds how deeply a YAML text nests before the parser
// sees it. The yaml package composes recursively: a 10,000-deep `[[[[…]]]]` or
// `- - - - …` overflows the call stack inside the parser (it then reports one
// RESOURCE_EXHAUSTION error per level), and how deep it gets first depends on the
// caller's stack. Counting here keeps hostile input to one finding and bounded time.
//
// The count is an estimate that errs high, never low, for real nesting: flow
// brackets outside quotes and comments, block indentation levels, and compact
// `- - x` sequence entries on one line. Block scalar bodies (`|`, `>`) are skipped.

export interface DepthBreach {
  /** Offset of the line where the nesting first went past the limit. */
  offset: number;
  depth: number;
}

/** The first place where nesting exceeds `limit`, or undefined when it never does. */
export function findDepthBreach(text: string, limit: number): DepthBreach | undefined {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarParent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const indent = leadingSpaces(line);
    const blank = indent === line.length || line[indent] === '#' || line[indent] === '\r';

    if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) {
      // Inside a literal or folded scalar: its text is content, not structure.
    } else if (flow === 0 && isDocumentMarker(line)) {
      indents.length = 0;
      blockScalarParent = -1;
    } else if (!blank || flow > 0) {
      blockScalarParent = -1;
      if (flow === 0) {
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
      const scan = scanLine(line, indent, flow);
      flow = scan.flow;
      const depth = indents.length + scan.compactEntries + scan.maxFlow;
      if (depth > limit) return { offset: lineStart, depth };
      if (scan.opensBlockScalar) blockScalarParent = indent;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

interface LineScan {
  /** Flow depth at the end of the line. */
  flow: number;
  /** Deepest flow depth reached on the line. */
  maxFlow: number;
  /** `- ` entries before the first content of a block line. */
  compactEntries: number;
  opensBlockScalar: boolean;
}

function scanLine(line: string, indent: number, flowAtStart: number): LineScan {
  let flow = flowAtStart;
  let maxFlow = flow;
  let i = indent;
  let compactEntries = 0;
  if (flow === 0) {
    while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      compactEntries++;
      i += 2;
      while (line[i] === ' ') i++;
    }
  }
  // In block context a bracket opens a flow collection only where a value may begin;
  // elsewhere (`image: repo/a[1]`) it is part of a plain scalar.
  let valueMayStart = true;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(line, i);
      valueMayStart = false;
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if ((c === '[' || c === '{') && (flow > 0 || valueMayStart)) {
      flow++;
      if (flow > maxFlow) maxFlow = flow;
      valueMayStart = true;
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
      valueMayStart = false;
    } else if (c === ',' && flow > 0) {
      valueMayStart = true;
    } else if (c === ':' && (line[i + 1] === ' ' || i + 1 === line.length || flow > 0)) {
      valueMayStart = true;
    } else if ((c === '-' || c === '?') && (line[i + 1] === ' ' || i + 1 === line.length) && valueMayStart) {
      valueMayStart = true;
    } else if ((c === '&' || c === '!') && valueMayStart) {
      // An anchor or tag precedes the value it names: skip the token, keep the value slot open.
      while (i + 1 < line.length && line[i + 1] !== ' ') i++;
    } else {
      valueMayStart = false;
    }
  }
  const opensBlockScalar = flow === 0 && /(^|[\s:-])[|>][-+0-9]*$/.test(line.slice(indent).replace(/\s+#.*$/, '').trimEnd());
  return { flow, maxFlow, compactEntries, opensBlockScalar };
}

/** Index of the closing quote (or the end of the line for an unterminated one). */
function skipQuoted(line: string, open: number): number {
  const q = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') {
      i++;
    } else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return line.length;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}
