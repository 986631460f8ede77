/** A finding's place in a log file, for viewer decorations. */
export type LogMarker = { line: number; endLine?: number; title: string };
