/**
 * Text widths for laying out charts in Node, where Vega has no canvas to measure text with.
 *
 * Without a canvas Vega estimates every character at 0.8 em, about 40% wider than the DejaVu
 * Sans the PNGs are drawn in (`PNG_FONT_FAMILY`). Titles, subtitles and legends then claim
 * far more room than they take, and an SVG or PNG is laid out wider than what it shows, its
 * right part blank. `dejaVuTextWidth` gives widths from DejaVu Sans' own advance widths, so
 * the layout fits the drawing.
 */

/** The characters of `EXTRA_CHARS`, beyond printable ASCII, with known widths. */
const EXTRA_CHARS = '–—−·…→←×±≤≥°μσΔ’‘“”²³½€£§äöüÄÖÜßéèêáàçñ√∞≈';

/**
 * Advance widths in thousandths of an em of DejaVu Sans (regular and bold), read from the
 * fonts' `hmtx` tables: printable ASCII (U+0020 to U+007E) in code order, then `EXTRA_CHARS`.
 */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
  603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
  634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
  // EXTRA_CHARS
  500, 1000, 838, 318, 1000, 838, 838, 838, 838, 838, 838, 500, 636, 634, 684, 318, 318, 518, 518, 401, 401, 969, 636, 636,
  500, 613, 612, 634, 684, 787, 732, 630, 615, 615, 615, 613, 613, 550, 634, 637, 833, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
  733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
  712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
  // EXTRA_CHARS
  500, 1000, 838, 380, 1000, 838, 838, 838, 838, 838, 838, 500, 736, 779, 774, 380, 380, 657, 657, 438, 438, 1035, 696, 696,
  500, 675, 687, 712, 774, 850, 812, 719, 678, 678, 678, 675, 675, 593, 712, 667, 833, 838,
];

const INDEX = new Map<string, number>([
  ...Array.from({ length: 95 }, (_, i): [string, number] => [String.fromCharCode(32 + i), i]),
  ...[...EXTRA_CHARS].map((ch, i): [string, number] => [ch, 95 + i]),
]);

/** Width of a character not in the tables: a wide letter's, so that text is not underestimated. */
const UNKNOWN = 800;

/** Margin added to every width: antialiasing and kerning differences must not clip text. */
const SLACK = 1.03;

/**
 * The width in pixels of `text` set in DejaVu Sans at `fontSize` pixels, bold when `bold`.
 *
 * @example Math.round(textWidth('Week', 12)) // → 30
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    em += i === undefined ? UNKNOWN : (table[i] as number);
  }
  return (em / 1000) * fontSize * SLACK;
}

/** The parts of a Vega scenegraph text item a width depends on. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * A `textMetrics.width` for vega-scenegraph: the width of `text` as `item` sets it (size and
 * weight; Vega's default size is 11). Vega calls it for every label, title and legend entry
 * it lays out when it has no canvas.
 */
export function dejaVuTextWidth(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
  const width = textWidth(line, item.fontSize ?? 11, bold);
  // Vega truncates text longer than its limit (with an ellipsis) to at most the limit.
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
