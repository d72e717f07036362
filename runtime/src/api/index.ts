// The public face of runtime/api: everything the server, the CLI and the
// simulated cluster use comes through here.
export * from './field';
export * from './formats';
export * from './kinds';
export * from './decode';
export * from './quantity';
export * from './selectors';
export * from './cron';
export * from './schema';
export { applyDefaults, prepareForCreate } from './defaults';
export { validateObject, type ValidateOptions } from './validation';
export { checkObject, isKubernetesLike, PLACEHOLDER_UID, type CheckOptions, type Finding } from './check';
