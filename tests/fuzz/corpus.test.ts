/**
 * The whole archive and 10,000 mutations of it through the article parser: nothing throws.
 * Skipped where the corpus is absent (../shared/corpus), saying so.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { parseArticle } from '../../src/core/article/parse-article';
import { readCorpus } from '../../src/cli/corpus/read-corpus';
import { REAL_CORPUS } from '../helpers/corpus';
import { mutate, SEED } from './arbitraries';
// The bench's seeded generator (mulberry32): the same mutations on every run.
import { rng } from '../../bench/stats';

const MUTANTS = 10_000;

describe.skipIf(!existsSync(REAL_CORPUS))(
  'the real archive through the parser (skipped: no corpus at ../shared/corpus)',
  () => {
    it('parses all 60,335 articles and 10,000 mutated ones without an exception', async () => {
      const rnd = rng(SEED);
      const enc = new TextEncoder();
      const dec = new TextDecoder();
      const started = performance.now();
      let articles = 0;
      let ok = 0;
      let mutants = 0;
      for await (const file of readCorpus(REAL_CORPUS)) {
        if (file.text === undefined) continue;
        articles++;
        if (parseArticle(file.text, file.path).ok) ok++;
        // Every sixth article, mutated: flips, cuts, duplications and truncations of its bytes.
        if (articles % 6 === 0 && mutants < MUTANTS) {
          const n = 1 + Math.floor(rnd() * 5);
          const ops = Array.from({ length: n }, () => {
            const at = Math.floor(rnd() * 1e9);
            const kind = Math.floor(rnd() * 4);
            return kind === 0
              ? { op: 'flip' as const, at, value: Math.floor(rnd() * 256) }
              : kind === 1
                ? { op: 'cut' as const, at, length: 1 + Math.floor(rnd() * 200) }
                : kind === 2
                  ? { op: 'dup' as const, at, length: 1 + Math.floor(rnd() * 2000) }
                  : { op: 'truncate' as const, at };
          });
          const result = parseArticle(dec.decode(mutate(enc.encode(file.text), ops)), file.path);
          expect(typeof result.ok).toBe('boolean');
          mutants++;
        }
      }
      console.info(
        `corpus fuzz: ${articles} articles (${ok} parsed), ${mutants} mutants, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(articles).toBe(60_335);
      expect(mutants).toBe(MUTANTS);
      // A whole-corpus pass: 54 s on a quiet CI run, against the suite's 60 s default.
    }, 300_000);
  },
);
