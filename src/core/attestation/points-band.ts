import { POINTS_BAND_WIDTH } from './attestation-claims.js';

/** The band of `width` points holding `points`, written `low-high` (e.g. 1037 → "1000-1049"). */
export function pointsBand(points: number, width: number = POINTS_BAND_WIDTH): string {
  if (!Number.isFinite(points) || !Number.isInteger(width) || width < 1) throw new RangeError(`pointsBand: invalid input ${points}, ${width}`);
  const low = Math.floor(points / width) * width;
  return `${low}-${low + width - 1}`;
}
