/**
 * Builds tests/fixtures/tickets/ranking.json, the labelled tickets of issue 13, from the ticket
 * specs in label-tickets.specs.mjs: invented prose around messages quoted by archive articles, pasted the way agents
 * paste them (wrapped, indented, "> " quoted, case changed, values filled in, cut short).
 *
 * For every ticket it records the primary article and every article whose body quotes the
 * message, found by searching the whole unpacked corpus (letters and digits only, case folded), so the
 * labels do not depend on what the matcher finds.
 *
 *   node scripts/label-tickets.mjs [/tmp/corpus/kbarchive/kb]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KB = process.argv[2] ?? '/tmp/corpus/kbarchive/kb';
const OUT = 'tests/fixtures/tickets/ranking.json';

// kind: shared = quoted by several articles, the ticket's other words decide; single = quoted by
// one article (or one that names it); cited = a KB number in the ticket; negative = nothing to find.
// m: the message as the article prints it; fill: [article value, ticket value];
// t: how it is pasted (wrap, indent, quote, upper, lower, cutN = first N words, crlf, inline).
import { SPECS } from './label-tickets.specs.mjs';

/** Letters and digits only: an article's message wrapped, hyphenated or punctuated differently still matches. */
function bare(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function loadCorpus() {
  const docs = [];
  for (const nnn of readdirSync(KB)) {
    for (const q of readdirSync(join(KB, nnn))) {
      const raw = readFileSync(join(KB, nnn, q, 'README.md'), 'utf8');
      const body = raw
        .split('\n')
        .slice(7)
        .map((l) => l.replace(/^\t/, ''))
        .join(' ');
      docs.push([q, bare(body)]);
    }
  }
  return docs;
}

function wrap(s, width) {
  const out = [];
  let line = '';
  for (const w of s.split(/\s+/)) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

function paste(msg, t) {
  let s = msg;
  const cut = t.find((x) => x.startsWith('cut'));
  if (cut)
    s = s
      .split(/\s+/)
      .slice(0, Number(cut.slice(3)))
      .join(' ');
  if (t.includes('upper')) s = s.toUpperCase();
  if (t.includes('lower')) s = s.toLowerCase();
  let lines = t.includes('wrap') ? wrap(s, 44) : [s];
  if (t.includes('indent')) lines = lines.map((l) => `    ${l}`);
  if (t.includes('quote')) lines = lines.map((l) => `> ${l}`);
  return lines.join('\n');
}

/** The literal runs of an article's message, longest first: what to search the corpus for. */
function searchKeys(msg) {
  // "Event ID: 2125, Source: MSExchangeMTA" is the detector's form of an event table: the
  // articles print the two fields on separate lines, in several spellings.
  const ev = /^Event ID: (\d+), Source: (.+)$/.exec(msg);
  if (ev) {
    const id = new RegExp(`event(id|identifier)?${ev[1]}(?![0-9])`);
    const src = bare(ev[2]);
    return [(body) => id.test(body) && body.includes(src)];
  }
  const parts = msg
    .replace(/^"|"$/g, '')
    .split(/<[^>]*>|%\d|\bx{3,}\b/i)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
  return parts
    .sort((a, b) => b.length - a.length)
    .slice(0, 1)
    .map(bare)
    .map((k) => (body) => body.includes(k));
}

function main() {
  const docs = loadCorpus();
  const out = [];
  const seen = new Set();
  for (const s of SPECS) {
    if (seen.has(s.id)) throw new Error(`duplicate id ${s.id}`);
    seen.add(s.id);
    const t = (s.t ?? '').split(',').filter(Boolean);
    let text;
    let quoting = [];
    if (s.kind === 'negative' || s.kind === 'cited') {
      text = s.text;
    } else {
      const msg = s.m;
      if (!msg) throw new Error(`${s.id}: no message`);
      let filled = msg.replace(/^"(.*)"$/, '$1');
      for (const [a, b] of s.fill ?? []) filled = filled.split(a).join(b);
      const pasted = paste(filled, t);
      const sep = t.includes('inline') ? ' ' : '\n\n';
      text = [s.pre, pasted, s.post].filter(Boolean).join(sep);
      const keys = searchKeys(msg);
      for (const [q, body] of docs) if (keys.every((k) => k(body))) quoting.push(q);
      if (!quoting.includes(s.q))
        throw new Error(`${s.id}: ${s.q} does not quote ${JSON.stringify(msg)} (found ${quoting.join(' ')})`);
    }
    if (s.kind === 'cited') quoting = [s.q];
    if (t.includes('crlf')) text = text.replace(/\n/g, '\r\n');
    quoting.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    out.push({ id: s.id, kind: s.kind, text, primary: s.q ?? null, quoting, ...(s.note ? { note: s.note } : {}) });
  }
  const count = (k) => out.filter((o) => o.kind === k).length;
  const shared = out.filter((o) => o.kind !== 'negative' && o.quoting.length > 1).length;
  writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
  console.log(
    `${out.length} tickets: single ${count('single')}, shared ${count('shared')}, cited ${count('cited')}, negative ${count('negative')}; quoted by several articles: ${shared}`,
  );
}

main();
