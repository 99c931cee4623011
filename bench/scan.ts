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
import { WINDOW_CHARS, windowsOf as cutWindows } from '../src/core/windows';
import { addBounceMatches, findBounces } from '../src/core/bounce';

/** A ticket quoting one DSN for `n` recipients all refused with 5.1.1: a human part, then a block per recipient. */
function dsnTicket(n: number): string {
  const rs = Array.from({ length: n }, (_, i) => `user${i}@gone${i % 7}.example.org`);
  return [
    'Hi, half our list bounced this morning, see below.',
    '',
    'From: MAILER-DAEMON@mx.example.com',
    'Subject: Undelivered Mail Returned to Sender',
    '',
    'Your message could not be delivered to one or more recipients.',
    '',
    ...rs.map((r) => `<${r}>: host mx.example.org said: 550 5.1.1 User unknown`),
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    ...rs.map(
      (r) =>
        `Final-Recipient: rfc822; ${r}\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n`,
    ),
  ].join('\n');
}

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

/** One message from the content script: the window's text and where it sits in the ticket. */
export interface ScanWindow {
  /** Offset of the window in the ticket. */
  from: number;
  /** The window owns matches starting before this offset (in the window); the rest is overlap. */
  own: number;
  text: string;
}

/**
 * The ticket cut into the content script's windows (core/windows.ts, the one rule the lens and
 * the probe use). Each window's text is a fresh flat string, as the background receives it from
 * the message channel (which serialises the message): a slice of the big ticket would be a V8
 * sliced string, slower to read per character than anything the extension scans.
 */
export function windowsOf(text: string, chunk = WINDOW_CHARS, flat = true): ScanWindow[] {
  return cutWindows(text, chunk).map((w) => ({
    from: w.from,
    own: w.ownTo - w.from,
    text: flat ? (JSON.parse(JSON.stringify(w.text)) as string) : w.text,
  }));
}

/** What the background does per message (src/background/scan-service.ts): scanText on the window, nothing more. */
export function scanWindows(windows: readonly ScanWindow[], det: Detector): Match[][] {
  return windows.map((w) => scanText(w.text, det, { maxMatches: 100_000 }));
}

/** The windows' matches in ticket offsets, owned parts only (the content script's side of the work). */
export function placeWindowMatches(windows: readonly ScanWindow[], found: readonly Match[][]): Match[] {
  const all: Match[] = [];
  windows.forEach((w, i) => {
    for (const m of found[i]!) if (m.start < w.own) all.push({ ...m, start: m.start + w.from, end: m.end + w.from });
  });
  return all;
}

/**
 * The bench's earlier measure, kept as a second figure: windows sliced from the one big ticket
 * string (V8 sliced strings) and every match copied into ticket offsets inside the timed loop.
 * Same matches as windowsOf + scanWindows + placeWindowMatches.
 */
export function scanChunked(text: string, det: Detector, chunk = WINDOW_CHARS): Match[] {
  const windows = windowsOf(text, chunk, false);
  return placeWindowMatches(windows, scanWindows(windows, det));
}

