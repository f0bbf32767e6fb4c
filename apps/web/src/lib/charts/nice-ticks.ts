// Axis ticks people read at a glance: steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
// labels", Graphics Gems, 1990), and time ticks on whole hours or days.

/** The 1-2-5 step nearest to `rough`: 0.013 → 0.01, 0.4 → 0.5, 7 → 10. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** Removes binary noise (0.30000000000000004) from a multiple of a step. */
const clean = (value: number, step: number) => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
};

/**
 * Evenly spaced ticks covering [min, max] (and 0 when `withZero`), about `count` of them, on a 1-2-5 step: the
 * first and last tick are the axis's domain.
 */
export function niceTicks(min: number, max: number, count = 5, withZero = true): number[] {
  let lo = withZero ? Math.min(min, 0) : min;
  let hi = withZero ? Math.max(max, 0) : max;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0];
  if (lo === hi) {
    // A single value still gets an axis around it.
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 2; i++) ticks.push(clean(first + i * step, step));
  return ticks;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;
const TIME_STEPS = [
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
];

/**
 * A time axis over [from, to] (epoch ms): its domain, padded so a point at either end (or a single point) is
 * drawn whole rather than cut by the edge, and ticks on whole hours or whole days (UTC), about `count` of them.
 */
export function timeAxis(from: number, to: number, count = 6): { domain: [number, number]; ticks: number[] } {
  // A single evaluation sits in the middle of a three-day axis; a run of them gets 5% either side.
  const span = to - from;
  const pad = span === 0 ? DAY : Math.max(span * 0.05, MINUTE);
  const domain: [number, number] = [from - pad, to + pad];
  const step = TIME_STEPS.find((s) => (domain[1] - domain[0]) / s <= count + 1) ?? 56 * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(domain[0] / step) * step; t <= domain[1]; t += step) ticks.push(t);
  return { domain, ticks };
}

/** Whether a time axis's ticks fall on whole days, so its labels need no time of day. */
export const onWholeDays = (ticks: number[]) => ticks.every((t) => t % DAY === 0);

/**
 * Percent tick labels with as many decimals as the step needs (+20%, +2.5%), signed when `signed`: the same
 * number of decimals on every tick, none more than the step has.
 */
export function percentTicks(ticks: number[], signed = true) {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) * 100 : 1;
  const digits = String(+step.toFixed(6)).split('.')[1] ?? '';
  const decimals = Math.min(4, digits.length);
  const format = new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    ...(signed && { signDisplay: 'exceptZero' as const }),
  });
  return (value: number) => format.format(value);
}

/** [min, max] widened by `share` of its span each way, so the extreme points do not sit on the axis's edge. */
export function padded([min, max]: [number, number], share = 0.05): [number, number] {
  const pad = (max - min) * share || Math.abs(max) * share;
  return [min - pad, max + pad];
}
