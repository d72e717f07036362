// The pieces every `kubectl describe` text is made of (pkg/describe/describe.go):
// the PrefixWriter's two-space levels, the multi-line label/annotation maps,
// tolerations, RFC 1123 timestamps and the Events section. Lines keep their
// tabs until `text()`, which aligns the whole description in one tabwriter
// pass (padding 2), as tabbedString does.

import { LAST_APPLIED } from '../apply-merge';
import { formatRfc1123z, parseRfc3339 } from '../clock';
import { ageSince } from './durations';
import { byKey } from './label-text';
import { tabwrite } from './tabwriter';

/** A stored timestamp in RFC 1123 with a numeric zone, `<unknown>` without one (describe's timestamps). */
export function rfc1123z(timestamp: string | undefined): string {
  const t = parseRfc3339(timestamp);
  return t === undefined ? '<unknown>' : formatRfc1123z(t);
}

/** Collects `indent + cells.join('\t')` lines. */
export class DescribeLines {
  readonly out: string[] = [];

  add(level: number, ...cells: string[]): void {
    this.out.push('  '.repeat(level) + cells.join('\t'));
  }

  /** printLabelsMultiline: first entry beside the title, the rest under it, sorted by key. */
  labels(level: number, title: string, m: Record<string, string> | undefined): void {
    this.multiline(level, title, Object.entries(m ?? {}), '=');
  }

  /** printAnnotationsMultiline: `key: value`, without kubectl's last-applied configuration (skipAnnotations). */
  annotations(level: number, title: string, m: Record<string, string> | undefined): void {
    this.multiline(level, title, Object.entries(m ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
  }

  private multiline(level: number, title: string, entries: [string, string][], sep: string): void {
    if (!entries.length) return this.add(level, `${title}:`, '<none>');
    entries.sort(byKey).forEach(([k, v], i) => this.add(level, i === 0 ? `${title}:` : '', `${k}${sep}${v}`));
  }

  /** printPodTolerationsMultiline, sorted by key: `key=value:effect op=Exists for 300s`. */
  tolerations(level: number, title: string, ts: readonly any[]): void {
    if (!ts.length) return this.add(level, `${title}:`, '<none>');
    const sorted = [...ts].sort((a, b) => String(a.key ?? '').localeCompare(String(b.key ?? '')));
    sorted.forEach((t, i) => this.add(level, i === 0 ? `${title}:` : '', tolerationText(t)));
  }

  text(): string {
    return tabwrite(this.out.join('\n'), 2) + '\n';
  }
}

function tolerationText(t: any): string {
  let text = t.key ?? '';
  if (t.value) text += `=${t.value}`;
  if (t.effect) text += `:${t.effect}`;
  // An Exists toleration without key and effect tolerates everything; kubectl prints it bare.
  if (t.operator === 'Exists' && !t.value) text += text ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
  return text;
}

/** DescribeEvents: `(xN over T)` for repeats, `<none>` when empty; oldest first. */
export function eventsSection(l: DescribeLines, evs: readonly any[], now: number): void {
  if (!evs.length) return l.add(0, 'Events:', '<none>');
  l.add(0, 'Events:');
  l.add(1, 'Type', 'Reason', 'Age', 'From', 'Message');
  l.add(1, '----', '------', '----', '----', '-------');
  const sorted = [...evs].sort((a, b) => String(a.lastTimestamp).localeCompare(String(b.lastTimestamp)));
  for (const e of sorted) {
    const count = Number(e.count ?? 1);
    const interval = count > 1 ? `${ageSince(e.lastTimestamp, now)} (x${count} over ${ageSince(e.firstTimestamp, now)})` : ageSince(e.firstTimestamp, now);
    l.add(1, String(e.type ?? ''), String(e.reason ?? ''), interval, e.source?.component || e.reportingComponent || '', String(e.message ?? '').trim());
  }
}
