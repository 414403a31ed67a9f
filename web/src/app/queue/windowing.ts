/**
 * Which rows of a long list to render: only those in the viewport plus a few either side, so thousands of
 * tickets scroll as smoothly as ten. Rows have one fixed height.
 */
export interface Window {
  start: number;
  end: number; // exclusive
  offset: number; // px from the top of the canvas to the first rendered row
  height: number; // px of the whole canvas
}

export function windowOf(scrollTop: number, viewportHeight: number, rowHeight: number, count: number,
  overscan = 6): Window {
  const height = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, height: 0 };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, height - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, height };
}

/** Fetch the next page when the rendered rows come this close to the end of what is loaded. */
export function needsMore(window: Window, loaded: number, hasMore: boolean, threshold = 10): boolean {
  return hasMore && loaded > 0 && window.end >= loaded - threshold;
}
