// Where an import's time goes: each stage's seconds, summed over the rows as they stream (read: tokenising the
// file as it is read; validate: parsing cells and building rows; aggregate: summing derived data; write: duplicate
// look-ups and bulk inserts; finish: the file's re-check, the batch's record, derived data of other batches and the
// commit). `maaltal import --timings` prints them; bench/import.bench.ts reports their shares.
import { performance } from 'node:perf_hooks';

export const STAGES = ['hash', 'read', 'validate', 'aggregate', 'write', 'finish'] as const;
export type Stage = (typeof STAGES)[number];

export class StageClock {
  private readonly seconds = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]));
  private last = performance.now();

  /** Starts timing from now (what came before belongs to no stage). */
  start(): void {
    this.last = performance.now();
  }

  /** Books the time since the last mark to `stage`. */
  mark(stage: Stage): void {
    const now = performance.now();
    this.seconds.set(stage, (this.seconds.get(stage) ?? 0) + (now - this.last) / 1000);
    this.last = now;
  }

  /** Takes these stages' times from another clock (a worker's, whose stages ran beside this thread's). */
  replace(times: Record<Stage, number>, stages: readonly Stage[]): void {
    for (const stage of stages) this.seconds.set(stage, times[stage]);
  }

  totals(): Record<Stage, number> {
    return Object.fromEntries(STAGES.map((stage) => [stage, this.seconds.get(stage) ?? 0])) as Record<
      Stage,
      number
    >;
  }
}

/** One line: each stage's seconds and share, e.g. "read 4.1 s (23 %), validate …". */
export function describeTimings(timings: Record<Stage, number>): string {
  const total = STAGES.reduce((sum, stage) => sum + timings[stage], 0);
  return STAGES.map(
    (stage) =>
      `${stage} ${timings[stage].toFixed(2)} s (${total > 0 ? Math.round((timings[stage] / total) * 100) : 0} %)`,
  ).join(', ');
}
