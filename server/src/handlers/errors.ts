// How a bug caught at the adapter boundary is written to the output channel:
// with its stack, so the log says where, never shown to the user as a message.

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
