// Go's text/tabwriter as kubectl uses it: cells end at tabs, and each run of
// consecutive lines sharing a column is padded to that column's widest cell
// plus `padding`. `get` tables use padding 3, describe text padding 2
// (printers.GetNewTabWriter, describe.PrefixWriter). The last cell of a line
// is never padded.

export function tabwrite(text: string, padding: number): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths = lines.map((cells) => cells.map(() => 0));
  const format = (start: number, end: number, col: number) => {
    let i = start;
    while (i < end) {
      if (lines[i].length - 1 <= col) {
        i++;
        continue;
      }
      let j = i;
      let w = 0;
      while (j < end && lines[j].length - 1 > col) w = Math.max(w, lines[j++][col].length);
      for (let k = i; k < j; k++) widths[k][col] = w + padding;
      format(i, j, col + 1);
      i = j;
    }
  };
  format(0, lines.length, 0);
  return lines.map((cells, li) => cells.map((c, ci) => (ci < cells.length - 1 ? c.padEnd(widths[li][ci]) : c)).join('')).join('\n');
}
