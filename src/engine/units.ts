/**
 * Units and representation limits the mechanisms share. None of these is a model parameter:
 * they convert between units or guard the storage of a count, so no analysis needs to reach them.
 */

/** Weeks in a year: annual rates (turnover) are spread over the year's weeks. */
export const WEEKS_PER_YEAR = 52;

/** Largest count a Uint8Array cell holds (a counter saturates there). */
export const UINT8_MAX = 255;

/** Slack when a real-valued threshold is rounded up to a whole count, so 2.0000000001 stays 2. */
export const ROUNDING_SLACK = 1e-9;

/** Weeks over which know-how retention is stated (`knowledge.retention`: share kept after four weeks). */
export const RETENTION_SPAN_WEEKS = 4;
