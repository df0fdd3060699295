/**
 * Statistics for summaries across replications: pure functions, one per file, each naming its
 * method. Every summary skips non-finite values and counts only finite ones.
 */
export { countFinite } from './count-finite.js';
export { logGamma } from './log-gamma.js';
export { mean } from './mean.js';
export { meanConfidenceInterval, type MeanConfidenceInterval } from './mean-confidence-interval.js';
export { unitMeanConfidenceInterval } from './unit-mean-confidence-interval.js';
export { wilsonInterval, indicatorInterval, type ProportionInterval, type IndicatorInterval } from './wilson-interval.js';
export { normalCdf } from './normal-cdf.js';
export { normalQuantile } from './normal-quantile.js';
export { quantileSorted } from './quantile-sorted.js';
export { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';
export { standardDeviation } from './standard-deviation.js';
export { studentTCdf } from './student-t-cdf.js';
export { tQuantile } from './t-quantile.js';
export { pairedDifferences, type PairedDifferences } from './paired-differences.js';
export { pairedDifference, type PairedDifference } from './paired-difference.js';
export { wilcoxonSignedRank, signedRankDistribution, type WilcoxonResult, type WilcoxonOptions } from './wilcoxon.js';
export { signFlipTest, type SignFlipResult, type SignFlipOptions } from './sign-flip.js';
export {
  morrisDesign,
  morrisCost,
  scaleDesign,
  elementaryEffects,
  type MorrisDesign,
  type MorrisDesignOptions,
  type MorrisResult,
  type FactorRange,
} from './morris.js';
export { sobolSequence, sobolDirections, SOBOL_MAX_DIMENSIONS, type SobolSequenceOptions } from './sobol-sequence.js';
export {
  saltelliDesign,
  saltelliCost,
  saltelliRole,
  sobolIndices,
  isPowerOfTwo,
  type SaltelliDesign,
  type SaltelliDesignOptions,
  type SaltelliRole,
  type SobolIndex,
  type SobolIndices,
  type SobolIndicesOptions,
} from './saltelli.js';
export {
  hypothesisVerdict,
  exceedsSmallestEffect,
  isDecided,
  type HypothesisVerdict,
  type ExpectedDirection,
  type DifferenceInterval,
} from './verdict.js';
