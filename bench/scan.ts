/**
 * Part 1, scanning: scanText (token-shingle hashing) against the "one RegExp per string" baseline,
 * on synthetic tickets built from the index's own strings. See README "Benchmarks".
 */
import { buildDetector, loadDetector, scanText, type Detector, type DetectorData, type Match } from '../src/core/match';
import { DETECT_FILE } from '../src/core/index/layout';
import type { BenchContext } from './context';
import { readText } from './index-data';
import { goalAtLeast, type PartResult, type Row } from './report';
import { MB, heapBytes, hasGc, median, medianMs, rng, round, shuffled, timeMs } from './stats';
import { makeTicket, ticketSource, ticketText, type TicketStats } from './ticket';

/** How the content script calls the background: 32,768 owned characters plus 2,048 of overlap per message (src/content/scanner.ts). */
const CHUNK = 32_768;
const OVERLAP = 2_048;

/** The detector restricted to some of its patterns (vocabulary, codes and classes kept whole). */
export function subsetDetector(data: DetectorData, ids: readonly number[]): DetectorData {
  const out: DetectorData = { ...data, items: [], itemCount: [], anchor: [], meta: [], qCount: [], qs: [], text: [] };
  const itemStart = [0];
  const qStart = [0];
  for (let p = 0; p < data.itemCount.length; p++) {
    itemStart.push(itemStart[p]! + data.itemCount[p]!);
    qStart.push(qStart[p]! + data.qCount[p]!);
  }
  for (const p of ids) {
    for (let i = itemStart[p]!; i < itemStart[p + 1]!; i++) out.items.push(data.items[i]!);
    out.itemCount.push(data.itemCount[p]!);
    out.anchor.push(data.anchor[p]!);
    out.meta.push(data.meta[p]!);
    for (let i = qStart[p]!; i < qStart[p + 1]!; i++) out.qs.push(data.qs[i]!);
    out.qCount.push(data.qCount[p]!);
    out.text.push(data.text[p]!);
  }
  return out;
}

/** scanText over a whole ticket the way the extension feeds it: windows cut after a space, each owning its first CHUNK characters. */
export function scanChunked(text: string, det: Detector, chunk = CHUNK): Match[] {
  const all: Match[] = [];
  let from = 0;
  while (from < text.length) {
    let ownTo = Math.min(text.length, from + chunk);
    if (ownTo < text.length) {
      const sp = text.lastIndexOf(' ', ownTo);
      if (sp > from) ownTo = sp + 1;
    }
    const window = text.slice(from, Math.min(text.length, ownTo + OVERLAP));
    for (const m of scanText(window, det, { maxMatches: 100_000 })) {
      if (m.start < ownTo - from) all.push({ ...m, start: m.start + from, end: m.end + from });
    }
    from = ownTo;
  }
  return all;
}

/** The baseline: one case-insensitive global RegExp per string, words joined by \s+. */
export function regexFor(s: string): RegExp {
  const words = s.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(words.join('\\s+'), 'gi');
}

function countRegexMatches(text: string, regexes: readonly RegExp[]): number {
  let n = 0;
  for (const re of regexes) {
    re.lastIndex = 0;
    while (re.exec(text)) n++;
  }
  return n;
}

function byKind(ms: readonly Match[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of ms) out[`${m.kind}/${m.source}`] = (out[`${m.kind}/${m.source}`] ?? 0) + 1;
  return out;
}

