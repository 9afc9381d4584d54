import { placePreview } from '../../plugins/cited-articles/reader/src/preview-placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 120 };
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: { left: number; top: number; width: number; height: number }) =>
  !(a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top);

describe('placePreview', () => {
  it('puts the preview below its marker when there is room', () => {
    const marker = { left: 100, top: 200, width: 20, height: 16 };
    const place = placePreview(marker, size, viewport);
    expect(place.side).toBe('below');
    expect(place.top).toBe(222);
    expect(place.left).toBe(100);
  });

  it('puts it above a marker near the bottom of the viewport', () => {
    const marker = { left: 100, top: 740, width: 20, height: 16 };
    const place = placePreview(marker, size, viewport);
    expect(place.side).toBe('above');
    expect(place.top + size.height).toBeLessThanOrEqual(marker.top);
  });

  it('moves it left to stay in the viewport, without covering a marker at the right edge', () => {
    const marker = { left: 980, top: 300, width: 16, height: 16 };
    const place = placePreview(marker, size, viewport);
    expect(place.left + size.width).toBeLessThanOrEqual(viewport.width);
    expect(overlaps({ left: place.left, top: place.top, ...size }, marker)).toBe(false);
  });

  it('never covers the marker, wherever it is and however large the preview', () => {
    for (let top = 0; top < 800; top += 37) {
      for (const height of [40, 300, 700]) {
        const marker = { left: 500, top, width: 20, height: 16 };
        const preview = { width: 300, height };
        const place = placePreview(marker, preview, viewport);
        expect(overlaps({ left: place.left, top: place.top, ...preview }, marker)).toBe(false);
      }
    }
  });
});
