/**
 * The Brier score in words: 0 is perfect, 0.25 is what saying "50%" for every test scores (Brier 1950), so the
 * words place the team's score between the two.
 */
export function brierWords(brier: number | null): string {
  if (brier === null) return 'No Brier score yet: no test has completed.';
  const score = `Brier score ${brier.toFixed(2)}`;
  if (brier < 0.1) return `${score}: the confidences are sharp and mostly right (0 is perfect).`;
  if (brier < 0.2) return `${score}: clearly better than saying 50% for every test (0.25), with room to improve.`;
  if (brier < 0.25) return `${score}: only a little better than saying 50% for every test (0.25).`;
  return `${score}: no better than saying 50% for every test (0.25); the confidences mislead more than they help.`;
}