export async function benchScan(ctx: BenchContext): Promise<PartResult> {
  const notes: string[] = [];
  const rows: Row[] = [];
  const detectText = readText(ctx.indexDir, DETECT_FILE);
  const records = ctx.records();

  ctx.log(`detector: build from ${records.length} records`);
  const buildTimes = [0, 1].map(() => timeMs(() => buildDetector(records)));
  const detectorBuildMs = Math.min(...buildTimes);
  const loadMs = medianMs(5, () => loadDetector(JSON.parse(detectText) as DetectorData));
  const parseMs = medianMs(5, () => JSON.parse(detectText));

  const before = heapBytes();
  let det: Detector | null = loadDetector(JSON.parse(detectText) as DetectorData);
  const heapMb = hasGc() ? (heapBytes() - before) / MB : null;
  if (!hasGc()) notes.push('heap delta needs node --expose-gc (npm run bench passes it)');
  const data = JSON.parse(detectText) as DetectorData;
  const patterns = det.patternCount;

  ctx.log('tickets: 1, 5 and 20 MB');
  const source = ticketSource(records);
  const tickets = new Map<number, { text: string; stats: TicketStats; bytes: number }>();
  for (const [i, size] of [1, 5, 20].entries()) {
    const t = makeTicket(source, size * MB, 1000 + i);
    const text = ticketText(t);
    tickets.set(size, { text, stats: t.stats, bytes: Buffer.byteLength(text) });
  }

  const rate = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
  const perSize: Record<string, unknown> = {};
  let scan20 = 0;
  let scan1 = 0;
  for (const [size, t] of tickets) {
    ctx.log(`scanText, all ${patterns} patterns, ${size} MB`);
    let matches: Match[] = [];
    const times: number[] = [];
    matches = scanChunked(t.text, det); // warm-up
    for (let i = 0; i < 3; i++) times.push(timeMs(() => { matches = scanChunked(t.text, det!); }));
    const mbs = rate(t.bytes, median(times));
    if (size === 20) scan20 = mbs;
    if (size === 1) scan1 = mbs;
    perSize[`${size}MB`] = { bytes: t.bytes, ms: round(median(times)), mb_s: round(mbs), inserted: t.stats, matches: matches.length, byKind: byKind(matches) };
  }

  // The same 20 MB in 1 MB windows: how much the per-message cost of 32 KB windows adds.
  const twenty = tickets.get(20)!;
  const scanBig = rate(twenty.bytes, medianMs(3, () => scanChunked(twenty.text, det!, 1_000_000)));

  // Pattern subsets: a seeded shuffle of the detector's patterns.
  const order = shuffled([...Array(patterns).keys()], rng(42));
  const sub1k = subsetDetector(data, order.slice(0, 1000));
  const sub10k = subsetDetector(data, order.slice(0, 10_000));
  const five = tickets.get(5)!;
  const one = tickets.get(1)!;
  const subsetRate = (d: DetectorData) => {
    const sd = loadDetector(d);
    return rate(five.bytes, medianMs(3, () => scanChunked(five.text, sd)));
  };
  ctx.log('scanText with 1k and 10k patterns, 5 MB');
  const scan1k = subsetRate(sub1k);
  const scan10k = subsetRate(sub10k);
  const scanAll5 = rate(five.bytes, medianMs(3, () => scanChunked(five.text, det!)));

  ctx.log('baseline: one RegExp per string, 1k and 10k strings, 1 MB (single run each)');
  const re1k = sub1k.text.map(regexFor);
  const re10k = sub10k.text.map(regexFor);
  let n1k = 0;
  let n10k = 0;
  const regex1kMs = timeMs(() => { n1k = countRegexMatches(one.text, re1k); });
  const regex10kMs = timeMs(() => { n10k = countRegexMatches(one.text, re10k); });
  const regex1k = rate(one.bytes, regex1kMs);
  const regex10k = rate(one.bytes, regex10kMs);
  const speedup = scan1 / regex10k;
  det = null;

  rows.push(
    { key: 'scan_mb_s', what: `scanText, all ${patterns.toLocaleString('en-US')} patterns, 20 MB ticket`, value: round(scan20), unit: 'MB/s', baseline: `regex ×10k: ${round(regex10k, 3)} MB/s (1 MB)`, goal: goalAtLeast(scan20, 100, 'MB/s') },
    { key: 'scan_1mb_windows_mb_s', what: 'scanText, all patterns, 20 MB in 1 MB windows instead of 32 KB', value: round(scanBig), unit: 'MB/s', baseline: `32 KB windows: ${round(scan20)} MB/s` },
    { key: 'scan_1mb_mb_s', what: 'scanText, all patterns, 1 MB ticket', value: round(scan1), unit: 'MB/s', baseline: `regex ×1k: ${round(regex1k, 2)} MB/s`, goal: goalAtLeast(scan1, 100, 'MB/s') },
    { key: 'scan_1k_patterns_mb_s', what: 'scanText, 1,000 patterns loaded, 5 MB', value: round(scan1k), unit: 'MB/s', baseline: `all patterns: ${round(scanAll5)} MB/s` },
    { key: 'scan_10k_patterns_mb_s', what: 'scanText, 10,000 patterns loaded, 5 MB', value: round(scan10k), unit: 'MB/s', baseline: `all patterns: ${round(scanAll5)} MB/s`, goal: { text: 'flat in N: 10k within 25% of 1k', met: scan10k >= 0.75 * scan1k } },
    { key: 'scan_regex_1k_mb_s', what: 'baseline: 1,000 RegExps (/gi, \\s+), 1 MB', value: round(regex1k, 3), unit: 'MB/s' },
    { key: 'scan_regex_10k_mb_s', what: 'baseline: 10,000 RegExps (/gi, \\s+), 1 MB', value: round(regex10k, 3), unit: 'MB/s' },
    { key: 'scan_speedup_vs_regex_10k', what: 'scanText (all patterns) ÷ 10k RegExps, 1 MB', value: round(speedup, 0), unit: '×', goal: goalAtLeast(speedup, 100, '×') },
    { key: 'detector_build_ms', what: `buildDetector from ${records.length.toLocaleString('en-US')} records`, value: round(detectorBuildMs, 0), unit: 'ms' },
    { key: 'detector_load_ms', what: 'detect.json: JSON.parse + loadDetector', value: round(loadMs, 1), unit: 'ms', baseline: `JSON.parse alone: ${round(parseMs, 1)} ms` },
    { key: 'detector_heap_mb', what: 'loaded detector, heap + array buffers', value: heapMb === null ? null : round(heapMb, 1), unit: 'MB' },
  );
  notes.push(
    'MB = 10^6 bytes of ticket text. scanText is fed the way the extension feeds it: 32,768-character windows cut after a space, plus 2,048 characters of overlap; median of 3 after a warm-up.',
    `The RegExp baselines ran on the 1 MB ticket only (a single run each: ${round(regex1kMs, 0)} ms and ${round(regex10kMs, 0)} ms, ${n1k} and ${n10k} matches); 10k RegExps over 20 MB would take minutes. The speedup compares scanText with all ${patterns} patterns loaded against 10k RegExps, on the same 1 MB.`,
    'Subsets are a seeded shuffle of detect.json\'s patterns; the RegExps are built from the same subsets\' texts (placeholders left literal).',
    'detector_build_ms is the faster of 2 runs; load is the median of 5.',
  );
  return { part: 'scan', title: 'Scanning (Node, src/core/match)', rows, notes, details: { patterns, perSize, buildTimesMs: buildTimes.map((x) => round(x)), regexMatches: { '1k': n1k, '10k': n10k } } };
}

