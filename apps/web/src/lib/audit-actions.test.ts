import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABEL, actionLabel, actorLabel } from './audit-actions';

/** Every action code the services pass to recordAudit, read from their source. */
function recordedActions() {
  const root = join(import.meta.dirname, '../../../../packages/services/src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.includes('.test.')) files.push(path);
    }
  };
  walk(root);
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit')) continue;
    for (const match of text.matchAll(/action: ([^\n]+)/g))
      for (const code of match[1]!.matchAll(/'([a-zA-Z]+\.[a-zA-Z.+]+)'/g)) codes.add(code[1]!);
  }
  return [...codes];
}

describe('actionLabel', () => {
  it('has a human label for every action code the services record', () => {
    const codes = recordedActions();
    expect(codes).toContain('offer.promote');
    expect(codes.length).toBeGreaterThan(30);
    const missing = codes.filter((c) => !ACTION_LABEL[c] && c !== 'hypothesis.status' && c !== 'hypothesis.transition');
    expect(missing).toEqual([]);
  });
  it('reads a status change as what happened', () => {
    expect(actionLabel('hypothesis.status', { status: 'APPROVED' })).toBe('Approved');
    expect(actionLabel('hypothesis.transition', { status: 'WON' })).toBe('Won');
    expect(actionLabel('hypothesis.status', null)).toBe('Status changed');
  });
  it('never shows a raw code, even for one it does not know', () => {
    expect(actionLabel('offer.promote', null)).toBe('Promoted to the next channel');
    expect(actionLabel('offer.retestOnRung', null)).toBe('Offer retest on rung');
  });
});

describe('actorLabel', () => {
  it('names the worker when no person acted', () => {
    expect(actorLabel(null)).toBe('Uplift (automatic)');
    expect(actorLabel('ann@example.com')).toBe('ann@example.com');
  });
});
