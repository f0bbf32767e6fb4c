// The ingestion benchmarks' batch (bench/ingestion.ts, ingestion-scale.ts, ingestion-pg.ts): 900 exposures, and a
// conversion for every ninth exposed unit (100), 1,000 events of `experiment`, its units named `<name>-u<i>`.
export interface BenchEvent {
  id: string;
  experiment: string;
  unit: string;
  type: 'exposure' | 'conversion';
}

export function benchBatch(experiment: string, name: string): BenchEvent[] {
  const events: BenchEvent[] = [];
  for (let i = 0; i < 900; i++) {
    const unit = `${name}-u${i}`;
    events.push({ id: `x-${unit}`, experiment, unit, type: 'exposure' });
    if (i % 9 === 0) events.push({ id: `c-${unit}`, experiment, unit, type: 'conversion' });
  }
  return events;
}
