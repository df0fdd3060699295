/**
 * The transcendental functions the engine and the statistics use, computed in JavaScript so
 * that they give the same bits everywhere. `Math.exp`, `Math.log`, `Math.pow`, `Math.sin`, …
 * are left to each JavaScript engine to approximate, and they do differ: Chromium's and
 * Node's V8 disagree in the last bit for about one argument in ten, which made the explorer's
 * curves (simulated in the browser) differ from `copsim run`'s. Arithmetic and `Math.sqrt` are
 * correctly rounded by IEEE 754 and need no such care.
 *
 * The implementations are stdlib's ports of FreeBSD's msun (fdlibm): `exp`, `log`, `log1p`,
 * `log2` and `tan` give exactly Node's bits; `pow`, `sin` and `cos` may differ from Node's
 * built-ins in the last bit, and are the same in every JavaScript engine.
 */
import stdlibCos from '@stdlib/math-base-special-cos';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import stdlibLog2 from '@stdlib/math-base-special-log2';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibSin from '@stdlib/math-base-special-sin';
import stdlibTan from '@stdlib/math-base-special-tan';

/** e^x, the same bits in every JavaScript engine. @example exp(1) // → 2.718281828459045 */
export const exp: (x: number) => number = stdlibExp;
/** The natural logarithm, the same bits in every JavaScript engine. @example log(Math.E) // → 1 */
export const log: (x: number) => number = stdlibLn;
/** ln(1 + x), accurate for small x, the same bits in every JavaScript engine. @example log1p(0) // → 0 */
export const log1p: (x: number) => number = stdlibLog1p;
/** The base-2 logarithm, the same bits in every JavaScript engine. @example log2(8) // → 3 */
export const log2: (x: number) => number = stdlibLog2;
/** x^y, the same bits in every JavaScript engine. @example pow(2, 0.5) // → 1.4142135623730951 */
export const pow: (x: number, y: number) => number = stdlibPow;
/** The sine, the same bits in every JavaScript engine. @example sin(0) // → 0 */
export const sin: (x: number) => number = stdlibSin;
/** The cosine, the same bits in every JavaScript engine. @example cos(0) // → 1 */
export const cos: (x: number) => number = stdlibCos;
/** The tangent, the same bits in every JavaScript engine. @example tan(0) // → 0 */
export const tan: (x: number) => number = stdlibTan;
