/**
 * Parabolic interpolation through three points (smileMath_quadFrom3pts), double precision.
 */
/** Vertex [x, y] of the parabola through the three points; falls back to the highest point when degenerate. */
export function quadFrom3pts(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): [number, number] {
  const den = x1 * x1 * x2 + x2 * x2 * x3 + x3 * x3 * x1 - x3 * x3 * x2 - x2 * x2 * x1 - x1 * x1 * x3;
  if (den !== 0) {
    const a = (y1 * x2 + y2 * x3 + y3 * x1 - y3 * x2 - y2 * x1 - y1 * x3) / den;
    const b = (x1 * x1 * y2 + x2 * x2 * y3 + x3 * x3 * y1 - x3 * x3 * y2 - x2 * x2 * y1 - x1 * x1 * y3) / den;
    const c = (x1 * x1 * x2 * y3 + x2 * x2 * x3 * y1 + x3 * x3 * x1 * y2 - x3 * x3 * x2 * y1 - x2 * x2 * x1 * y3 - x1 * x1 * x3 * y2) / den;
    if (a !== 0) {
      const x = -b / (2 * a);
      return [x, c - a * x * x];
    }
  }
  if (y1 > y2 && y1 > y3) return [x1, y1];
  if (y2 > y1 && y2 > y3) return [x2, y2];
  if (y3 > y1 && y3 > y2) return [x3, y3];
  return [x2, y2];
}
