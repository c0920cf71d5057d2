/**
 * Typed declarations for the jsts (JTS port) deep imports VEP Studio uses. jsts is ESM-only and must be imported by
 * path (`jsts/org/locationtech/jts/.../X.js`; `import jsts from 'jsts'` fails — docs/design/dependencies.md); the
 * declarations shipped with the package type nearly everything as `any`, so these ambient modules (which take
 * precedence over them) describe exactly the members we call, with JTS's semantics:
 *  - a Geometry is immutable once built; coordinates are in the units of the data (metres in a GK plane);
 *  - operations throw TopologyException (a RuntimeException) on robustness failures;
 *  - the convenience methods JTS has on Geometry (`intersection`, `buffer`, `isValid`…) are NOT present with deep
 *    imports — jsts adds them only in its bundled entry point — so call the operation classes.
 * Keep this file to what is used; add members when code needs them.
 */

declare module 'jsts/java/util/ArrayList.js' {
  /** java.util.ArrayList as jsts implements it: iterable, with `toArray`. */
  export default class ArrayList<T> implements Iterable<T> {
    constructor();
    add(element: T): boolean;
    size(): number;
    isEmpty(): boolean;
    get(index: number): T;
    toArray(): T[];
    [Symbol.iterator](): Iterator<T>;
  }
}

declare module 'jsts/org/locationtech/jts/geom/Coordinate.js' {
  export default class Coordinate {
    constructor(x: number, y: number);
    x: number;
    y: number;
    /** NaN for 2-D data. */
    z: number;
    distance(other: Coordinate): number;
  }
}

declare module 'jsts/org/locationtech/jts/geom/Envelope.js' {
  export default class Envelope {
    getMinX(): number;
    getMinY(): number;
    getMaxX(): number;
    getMaxY(): number;
    isNull(): boolean;
  }
}

declare module 'jsts/org/locationtech/jts/geom/PrecisionModel.js' {
  export default class PrecisionModel {
    /** Floating precision (the default of a GeometryFactory). */
    constructor();
    /** Fixed precision: coordinates are rounded to multiples of 1/scale. */
    constructor(scale: number);
    getScale(): number;
    isFloating(): boolean;
  }
}

declare module 'jsts/org/locationtech/jts/geom/Geometry.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  import type Envelope from 'jsts/org/locationtech/jts/geom/Envelope.js';
  import type GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';

  /** JTS type names as returned by {@link Geometry.getGeometryType}. */
  export type GeometryTypeName = 'Point' | 'MultiPoint' | 'LineString' | 'LinearRing' | 'MultiLineString' | 'Polygon' | 'MultiPolygon' | 'GeometryCollection';

  export default abstract class Geometry {
    getGeometryType(): GeometryTypeName;
    getFactory(): GeometryFactory;
    isEmpty(): boolean;
    /** 0 points, 1 lines, 2 areas; -1 for an empty collection. */
    getDimension(): number;
    getNumGeometries(): number;
    getGeometryN(n: number): Geometry;
    getNumPoints(): number;
    getCoordinates(): Coordinate[];
    /** Planar area in the data's units² (holes subtracted). */
    getArea(): number;
    getLength(): number;
    getEnvelopeInternal(): Envelope;
    copy(): this;
  }
}

declare module 'jsts/org/locationtech/jts/geom/Point.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  import Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class Point extends Geometry {
    getX(): number;
    getY(): number;
    getCoordinate(): Coordinate | null;
  }
}

declare module 'jsts/org/locationtech/jts/geom/LineString.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  import Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class LineString extends Geometry {
    getCoordinateN(n: number): Coordinate;
    isClosed(): boolean;
  }
}

declare module 'jsts/org/locationtech/jts/geom/LinearRing.js' {
  import LineString from 'jsts/org/locationtech/jts/geom/LineString.js';
  export default class LinearRing extends LineString {}
}

declare module 'jsts/org/locationtech/jts/geom/Polygon.js' {
  import Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type LinearRing from 'jsts/org/locationtech/jts/geom/LinearRing.js';
  export default class Polygon extends Geometry {
    getExteriorRing(): LinearRing;
    getNumInteriorRing(): number;
    getInteriorRingN(n: number): LinearRing;
  }
}

declare module 'jsts/org/locationtech/jts/geom/GeometryCollection.js' {
  import Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class GeometryCollection extends Geometry {}
}

declare module 'jsts/org/locationtech/jts/geom/MultiPolygon.js' {
  import GeometryCollection from 'jsts/org/locationtech/jts/geom/GeometryCollection.js';
  export default class MultiPolygon extends GeometryCollection {}
}

declare module 'jsts/org/locationtech/jts/geom/MultiLineString.js' {
  import GeometryCollection from 'jsts/org/locationtech/jts/geom/GeometryCollection.js';
  export default class MultiLineString extends GeometryCollection {}
}

