// Test helper: an object as the API server validates it on create (defaulted,
// prepared with a fixed uid), and its field errors rendered the kubectl way.
import { renderFieldError, type FieldError } from '../../../../runtime/src/api/field';
import { applyDefaults, prepareForCreate } from '../../../../runtime/src/api/defaults';
import { validateObject } from '../../../../runtime/src/api/validation';

export const UID = '11111111-2222-3333-4444-555555555555';

export function errorsOf(obj: unknown, minor = 33): FieldError[] {
  return validateObject(prepareForCreate(applyDefaults(obj), { uid: UID }), { minor });
}

/** Rendered errors (warnings excluded), as kubectl lists the causes. */
export function messages(obj: unknown, minor = 33): string[] {
  return errorsOf(obj, minor)
    .filter((e) => !e.warning)
    .map((e) => renderFieldError(e, { minor }));
}

export const container = { name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] };

export function podTemplate(labels: Record<string, string> | undefined, spec: Record<string, unknown> = {}) {
  return { metadata: labels ? { labels } : {}, spec: { containers: [container], ...spec } };
}
