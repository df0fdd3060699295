#!/usr/bin/env node
// Writes src/stats/sobol-directions.ts from a direction-number file in Joe & Kuo's format
// (a header line, then "d s a m_1 … m_s" per dimension, from dimension 2), keeping the first
// DIMENSIONS dimensions. Usage: node scripts/sobol-directions.mjs new-joe-kuo-6.21201 [DIMENSIONS]
import { readFileSync, writeFileSync } from 'node:fs';

const [file, count = '1111'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node scripts/sobol-directions.mjs new-joe-kuo-6.21201 [DIMENSIONS]');
  process.exit(2);
}
const dimensions = Number(count);
const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/).map(Number));
const kept = rows.slice(0, dimensions - 1);
kept.forEach((row, i) => {
  const [d, s, , ...m] = row;
  if (d !== i + 2 || m.length !== s || m.some((v, k) => v % 2 !== 1 || v >= 2 ** (k + 1))) {
    throw new Error(`${file}: line for dimension ${i + 2} is not "d s a m_1 … m_s" with odd m_k < 2^k`);
  }
});
const text = `/**
 * Direction numbers of the Sobol sequence: the first ${dimensions} dimensions of the table
 * new-joe-kuo-6.21201 of Joe & Kuo (2008), every primitive polynomial up to degree
 * ${kept.at(-1)[1]}, for the generator in sobol-sequence.ts. Dimension 1 is not in the table (it is the van der
 * Corput sequence, every m = 1). Each line is "d s a m_1 … m_s": dimension d, degree s of its
 * primitive polynomial, the polynomial's inner coefficients a as a binary number, and the
 * initial direction numbers m_k (odd, below 2^k).
 *
 * Written by scripts/sobol-directions.mjs from the published table (this copy was read from
 * the one SciPy ships for scipy.stats.qmc.Sobol, which is new-joe-kuo-6.21201); do not edit
 * by hand.
 *
 * Source: S. Joe and F. Y. Kuo, Constructing Sobol sequences with better two-dimensional
 * projections, SIAM J. Sci. Comput. 30, 2635–2654 (2008); table new-joe-kuo-6.21201, published
 * by F. Y. Kuo (University of New South Wales) under this licence:
 *
 * Copyright (c) 2008, Frances Y. Kuo and Stephen Joe
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without modification, are
 * permitted provided that the following conditions are met:
 *
 *   * Redistributions of source code must retain the above copyright notice, this list of
 *     conditions and the following disclaimer.
 *   * Redistributions in binary form must reproduce the above copyright notice, this list of
 *     conditions and the following disclaimer in the documentation and/or other materials
 *     provided with the distribution.
 *   * Neither the names of the copyright holders nor the names of the University of New South
 *     Wales and the University of Waikato and its contributors may be used to endorse or
 *     promote products derived from this software without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS "AS IS" AND ANY EXPRESS OR IMPLIED
 * WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
 * FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDERS BE
 * LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
 * DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY,
 * WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN
 * ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** Dimensions the table covers, dimension 1 included. */
export const SOBOL_MAX_DIMENSIONS = ${dimensions};

/** The table, one line per dimension from 2 to ${dimensions}: "d s a m_1 … m_s". */
export const JOE_KUO_DIRECTIONS = \`
${kept.map((row) => row.join(' ')).join('\n')}
\`;
`;
writeFileSync(new URL('../src/stats/sobol-directions.ts', import.meta.url), text);
console.log(`src/stats/sobol-directions.ts: ${dimensions} dimensions`);
