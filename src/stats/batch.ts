// Batch calculator: runs many method requests (method and input names as in the reference vectors), each on its own.
import { z } from 'zod';
import { newcombeDifferenceOfProportionsCi, rateRatioExactCi } from './change.js';
import { calculateDsr, calculateDsrNonindependent } from './dsr.js';
import { funnelProportionControlLimits } from './funnel.js';
import { type CiOptions, isPresent } from './inputs.js';
import { calculateIsRate, calculateIsRatio } from './isr.js';
import { pheLifeExpectancy } from './life-expectancy.js';
import { pheMean } from './mean.js';
import { type DidResult, didProportions, didRates } from './pilot-evaluation.js';
import { clopperPearsonProportionCi, pheProportion, wilsonProportionCi } from './proportion.js';
import { byarsCountCi, pheRate, poissonExactCountCi } from './rate.js';
import { describeIssues } from './schema-errors.js';
import { StatsInputError } from './stats-input-error.js';

/** value, lowercl, uppercl and the method's extra outputs (total_count, observed, …); null where not defined. */
export type BatchValues = Readonly<Record<string, number | null>>;
export type BatchError = { error: string };
export type BatchResult = BatchValues | BatchError;

const maybeNumber = z.number().nullable().optional();
const numbers = z.array(z.number().nullable());
/** Descriptive labels carried by the reference vectors (area, age bands, group); accepted and not used. */
const label = z.string().optional();

const envelopeSchema = z.object({
  method: z.string(),
  inputs: z.unknown(),
  confidence: maybeNumber,
  multiplier: maybeNumber,
});

type Envelope = z.output<typeof envelopeSchema>;
type Runner = (request: Envelope) => BatchValues;

/** Numerator and denominator: the inputs of a proportion and of a rate alike. */
const ratioInputs = z.strictObject({ x: maybeNumber, n: maybeNumber });
const countInputs = z.strictObject({ x: maybeNumber });
const twoSampleInputs = z.strictObject({
  x1: maybeNumber,
  n1: maybeNumber,
  x2: maybeNumber,
  n2: maybeNumber,
});
const dsrInputs = z.strictObject({
  area: label,
  agebands: z.array(z.string()).optional(),
  x: numbers,
  n: numbers,
  stdpop: z.array(z.number()).nullable().optional(),
});
const dsrNonIndependentInputs = z.strictObject({
  area: label,
  agebands: z.array(z.string()).optional(),
  n: numbers,
  stdpop: z.array(z.number()).nullable().optional(),
  persons_by_event_frequency: z.record(z.string(), numbers),
});
const isrInputs = z.strictObject({ area: label, x: numbers, n: numbers, x_ref: numbers, n_ref: numbers });
const isRatioInputs = isrInputs.extend({ refvalue: maybeNumber });
const meanInputs = z.strictObject({ group: label, values: numbers });
const funnelInputs = z.strictObject({
  population: maybeNumber,
  average_proportion: maybeNumber,
  average_proportion_derivation: label,
});
const lifeExpectancyInputs = z.strictObject({
  area: label,
  startage: z.array(z.number()),
  pops: numbers,
  deaths: numbers,
  le_age: maybeNumber,
});

const unitPairs = z.array(z.tuple([z.number(), z.number()]));
const didInputs = z.strictObject({
  x_i0: maybeNumber,
  n_i0: maybeNumber,
  x_i1: maybeNumber,
  n_i1: maybeNumber,
  x_c0: maybeNumber,
  n_c0: maybeNumber,
  x_c1: maybeNumber,
  n_c1: maybeNumber,
  paired: z.boolean().optional(),
  units_i: unitPairs.optional(),
  units_c: unitPairs.optional(),
});

/** A pilot evaluation as batch values: the estimate, significance (1/0) and the conservative range if weak. */
function didValues(result: DidResult): BatchValues {
  const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
  return {
    value: result.value,
    lowercl: result.lowercl,
    uppercl: result.uppercl,
    significant: flag(result.significant),
    weak_approximation: flag(result.weakApproximation),
    conservative_lowercl: result.conservative?.lowercl ?? null,
    conservative_uppercl: result.conservative?.uppercl ?? null,
  };
}

/**
 * Binds an input schema to a calculation. Methods without a multiplier (ratios use refvalue, means and life
 * expectancy have none) reject one rather than silently ignoring it.
 */
function method<S extends z.ZodType>(
  schema: S,
  calculate: (inputs: z.output<S>, options: CiOptions) => BatchValues,
  usesMultiplier = true,
): Runner {
  return (request) => {
    if (!usesMultiplier && isPresent(request.multiplier)) {
      throw new StatsInputError('multiplier', 'does not apply to this method');
    }
    return calculate(schema.parse(request.inputs), {
      confidence: request.confidence,
      multiplier: request.multiplier,
    });
  };
}

const METHODS: Readonly<Record<string, Runner>> = {
  phe_proportion: method(ratioInputs, pheProportion),
  wilson_proportion_ci: method(ratioInputs, wilsonProportionCi),
  clopper_pearson_proportion_ci: method(ratioInputs, clopperPearsonProportionCi),
  phe_rate: method(ratioInputs, pheRate),
  byars_count_ci: method(countInputs, byarsCountCi),
  poisson_exact_count_ci: method(countInputs, poissonExactCountCi),
  calculate_dsr: method(dsrInputs, calculateDsr),
  calculate_dsr_nonindependent: method(dsrNonIndependentInputs, calculateDsrNonindependent),
  calculate_ISRatio: method(isRatioInputs, calculateIsRatio, false),
  calculate_ISRate: method(isrInputs, calculateIsRate),
  phe_mean: method(meanInputs, pheMean, false),
  funnel_proportion_control_limits: method(funnelInputs, funnelProportionControlLimits),
  newcombe_difference_of_proportions_ci: method(twoSampleInputs, newcombeDifferenceOfProportionsCi),
  rate_ratio_exact_ci: method(twoSampleInputs, rateRatioExactCi, false),
  phe_life_expectancy: method(lifeExpectancyInputs, pheLifeExpectancy, false),
  did_proportions: method(didInputs, (inputs, options) => didValues(didProportions(inputs, options))),
  did_rates: method(didInputs, (inputs, options) => didValues(didRates(inputs, options)), false),
};

/** The method names runBatch understands. */
export const BATCH_METHODS: readonly string[] = Object.freeze(Object.keys(METHODS));

function runOne(request: unknown): BatchResult {
  const envelope = envelopeSchema.safeParse(request);
  if (!envelope.success) return { error: describeIssues(envelope.error) };
  const run = Object.hasOwn(METHODS, envelope.data.method) ? METHODS[envelope.data.method] : undefined;
  if (run === undefined) {
    return { error: `method: unknown method "${envelope.data.method}" (known: ${BATCH_METHODS.join(', ')})` };
  }
  try {
    return run(envelope.data);
  } catch (error) {
    if (error instanceof z.ZodError) return { error: describeIssues(error, ['inputs']) };
    if (error instanceof StatsInputError) return { error: error.message };
    // A bug in one calculation must not take the rest of the batch down with it.
    return { error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Runs each request `{ method, inputs, confidence, multiplier }` and returns one result per request, in order:
 * the method's outputs, or `{ error }` for that request alone.
 */
export function runBatch(requests: readonly unknown[]): BatchResult[] {
  return requests.map(runOne);
}

export function isBatchError(result: BatchResult): result is BatchError {
  return typeof result.error === 'string';
}
