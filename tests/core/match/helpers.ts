import { buildDetector, loadDetector, scanText, type Detector, type Match } from '../../../src/core/match';
import { FIXTURE_RECORDS } from './fixture-records';

let cached: Detector | null = null;
/** The detector over the fixture records, round-tripped through JSON as the index ships it. */
export function fixtureDetector(): Detector {
  cached ??= loadDetector(JSON.parse(JSON.stringify(buildDetector(FIXTURE_RECORDS))));
  return cached;
}
export function scan(text: string): Match[] {
  return scanText(text, fixtureDetector());
}