declare module 'jsts/org/locationtech/jts/geom/GeometryFactory.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type GeometryCollection from 'jsts/org/locationtech/jts/geom/GeometryCollection.js';
  import type LinearRing from 'jsts/org/locationtech/jts/geom/LinearRing.js';
  import type LineString from 'jsts/org/locationtech/jts/geom/LineString.js';
  import type MultiLineString from 'jsts/org/locationtech/jts/geom/MultiLineString.js';
  import type MultiPolygon from 'jsts/org/locationtech/jts/geom/MultiPolygon.js';
  import type Point from 'jsts/org/locationtech/jts/geom/Point.js';
  import type Polygon from 'jsts/org/locationtech/jts/geom/Polygon.js';
  import type PrecisionModel from 'jsts/org/locationtech/jts/geom/PrecisionModel.js';

  export default class GeometryFactory {
    constructor(precisionModel?: PrecisionModel);
    getPrecisionModel(): PrecisionModel;
    createPoint(coordinate: Coordinate): Point;
    createLineString(coordinates: Coordinate[]): LineString;
    /** The first and last coordinate must be equal; throws IllegalArgumentException otherwise or below 4 points. */
    createLinearRing(coordinates: Coordinate[]): LinearRing;
    createPolygon(shell: LinearRing, holes: LinearRing[] | null): Polygon;
    createMultiPolygon(polygons: Polygon[]): MultiPolygon;
    createMultiLineString(lines: LineString[]): MultiLineString;
    createGeometryCollection(geometries: Geometry[]): GeometryCollection;
  }
}

declare module 'jsts/org/locationtech/jts/geom/TopologyException.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  /** Thrown by overlay and buffer on a robustness failure; `name` is 'TopologyException'. */
  export default class TopologyException extends Error {
    getCoordinate(): Coordinate | undefined;
  }
}

declare module 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js' {
  export default class BufferParameters {
    constructor();
    static readonly CAP_ROUND: number;
    static readonly CAP_FLAT: number;
    static readonly CAP_SQUARE: number;
    static readonly JOIN_ROUND: number;
    static readonly JOIN_MITRE: number;
    static readonly JOIN_BEVEL: number;
    /** Segments per quarter circle of round joins and caps. */
    setQuadrantSegments(quadrantSegments: number): void;
    getQuadrantSegments(): number;
    setEndCapStyle(style: number): void;
    setJoinStyle(style: number): void;
    /**
     * Fraction of the distance by which shallow concavities of the input may be simplified away before buffering
     * (default 0.01); 0 buffers the input exactly.
     */
    setSimplifyFactor(factor: number): void;
  }
}

declare module 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js' {
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
  export default class BufferOp {
    static bufferOp(geometry: Geometry, distance: number, params: BufferParameters): Geometry;
  }
}

declare module 'jsts/org/locationtech/jts/operation/overlay/OverlayOp.js' {
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class OverlayOp {
    static readonly INTERSECTION: number;
    static readonly UNION: number;
    static readonly DIFFERENCE: number;
    static readonly SYMDIFFERENCE: number;
    /** The plain overlay (no snapping): throws TopologyException where the noding fails. */
    static overlayOp(a: Geometry, b: Geometry, opCode: number): Geometry;
  }
}

declare module 'jsts/org/locationtech/jts/operation/overlay/snap/SnapOverlayOp.js' {
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class SnapOverlayOp {
    /** Overlay after snapping the inputs to each other within a tolerance derived from their size. */
    static overlayOp(a: Geometry, b: Geometry, opCode: number): Geometry;
  }
}

declare module 'jsts/org/locationtech/jts/precision/GeometryPrecisionReducer.js' {
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type PrecisionModel from 'jsts/org/locationtech/jts/geom/PrecisionModel.js';
  export default class GeometryPrecisionReducer {
    /** Rounds every coordinate to the model's grid and repairs the resulting topology. */
    static reduce(geometry: Geometry, precisionModel: PrecisionModel): Geometry;
  }
}

declare module 'jsts/org/locationtech/jts/operation/polygonize/Polygonizer.js' {
  import type ArrayList from 'jsts/java/util/ArrayList.js';
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type Polygon from 'jsts/org/locationtech/jts/geom/Polygon.js';
  export default class Polygonizer {
    constructor(extractOnlyPolygonal?: boolean);
    /** Adds the linework of a geometry; it must be fully noded (see UnaryUnionOp on lines). */
    add(geometry: Geometry): void;
    getPolygons(): ArrayList<Polygon>;
  }
}

declare module 'jsts/org/locationtech/jts/noding/snapround/GeometryNoder.js' {
  import type ArrayList from 'jsts/java/util/ArrayList.js';
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type LineString from 'jsts/org/locationtech/jts/geom/LineString.js';
  import type PrecisionModel from 'jsts/org/locationtech/jts/geom/PrecisionModel.js';
  /** Snap-rounding noder: nodes all linework of the geometries on the grid of a fixed precision model. */
  export default class GeometryNoder {
    constructor(precisionModel: PrecisionModel);
    node(geometries: ArrayList<Geometry>): ArrayList<LineString>;
  }
}

declare module 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js' {
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class UnaryUnionOp {
    /** Union of all components of a geometry (lines are noded and dissolved, polygons merged). */
    static union(geometry: Geometry): Geometry;
  }
}

declare module 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  export default class TopologyValidationError {
    getErrorType(): number;
    getMessage(): string;
    getCoordinate(): Coordinate | null;
  }
}

declare module 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js' {
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  import type TopologyValidationError from 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js';
  export default class IsValidOp {
    constructor(geometry: Geometry);
    isValid(): boolean;
    /** The first validity error found, or null for a valid geometry. */
    getValidationError(): TopologyValidationError | null;
  }
}

declare module 'jsts/org/locationtech/jts/algorithm/InteriorPointArea.js' {
  import type Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
  import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
  export default class InteriorPointArea {
    /** A point strictly inside a polygonal geometry (null when empty). */
    static getInteriorPoint(geometry: Geometry): Coordinate | null;
  }
}
