// The part of d3-delaunay 6 the generator uses (the package ships no typings).
declare module 'd3-delaunay' {
  export class Delaunay {
    constructor(points: Float64Array);
    /** Three point indices per triangle. */
    triangles: Uint32Array;
    /** The opposite half-edge of each half-edge, or −1 on the hull. */
    halfedges: Int32Array;
    /** For each point, one half-edge ending at it (a hull edge when the point is on the hull), or −1. */
    inedges: Int32Array;
  }
}
