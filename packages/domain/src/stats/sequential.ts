/**
 * Half-width of the asymptotic always-valid confidence sequence (Waudby-Smith et al. 2021,
 * "Time-uniform central limit theory", asymptotic CS; as in GrowthBook's sequential testing docs):
 *   ρ = √((−2·ln α + ln(−2·ln α + 1)) / N*),
 *   hw = se·√n·√( 2(nρ²+1)/(n²ρ²) · ln(√(nρ²+1)/α) ),  n = nA + nB.
 * `tuning` is N*, the total sample size at which the sequence is tightest; peeking at any n keeps the
 * chance that the sequence ever excludes the truth ≤ α.
 */
export function sequentialHalfWidth(se: number, n: number, alpha: number, tuning: number): number {
  const logAlpha = -2 * Math.log(alpha);
  const rho2 = (logAlpha + Math.log(logAlpha + 1)) / tuning;
  const nrho2 = n * rho2 + 1;
  return se * Math.sqrt(n) * Math.sqrt(((2 * nrho2) / (n * n * rho2)) * Math.log(Math.sqrt(nrho2) / alpha));
}
