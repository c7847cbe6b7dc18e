// RFC 7946 checks on served GeoJSON, written out here rather than borrowed from the seeder: closed rings of four or
// more positions, [lon, lat] in range, exterior rings counter-clockwise and holes clockwise (section 3.1.6).
import { expect } from 'vitest';

type Position = number[];
export interface Geometry {
  type: string;
  coordinates: unknown;
}

/** Twice the signed area of a ring in the lon/lat plane: positive when counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

export function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  throw new Error(`not a polygon: ${geometry.type}`);
}

export function expectPosition(pos: Position, where: string) {
  expect(pos.length, where).toBeGreaterThanOrEqual(2);
  expect(pos.length, where).toBeLessThanOrEqual(3);
  const [lon, lat] = pos as [number, number];
  expect(lon, where).toBeGreaterThanOrEqual(-180);
  expect(lon, where).toBeLessThanOrEqual(180);
  expect(lat, where).toBeGreaterThanOrEqual(-90);
  expect(lat, where).toBeLessThanOrEqual(90);
}

/** Every RFC 7946 rule a Polygon or MultiPolygon must keep. */
export function expectRfc7946Polygon(geometry: Geometry, where: string) {
  const polygons = polygonsOf(geometry);
  expect(polygons.length, where).toBeGreaterThan(0);
  polygons.forEach((rings, p) => {
    expect(rings.length, where).toBeGreaterThan(0);
    rings.forEach((ring, r) => {
      const at = `${where} polygon ${p} ring ${r}`;
      expect(ring.length, at).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1], `${at} closed`).toEqual(ring[0]);
      for (const pos of ring) expectPosition(pos, at);
      const area = signedArea(ring);
      if (r === 0) expect(area, `${at}: exterior counter-clockwise`).toBeGreaterThan(0);
      else expect(area, `${at}: hole clockwise`).toBeLessThan(0);
    });
  });
}
