// Public API of the statistics core: intervals, standardisation, change tests, progress, suppression and batches.
export {
  BATCH_METHODS,
  type BatchError,
  type BatchResult,
  type BatchValues,
  isBatchError,
  runBatch,
} from './batch.js';
export {
  excludesNoChange,
  newcombeDifferenceOfProportionsCi,
  rateRatioExactCi,
  type TwoSampleInput,
} from './change.js';
export { DEFAULT_CONFIDENCE, resolveConfidence, zValue } from './confidence.js';
export {
  CELL_PRIMARY,
  CELL_PUBLISHED,
  CELL_SECONDARY,
  type CubeDimension,
  type CubeSuppressionInput,
  type CubeSuppressionResult,
  suppressCube,
} from './cube-suppression.js';
export { betaQuantile, chiSquareQuantile, normalQuantile, tQuantile } from './distributions.js';
export {
  calculateDsr,
  calculateDsrNonindependent,
  DSR_MIN_TOTAL_COUNT,
  type DsrInput,
  type DsrNonIndependentInput,
  type DsrNonIndependentResult,
  type DsrResult,
} from './dsr.js';
export { ESP2013, ESP2013_AGEBANDS } from './esp2013.js';
export { type FunnelProportionInput, funnelProportionControlLimits } from './funnel.js';
export type { CiOptions, Estimate, Maybe, Overrides } from './inputs.js';
export {
  calculateIsRate,
  calculateIsRatio,
  type IsRateResult,
  type IsRatioInput,
  type IsRatioResult,
  type IsrInput,
} from './isr.js';
export { type LifeExpectancyInput, pheLifeExpectancy } from './life-expectancy.js';
export { type MeanInput, type MeanResult, pheMean } from './mean.js';
export {
  type DidFormula,
  type DidInput,
  type DidResult,
  didProportions,
  didRates,
} from './pilot-evaluation.js';
export {
  type Assessment,
  type CategoryRange,
  cagr,
  DEFAULT_PROGRESS_SETTINGS,
  type HeadlineKind,
  type MeasureKind,
  type Polarity,
  PROGRESS_METHOD,
  PROGRESS_METHOD_NAME,
  type ProgressExplanation,
  type ProgressInput,
  type ProgressObservation,
  type ProgressPoint,
  type ProgressResult,
  type ProgressSettings,
  type Projection,
  type ProjectionVerdict,
  progress,
  type Significance,
  type SignificanceMethod,
} from './progress.js';
export {
  HEADLINE_LABEL,
  type ProgressHeadline,
  progressHeadline,
  projectionSentence,
} from './progress-headline.js';
export {
  type MessageCode,
  type MessageParams,
  type ProgressMessage,
  type ProgressStatus,
  rangePhrase,
  STATUS_IN_SENTENCE,
  STATUS_TEXT,
} from './progress-messages.js';
export { parseProgressInput, progressInputSchema } from './progress-schema.js';
export {
  clopperPearsonProportionCi,
  type ProportionInput,
  pheProportion,
  wilsonProportionCi,
} from './proportion.js';
export {
  BYAR_MIN_COUNT,
  byarsCountCi,
  type CountInput,
  pheRate,
  poissonExactCountCi,
  type RateInput,
} from './rate.js';
export { StatsInputError } from './stats-input-error.js';
export {
  type CellInput,
  DEFAULT_SUPPRESSION_SETTINGS,
  type ProtectedCell,
  primarySuppression,
  type SuppressionReason,
  type SuppressionResult,
  type SuppressionSettings,
  type SuppressionWarning,
  suppressTable,
  type TableInput,
} from './suppression.js';
