/**
 * Phones: under 480 px wide the popover is a bottom sheet across the screen, and a downward swipe on
 * it closes it (as on native sheets). The swipe counts only when the sheet's own content is scrolled
 * to its top, so scrolling a long explanation never closes it.
 */

export const SHEET_MAX_WIDTH = 480;
/** How far down a finger must travel, mostly vertically, to close the sheet. */
const SWIPE_CLOSE_PX = 60;

export function usesSheet(viewportWidth: number): boolean {
  return viewportWidth < SHEET_MAX_WIDTH;
}

/** Whether a touch from `start` to `end` is a swipe down (mostly vertical, long enough). */
export function isSwipeDown(start: { x: number; y: number }, end: { x: number; y: number }): boolean {
  const dy = end.y - start.y;
  return dy >= SWIPE_CLOSE_PX && Math.abs(end.x - start.x) < dy;
}

/**
 * Closes the sheet on a swipe down that starts on it (`sheet()` is the open sheet, or null when the
 * popover is not a sheet now). Listens on `root`, which outlives each popover; ends with `signal`.
 */
export function swipeDownToClose(root: HTMLElement, sheet: () => HTMLElement | null, close: () => void, signal: AbortSignal): void {
  let start: { x: number; y: number } | undefined;
  const onStart = (event: TouchEvent) => {
    const touch = event.touches[0];
    const element = sheet();
    const onSheet = element !== null && event.composedPath().includes(element);
    start = onSheet && event.touches.length === 1 && element.scrollTop <= 0 && touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  };
  const onEnd = (event: TouchEvent) => {
    const touch = event.changedTouches[0];
    if (start && touch && isSwipeDown(start, { x: touch.clientX, y: touch.clientY })) close();
    start = undefined;
  };
  root.addEventListener('touchstart', onStart, { passive: true, signal });
  root.addEventListener('touchend', onEnd, { passive: true, signal });
  root.addEventListener('touchcancel', () => (start = undefined), { passive: true, signal });
}
