/** A box in the coordinates of the positioned ancestor (the element's host). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Where the pop-up sits relative to its marker. */
  side: 'below' | 'above';
}

/**
 * Where a pop-up of this size goes so that it never covers its marker: below it when the viewport
 * has room there, else above; moved sideways to stay within the viewport. All boxes in viewport
 * coordinates; the answer too.
 */
export function placePreview(
  marker: Box,
  preview: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6
): Placement {
  const roomBelow = viewport.height - (marker.top + marker.height) - gap;
  const roomAbove = marker.top - gap;
  const side = preview.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const top = side === 'below' ? marker.top + marker.height + gap : marker.top - gap - preview.height;
  const maxLeft = Math.max(gap, viewport.width - preview.width - gap);
  const left = Math.min(Math.max(gap, marker.left), maxLeft);
  return { left, top, side };
}
