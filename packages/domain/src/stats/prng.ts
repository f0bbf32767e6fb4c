/**
 * Seeded pseudo-random numbers for simulations (the engine itself is deterministic and takes none).
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2³², plenty for A/A checks.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Conversions among `users` units converting independently with probability p: an exact draw, unit by unit. */
export function drawConversions(random: () => number, users: number, p: number): number {
  let converted = 0;
  for (let i = 0; i < users; i++) if (random() < p) converted++;
  return converted;
}
