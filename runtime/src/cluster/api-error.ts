// API errors as values (apimachinery/pkg/api/errors): the status code, the
// reason kubectl prints in "Error from server (<reason>)" and the server's
// message. The CLI and the REST facade render these; nothing throws them.

export type ApiReason = 'BadRequest' | 'Forbidden' | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'Gone';

export interface ApiError {
  code: 400 | 403 | 404 | 409 | 410 | 422;
  reason: ApiReason;
  message: string;
  /** kubectl itself refuses before any request (no matching kind): printed as `error: …`. */
  clientSide?: boolean;
}

export const badRequest = (message: string): ApiError => ({ code: 400, reason: 'BadRequest', message });
export const forbidden = (message: string): ApiError => ({ code: 403, reason: 'Forbidden', message });
export const notFound = (resource: string, name: string): ApiError => ({ code: 404, reason: 'NotFound', message: `${resource} "${name}" not found` });
export const alreadyExists = (resource: string, name: string): ApiError => ({
  code: 409, reason: 'AlreadyExists', message: `${resource} "${name}" already exists`,
});
export const conflict = (resource: string, name: string): ApiError => ({
  code: 409,
  reason: 'Conflict',
  message: `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
});
export const invalid = (message: string): ApiError => ({ code: 422, reason: 'Invalid', message });
