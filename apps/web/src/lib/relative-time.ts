const words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago `then` was, in the largest whole unit ("3 minutes ago"); under a minute reads "just now". */
export function formatAgo(then: Date | string, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - new Date(then).getTime());
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return words.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}
