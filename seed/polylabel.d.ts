// polylabel 2 ships no types: its one export, as its README documents it.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]), to `precision`; `distance` is to the nearest edge. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
    debug?: boolean,
  ): [number, number] & { distance: number };
}
