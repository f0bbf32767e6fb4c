import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { assertWebhookUrl } from './webhook-url';

const rejects = (raw: string) => {
  try {
    assertWebhookUrl(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe('url');
    return (error as DomainError).message;
  }
  throw new Error(`accepted ${raw}`);
};

describe('assertWebhookUrl', () => {
  it('accepts https anywhere and returns it normalised', () => {
    expect(assertWebhookUrl('https://hooks.example.com/uplift')).toBe('https://hooks.example.com/uplift');
    expect(assertWebhookUrl('HTTPS://Hooks.Example.com')).toBe('https://hooks.example.com/');
  });

  it('accepts plain http only for the loopback hosts', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      expect(assertWebhookUrl(`http://${host}:4000/hook`)).toBe(`http://${host}:4000/hook`);
    }
    expect(rejects('http://hooks.example.com/')).toMatch(/https:\/\//);
    expect(rejects('http://127.0.0.2/')).toMatch(/https:\/\//);
  });

  it('refuses other schemes and what is not a URL', () => {
    expect(rejects('ftp://localhost/x')).toMatch(/https:\/\//);
    expect(rejects('hooks.example.com')).toMatch(/full URL/);
    expect(rejects('')).toMatch(/full URL/);
  });
});
