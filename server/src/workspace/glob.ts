// The subset of VS Code glob syntax `files.exclude` patterns use: `**`, `*`,
// `?`, `{a,b}` and `[...]`, matched against workspace-relative paths with `/`.

/** Undefined for a pattern no glob reading makes a valid expression of (`[z-a]`). */
export function globToRegExp(glob: string): RegExp | undefined {
  let re = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of whole segments, including none.
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup = true;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup = false;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  // An unclosed `{a,b` is closed at the end, so a typo in one brace still excludes what the rest says.
  if (inGroup) re += ')';
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return undefined;
  }
}

/** `files.exclude` as a predicate over relative paths; entries set to false, and invalid globs, are ignored. */
export function excluder(patterns: Record<string, boolean>): (relativePath: string) => boolean {
  const res = Object.entries(patterns).flatMap(([g, on]) => (on ? (globToRegExp(g.replace(/^\.\//, '')) ?? []) : []));
  return (p) => res.some((r) => r.test(p));
}
