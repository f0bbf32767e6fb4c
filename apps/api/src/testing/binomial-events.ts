/**
 * Ingestion events of a binomial test: `units` exposed units per variant, the first `converted[variant]` of
 * them converting.
 */
export function binomialEvents(experiment: string, converted: Record<string, number>, units = 1000) {
  const events: { id: string; experiment: string; unit: string; type: string; variant?: string }[] = [];
  for (const [variant, conversions] of Object.entries(converted)) {
    for (let i = 0; i < units; i++) {
      const unit = `${variant}-${i}`;
      events.push({ id: `x-${unit}`, experiment, unit, type: 'exposure', variant });
      if (i < conversions) events.push({ id: `c-${unit}`, experiment, unit, type: 'conversion' });
    }
  }
  return events;
}
