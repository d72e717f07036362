// The CronJob controller's time arithmetic (cronjob/utils.go
// mostRecentScheduleTime, getNextScheduleTime; runtime-semantics §5): the most
// recent scheduled instant in (earliest, now], how many were missed, and the
// next one after now.

import { nextScheduleAfter } from '../../api/cron';
import { rfc3339 } from '../clock';

/** More missed runs than this raise TooManyMissedTimes (the run still happens in controller v2). */
export const MAX_MISSED = 100;

export interface ScheduleWindow {
  /** The most recent scheduled time in (earliest, now], if any. */
  mostRecent?: number;
  /** How many scheduled times fell in the window (capped just above MAX_MISSED). */
  missed: number;
  /** The first scheduled time after now. */
  next?: number;
}

// Every sync of every CronJob asks for the next run after its last schedule
// time and after now, and the cron library's answer costs about a millisecond.
// For a calendar schedule, knowing next(a) = t answers every x in [a, t): no
// run falls strictly between. `@every` counts from `after` itself, so it is
// never memoised (and needs no library call).
const MEMO_KEYS = 4096;
const MEMO_SPANS = 8;
const spans = new Map<string, { from: number; to: number }[]>();

function memoisedNext(schedule: string, timeZone: string | undefined, after: number): number | undefined {
  if (/@every\b/.test(schedule)) return nextScheduleAfter(schedule, timeZone, after);
  const key = `${timeZone ?? ''}\u0000${schedule}`;
  const known = spans.get(key);
  const hit = known?.find((s) => s.from <= after && after < s.to);
  if (hit) return hit.to;
  const t = nextScheduleAfter(schedule, timeZone, after);
  if (t === undefined || t <= after) return t;
  if (!known && spans.size >= MEMO_KEYS) spans.clear();
  const list = known ?? [];
  list.push({ from: after, to: t });
  if (list.length > MEMO_SPANS) list.shift();
  spans.set(key, list);
  return t;
}

export function scheduleWindow(schedule: string, timeZone: string | undefined, earliestMs: number, nowMs: number): ScheduleWindow {
  const next = (after: number) => memoisedNext(schedule, timeZone, after);
  let t = next(earliestMs);
  let mostRecent: number | undefined;
  let missed = 0;
  while (t !== undefined && t <= nowMs && missed <= MAX_MISSED) {
    mostRecent = t;
    missed++;
    t = next(t);
  }
  if (t !== undefined && t <= nowMs) {
    // Too many to walk: find the latest one by looking back from now in doubling windows.
    for (let window = 60_000; ; window *= 2) {
      let c = next(Math.max(earliestMs, nowMs - window));
      if (c === undefined) break;
      if (c > nowMs) continue;
      while (c !== undefined && c <= nowMs) {
        mostRecent = c;
        c = next(c);
      }
      break;
    }
  }
  return { mostRecent, missed, next: next(nowMs) };
}

/** RFC 3339 in the CronJob's zone (the cronjob-scheduled-timestamp annotation): `Z` for UTC, else the offset. */
export function rfc3339InZone(ms: number, timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return rfc3339(ms);
  const utc = new Date(Math.floor(ms / 1000) * 1000);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(utc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(utc.getTime() + offsetMin * 60_000).toISOString().replace('.000Z', '');
  return offsetMin === 0 ? `${local}Z` : `${local}${m![1]}${m![2]}:${m![3]}`;
}
