/**
 * The validation's design points are the model's declared domain, defined once in
 * research/domain.ts (shipped with the package, since `copsim hypotheses --contexts` reads
 * it too).
 */
export * from '../research/domain.js';
