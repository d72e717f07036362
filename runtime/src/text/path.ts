// Field paths as apimachinery prints them: `spec.containers[0].ports[1].name`,
// map keys in brackets (`metadata.labels[app.kubernetes.io/name]`).

export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  let cur = '';
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      if (cur) out.push(cur);
      cur = '';
      i++;
    } else if (c === '[') {
      if (cur) out.push(cur);
      cur = '';
      const close = path.indexOf(']', i);
      const inner = close < 0 ? path.slice(i + 1) : path.slice(i + 1, close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
    } else {
      cur += c;
      i++;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** 1-based line and column of an offset, with a cached table of line starts. */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** 0-based line and character (LSP style). */
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.starts[this.starts.length - 1] + character;
    return this.starts[line] + character;
  }
}
