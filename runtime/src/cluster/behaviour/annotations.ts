// Explicit overrides on the pod (usually via the controller's pod template):
// `kubelab.io/behaviour-<field>` for every container, or
// `kubelab.io/behaviour-<field>.<container>` for one. docs/behaviour-model.md
// documents each field. A malformed value is ignored, never an error: the pod
// was accepted by the API server and the model must not refuse it.

import type { ContainerBehaviour, HttpAnswer } from './types';

const ANNOTATION_PREFIX = 'kubelab.io/behaviour-';

type Override = (b: ContainerBehaviour, value: string) => ContainerBehaviour | undefined;

const seconds = (v: string): number | undefined => (/^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined);
const integer = (v: string): number | undefined => (/^-?\d+$/.test(v.trim()) ? Number(v) : undefined);

/** `200*5,500` = five 200s, then 500 for every later request. */
function parseHttpAnswers(v: string): HttpAnswer[] | undefined {
  const answers: HttpAnswer[] = [];
  for (const part of v.split(',')) {
    const m = /^\s*(\d{3})(?:\*(\d+))?\s*$/.exec(part);
    if (!m) return undefined;
    answers.push({ status: Number(m[1]), count: m[2] === undefined ? undefined : Number(m[2]) });
  }
  return answers.length ? answers : undefined;
}

/** Field name → how it changes the behaviour (undefined = ignore the value). */
const OVERRIDES: Readonly<Record<string, Override>> = {
  'run-seconds': (b, v) => {
    if (v.trim() === 'forever') return { ...b, exit: undefined };
    const s = seconds(v);
    return s === undefined ? undefined : { ...b, exit: { afterSeconds: s, code: b.exit?.code ?? 0 } };
  },
  'exit-code': (b, v) => {
    const c = integer(v);
    return c === undefined ? undefined : { ...b, exit: { afterSeconds: b.exit?.afterSeconds ?? 0, code: c & 255 } };
  },
  'startup-seconds': (b, v) => {
    const s = seconds(v);
    return s === undefined ? undefined : { ...b, startupSeconds: s };
  },
  http: (b, v) => {
    const http = parseHttpAnswers(v);
    return http && { ...b, http };
  },
  'response-seconds': (b, v) => {
    const s = seconds(v);
    return s === undefined ? undefined : { ...b, responseSeconds: s };
  },
  sigterm: (b, v) => {
    const t = v.trim();
    if (t === 'ignore') return { ...b, sigterm: { kind: 'ignore' } };
    const m = /^exit(?::(\d+))?(?:@(\d+(?:\.\d+)?))?$/.exec(t);
    return m ? { ...b, sigterm: { kind: 'exit', code: m[1] ? Number(m[1]) & 255 : 143, afterSeconds: m[2] ? Number(m[2]) : 0 } } : undefined;
  },
  'exec-exit-code': (b, v) => {
    const c = integer(v);
    return c === undefined ? undefined : { ...b, execExitCode: c & 255 };
  },
  'image-pull': (b, v) =>
    v.trim() === 'fail' || v.trim() === 'ok' ? { ...b, image: { ...b.image, pullFails: v.trim() === 'fail' } } : undefined,
  'pull-seconds': (b, v) => {
    const s = seconds(v);
    return s === undefined ? undefined : { ...b, image: { ...b.image, pullSeconds: s } };
  },
};

/** Applies pod-wide overrides first, then the container's own, so the narrower one wins. */
export function applyOverrides(b: ContainerBehaviour, annotations: Record<string, string> | undefined, container: string): ContainerBehaviour {
  if (!annotations) return b;
  let out = b;
  for (const scoped of [false, true]) {
    for (const [field, override] of Object.entries(OVERRIDES)) {
      const value = annotations[ANNOTATION_PREFIX + field + (scoped ? `.${container}` : '')];
      if (typeof value === 'string') out = override(out, value) ?? out;
    }
  }
  return out;
}
