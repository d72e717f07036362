// The two duration spellings users see: kubectl's short AGE form
// (apimachinery/pkg/util/duration.HumanDuration) and Go's time.Duration
// String(), which kubelet messages embed ("back-off 5m0s restarting…",
// "Successfully pulled image … in 4s").

import { parseRfc3339 } from '../clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** HumanDuration: `59s`, `3m34s`, `65m`, `5h10m`, `19h`, `3d4h`, `100d`, `2y30d`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  const days = Math.trunc(ms / DAY);
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** kubectl's translateTimestampSince: `<unknown>` for a missing timestamp. */
export function ageSince(timestamp: string | undefined, nowMs: number): string {
  const t = parseRfc3339(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t);
}

/** Go's Duration.String for non-negative durations: `500ms`, `4s`, `1.5s`, `5m0s`, `1h0m0s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < SECOND) return `${ms}ms`;
  const h = Math.trunc(ms / HOUR);
  const m = Math.trunc((ms % HOUR) / MINUTE);
  const s = ((ms % MINUTE) / SECOND).toFixed(3).replace(/\.?0+$/, '');
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
