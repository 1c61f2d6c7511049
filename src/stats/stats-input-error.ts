// The single error type of the statistics core: input that cannot describe real data, naming the offending field.

/**
 * Thrown for impossible input (x > n for a proportion, n ≤ 0, negative counts, confidence outside (0, 1], …).
 * Missing input is not an error: it yields null results. `field` names the input so callers can point at it.
 */
export class StatsInputError extends Error {
  override readonly name = 'StatsInputError';
  /** Stable code for the project's error catalogue. */
  readonly code = 'invalid_stats_input';
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
