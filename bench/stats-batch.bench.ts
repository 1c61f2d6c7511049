// Benchmark of the statistics batch calculator: 10,000 mixed, seeded requests; prints the median run time.
// Run with `npx tsx bench/stats-batch.bench.ts`.
import { performance } from 'node:perf_hooks';
import { ESP2013, isBatchError, runBatch } from '../src/stats/index.js';

const REQUESTS = 10_000;
const RUNS = 9;
const SEED = 20_240_611;

/** mulberry32: small, fast and deterministic, so every run measures the same batch. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function buildRequests(next: () => number): unknown[] {
  const int = (max: number) => Math.floor(next() * (max + 1));
  const confidence = () => (next() < 0.5 ? 0.95 : 0.998);
  const strata = () => ESP2013.map(() => 200 + int(5000));
  const makers: (() => unknown)[] = [
    () => {
      const n = 1 + int(10_000);
      return {
        method: 'phe_proportion',
        inputs: { x: int(n), n },
        confidence: confidence(),
        multiplier: 100,
      };
    },
    () => ({ method: 'phe_rate', inputs: { x: int(400), n: 1 + int(500_000) }, confidence: confidence() }),
    () => {
      const n = strata();
      return { method: 'calculate_dsr', inputs: { x: n.map(() => int(40)), n }, confidence: confidence() };
    },
    () => {
      const n = strata();
      const inputs = {
        x: n.map(() => int(30)),
        n,
        x_ref: n.map(() => int(3000)),
        n_ref: n.map(() => 60_000),
      };
      return { method: 'calculate_ISRatio', inputs, confidence: confidence() };
    },
    () => ({
      method: 'phe_mean',
      inputs: { values: Array.from({ length: 2 + int(30) }, next) },
      confidence: confidence(),
    }),
    () => {
      const [n1, n2] = [1 + int(2000), 1 + int(2000)];
      const inputs = { x1: int(n1), n1, x2: int(n2), n2 };
      return { method: 'newcombe_difference_of_proportions_ci', inputs, confidence: confidence() };
    },
    () => ({ method: 'byars_count_ci', inputs: { x: int(1000) }, confidence: confidence() }),
  ];
  return Array.from({ length: REQUESTS }, () => makers[int(makers.length - 1)]?.());
}

const requests = buildRequests(random(SEED));
const timings: number[] = [];
let errors = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const results = runBatch(requests);
  timings.push(performance.now() - start);
  errors = results.filter(isBatchError).length;
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? Number.NaN;
console.log(`stats batch: ${REQUESTS} mixed requests, ${RUNS} runs (seed ${SEED}), ${errors} errors per run`);
console.log(
  `median ${median.toFixed(1)} ms (${Math.round((REQUESTS / median) * 1000).toLocaleString('en-GB')} requests/s)`,
);
console.log(`min ${timings[0]?.toFixed(1)} ms, max ${timings.at(-1)?.toFixed(1)} ms`);
