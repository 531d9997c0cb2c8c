/**
 * The mark the main script leaves in its frame's isolated world (shared by all of Termlight's scripts
 * in that frame, never seen by the page): the background reads it before injecting, so a frame never
 * runs two main scripts.
 */
export const PAGE_SCRIPT_MARK = 'termlightPageScript';

/** Claims this frame for the main script; false when one already runs here. */
export function claimPageScript(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): boolean {
  if (scope[PAGE_SCRIPT_MARK] === true) return false;
  scope[PAGE_SCRIPT_MARK] = true;
  return true;
}
