// Checks a boundary geometry against RFC 7946 before it reaches the database: closed rings of four or more
// positions, longitude and latitude in range, exterior rings counter-clockwise and holes clockwise (the right-hand
// rule, section 3.1.6). Also finds a label point inside the polygon, since a centre point need not lie in it.
import booleanClockwise from '@turf/boolean-clockwise';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

export type BoundaryGeometry = Polygon | MultiPolygon;

const polygonsOf = (g: BoundaryGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Every way the geometry breaks RFC 7946, as phrases naming the ring and position; empty when it is sound. */
export function geometryProblems(geometry: BoundaryGeometry): string[] {
  const problems: string[] = [];
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) problems.push('has no polygon');
  polygons.forEach((rings, p) => {
    const prefix = geometry.type === 'MultiPolygon' ? `polygon ${p} ` : '';
    if (rings.length === 0) problems.push(`${prefix}has no ring`);
    rings.forEach((ring, r) => {
      const where = `${prefix}ring ${r}`;
      ring.forEach((pos, i) => {
        const [lon, lat] = pos as [number, number];
        if (pos.length < 2 || pos.length > 3 || !pos.every(Number.isFinite)) {
          problems.push(`${where} position ${i}: not [longitude, latitude]`);
        } else if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
          problems.push(
            `${where} position ${i}: [${lon}, ${lat}] is out of range (longitude -180..180, latitude -90..90)`,
          );
        }
      });
      if (ring.length < 4) {
        problems.push(`${where}: has ${ring.length} positions; a linear ring needs at least 4`);
        return;
      }
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(`${where}: is not closed (its first and last positions differ)`);
        return;
      }
      const clockwise = booleanClockwise(ring);
      if (r === 0 && clockwise)
        problems.push(`${where}: the exterior ring is clockwise; RFC 7946 wants counter-clockwise`);
      if (r > 0 && !clockwise) problems.push(`${where}: a hole is counter-clockwise; RFC 7946 wants clockwise`);
    });
  });
  return problems;
}

/** Twice the signed area of a ring (shoelace), in square degrees: only compared, never reported. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum);
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A point well inside the geometry (polylabel's pole of inaccessibility of its largest polygon), to 6 decimals as
 * the vertices are; null if even that point is not inside, which the seeder reports.
 */
export function labelPoint(geometry: BoundaryGeometry): [number, number] | null {
  const largest = polygonsOf(geometry).reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
  const [lon, lat] = polylabel(largest as number[][][], 1e-5);
  const point: [number, number] = [round6(lon), round6(lat)];
  return booleanPointInPolygon(point, geometry, { ignoreBoundary: true }) ? point : null;
}