/** The baseline: one case-insensitive global RegExp per string, words joined by \s+. */
export function regexFor(s: string): RegExp {
  const words = s
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
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
  const tickets = new Map<number, { text: string; windows: ScanWindow[]; stats: TicketStats; bytes: number }>();
  for (const [i, size] of [1, 5, 20].entries()) {
    const t = makeTicket(source, size * MB, 1000 + i);
    const text = ticketText(t);
    tickets.set(size, { text, windows: windowsOf(text), stats: t.stats, bytes: Buffer.byteLength(text) });
  }

  const rate = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
  const perSize: Record<string, unknown> = {};
  let scan20 = 0;
  let scan1 = 0;
  for (const [size, t] of tickets) {
    ctx.log(`scanText, all ${patterns} patterns, ${size} MB`);
    let found: Match[][] = scanWindows(t.windows, det); // warm-up
    // About 20 MB of scanning per size, at least 3 runs: one 1 MB run is ~10 ms, where a single GC
    // or a busy neighbour moved the median of 3 by 20-30% between runs.
    const runs = Math.max(3, Math.ceil(20 / size));
    const times: number[] = [];
    for (let i = 0; i < runs; i++)
      times.push(
        timeMs(() => {
          found = scanWindows(t.windows, det!);
        }),
      );
    const matches = placeWindowMatches(t.windows, found);
    const mbs = rate(t.bytes, median(times));
    if (size === 20) scan20 = mbs;
    if (size === 1) scan1 = mbs;
    perSize[`${size}MB`] = {
      bytes: t.bytes,
      ms: round(median(times)),
      mb_s: round(mbs),
      inserted: t.stats,
      matches: matches.length,
      byKind: byKind(matches),
    };
  }

  // The same 20 MB in 1 MB windows: how much the per-message cost of 32 KB windows adds.
  const twenty = tickets.get(20)!;
  const bigWindows = windowsOf(twenty.text, 1_000_000);
  const scanBig = rate(
    twenty.bytes,
    medianMs(3, () => scanWindows(bigWindows, det!)),
  );

  // The earlier measure (sliced windows, matches copied in the timed loop), which must find the same matches.
  ctx.log('scanText, all patterns, 20 MB, windows sliced from the ticket string');
  let sliced: Match[] = [];
  const scanSliced = rate(
    twenty.bytes,
    medianMs(3, () => {
      sliced = scanChunked(twenty.text, det!);
    }),
  );
  if (JSON.stringify(sliced) !== JSON.stringify(placeWindowMatches(twenty.windows, scanWindows(twenty.windows, det)))) {
    throw new Error('bench: flat and sliced windows found different matches');
  }

  // Pattern subsets: a seeded shuffle of the detector's patterns.
  const order = shuffled([...Array(patterns).keys()], rng(42));
  const sub1k = subsetDetector(data, order.slice(0, 1000));
  const sub10k = subsetDetector(data, order.slice(0, 10_000));
  const five = tickets.get(5)!;
  const one = tickets.get(1)!;
  const subsetRate = (d: DetectorData) => {
    const sd = loadDetector(d);
    return rate(
      five.bytes,
      medianMs(3, () => scanWindows(five.windows, sd)),
    );
  };
  ctx.log('scanText with 1k and 10k patterns, 5 MB');
  const scan1k = subsetRate(sub1k);
  const scan10k = subsetRate(sub10k);
  const scanAll5 = rate(
    five.bytes,
    medianMs(3, () => scanWindows(five.windows, det!)),
  );

  ctx.log('baseline: one RegExp per string, 1k and 10k strings, 1 MB (single run each)');
  const re1k = sub1k.text.map(regexFor);
  const re10k = sub10k.text.map(regexFor);
  let n1k = 0;
  let n10k = 0;
  const regex1kMs = timeMs(() => {
    n1k = countRegexMatches(one.text, re1k);
  });
  const regex10kMs = timeMs(() => {
    n10k = countRegexMatches(one.text, re10k);
  });
  const regex1k = rate(one.bytes, regex1kMs);
  const regex10k = rate(one.bytes, regex10kMs);
  const speedup = scan1 / regex10k;
  det = null;

  ctx.log('bounces: a ticket with one DSN of 100 recipients sharing 5.1.1 (findBounces + per-recipient matches)');
  const dsn = dsnTicket(100);
  const dsnMs = medianMs(5, () => addBounceMatches(dsn, [], findBounces(dsn)));

  rows.push(
    {
      key: 'bounce_dsn_100_ms',
      what: 'findBounces + addBounceMatches, a ticket with a 100-recipient DSN (all 5.1.1), median of 5',
      value: round(dsnMs),
      unit: 'ms',
    },
    {
      key: 'scan_mb_s',
      what: `scanText, all ${patterns.toLocaleString('en-US')} patterns, 20 MB ticket`,
      value: round(scan20),
      unit: 'MB/s',
      baseline: `regex ×10k: ${round(regex10k, 3)} MB/s (1 MB)`,
      goal: goalAtLeast(scan20, 100, 'MB/s'),
    },
    {
      key: 'scan_sliced_windows_mb_s',
      what: 'scanText, all patterns, 20 MB, the earlier measure: windows sliced from the ticket string, matches copied in the timed loop',
      value: round(scanSliced),
      unit: 'MB/s',
      baseline: `flat windows: ${round(scan20)} MB/s`,
    },
    {
      key: 'scan_1mb_windows_mb_s',
      what: 'scanText, all patterns, 20 MB in 1 MB windows instead of 32 KB',
      value: round(scanBig),
      unit: 'MB/s',
      baseline: `32 KB windows: ${round(scan20)} MB/s`,
    },
    {
      key: 'scan_1mb_mb_s',
      what: 'scanText, all patterns, 1 MB ticket',
      value: round(scan1),
      unit: 'MB/s',
      baseline: `regex ×1k: ${round(regex1k, 2)} MB/s`,
      goal: goalAtLeast(scan1, 100, 'MB/s'),
    },
    {
      key: 'scan_1k_patterns_mb_s',
      what: 'scanText, 1,000 patterns loaded, 5 MB',
      value: round(scan1k),
      unit: 'MB/s',
      baseline: `all patterns: ${round(scanAll5)} MB/s`,
    },
    {
      key: 'scan_10k_patterns_mb_s',
      what: 'scanText, 10,000 patterns loaded, 5 MB',
      value: round(scan10k),
      unit: 'MB/s',
      baseline: `all patterns: ${round(scanAll5)} MB/s`,
      goal: { text: 'flat in N: 10k within 25% of 1k', met: scan10k >= 0.75 * scan1k },
    },
    {
      key: 'scan_regex_1k_mb_s',
      what: 'baseline: 1,000 RegExps (/gi, \\s+), 1 MB',
      value: round(regex1k, 3),
      unit: 'MB/s',
    },
    {
      key: 'scan_regex_10k_mb_s',
      what: 'baseline: 10,000 RegExps (/gi, \\s+), 1 MB',
      value: round(regex10k, 3),
      unit: 'MB/s',
    },
    {
      key: 'scan_speedup_vs_regex_10k',
      what: 'scanText (all patterns) ÷ 10k RegExps, 1 MB',
      value: round(speedup, 0),
      unit: '×',
      goal: goalAtLeast(speedup, 100, '×'),
    },
    {
      key: 'detector_build_ms',
      what: `buildDetector from ${records.length.toLocaleString('en-US')} records`,
      value: round(detectorBuildMs, 0),
      unit: 'ms',
    },
    {
      key: 'detector_load_ms',
      what: 'detect.json: JSON.parse + loadDetector',
      value: round(loadMs, 1),
      unit: 'ms',
      baseline: `JSON.parse alone: ${round(parseMs, 1)} ms`,
    },
    {
      key: 'detector_heap_mb',
      what: 'loaded detector, heap + array buffers',
      value: heapMb === null ? null : round(heapMb, 1),
      unit: 'MB',
    },
  );
  notes.push(
    'MB = 10^6 bytes of ticket text. scanText is fed the way the extension feeds it: 32,768-character windows cut after a space, plus 2,048 characters of overlap, each a flat string as the message channel delivers it; only the scanText calls are timed (after a warm-up, the median of max(3, 20 / size in MB) runs: 20 for 1 MB, 4 for 5 MB, 3 for 20 MB). scan_sliced_windows_mb_s is the figure this bench reported before: windows sliced from the ticket string (V8 sliced strings, slower to read) and every match copied into ticket offsets inside the timed loop, work the background does not do.',
    `The RegExp baselines ran on the 1 MB ticket only (a single run each: ${round(regex1kMs, 0)} ms and ${round(regex10kMs, 0)} ms, ${n1k} and ${n10k} matches); 10k RegExps over 20 MB would take minutes. The speedup compares scanText with all ${patterns} patterns loaded against 10k RegExps, on the same 1 MB.`,
    "Subsets are a seeded shuffle of detect.json's patterns; the RegExps are built from the same subsets' texts (placeholders left literal).",
    'detector_build_ms is the faster of 2 runs; load is the median of 5.',
  );
  return {
    part: 'scan',
    title: 'Scanning (Node, src/core/match)',
    rows,
    notes,
    details: {
      patterns,
      perSize,
      buildTimesMs: buildTimes.map((x) => round(x)),
      regexMatches: { '1k': n1k, '10k': n10k },
    },
  };
}
