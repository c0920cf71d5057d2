import type { Message } from './index';

/** Messages of the text and XML vector formats: coordinate text file, GeoJSON, KML, 三调 schema checks. */
export const formatsMessages = {} satisfies Record<string, Message>;
