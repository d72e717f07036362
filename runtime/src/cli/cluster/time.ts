// `time now` prints virtual time; `time advance DURATION` (`15m`, `1h30m`,
// `90s`, `2d`) runs every timer due in between, in order, and prints the new time.

import { rfc3339 } from '../../cluster/clock';
import { clusterCommand } from './session';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Go's time.ParseDuration units, plus `d` for days; a bare number is seconds. */
function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

export const timeCommand = clusterCommand({}, (s) => {
  const [sub, arg] = s.args.positional;
  if (sub === 'now') {
    s.out.line(rfc3339(s.cluster.clock.now()));
    return 0;
  }
  if (sub === 'advance') {
    const ms = arg === undefined ? undefined : parseDuration(arg);
    if (ms === undefined) {
      s.out.error(`error: time: invalid duration "${arg ?? ''}"`);
      return 1;
    }
    s.cluster.advance(ms);
    s.out.changed = true;
    s.out.line(rfc3339(s.cluster.clock.now()));
    return 0;
  }
  s.out.error('error: usage: time now | time advance DURATION');
  return 1;
});
