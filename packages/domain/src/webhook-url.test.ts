import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import type { WebhookTargetPolicy } from './webhook-target';
import { assertWebhookUrl } from './webhook-url';

const LOCAL_DEV: WebhookTargetPolicy = { allowPrivate: true };

const rejects = (raw: string, policy?: WebhookTargetPolicy) => {
  try {
    assertWebhookUrl(raw, policy);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe('url');
    return (error as DomainError).message;
  }
  throw new Error(`accepted ${raw}`);
};

describe('assertWebhookUrl', () => {
  it('accepts https anywhere public and returns it normalised', () => {
    expect(assertWebhookUrl('https://hooks.example.com/uplift')).toBe('https://hooks.example.com/uplift');
    expect(assertWebhookUrl('HTTPS://Hooks.Example.com')).toBe('https://hooks.example.com/');
    expect(assertWebhookUrl('https://8.8.8.8/hook')).toBe('https://8.8.8.8/hook');
    expect(assertWebhookUrl('https://[2606:4700:4700::1111]/hook')).toBe('https://[2606:4700:4700::1111]/hook');
  });

  it('refuses internal targets by default, whatever the notation, saying why', () => {
    const refused: [string, RegExp][] = [
      ['http://127.0.0.1:6379', /127\.0\.0\.1 is a loopback address/],
      ['http://[::1]:6379', /::1 is a loopback address/],
      ['http://2130706433:6379', /127\.0\.0\.1 is a loopback address/],
      ['http://0x7f.1:6379', /127\.0\.0\.1 is a loopback address/],
      ['http://0177.0.0.1/', /127\.0\.0\.1 is a loopback address/],
      ['https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata service/],
      ['https://[::ffff:a9fe:a9fe]/', /169\.254\.169\.254 is a cloud metadata service/],
      ['https://[::ffff:127.0.0.1]/', /127\.0\.0\.1 is a loopback address/],
      ['https://10.0.0.1/', /10\.0\.0\.1 is a private-network address/],
      ['https://192.168.0.1/', /192\.168\.0\.1 is a private-network address/],
      ['https://100.64.0.1/', /carrier-grade NAT/],
      ['https://169.254.1.1/', /link-local/],
      ['https://0.0.0.0/', /unspecified/],
      ['https://[fd00::1]/', /unique-local/],
      ['https://metadata.google.internal/', /metadata\.google\.internal is a cloud metadata service/],
      ['https://localhost/', /localhost is an internal host name/],
      ['https://LOCALHOST./', /localhost is an internal host name/],
      ['https://api.localhost/', /internal host name/],
      ['https://db.internal/', /internal host name/],
      ['https://redis:6379/', /redis is an internal host name/],
    ];
    for (const [url, why] of refused) {
      const message = rejects(url);
      expect(message, url).toMatch(/^must point at a public host: /);
      expect(message, url).toMatch(why);
    }
  });

  it('accepts loopback and private targets, over plain http too, only when private targets are allowed', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', '10.1.2.3', 'host.docker.internal']) {
      expect(assertWebhookUrl(`http://${host}:4000/hook`, LOCAL_DEV)).toBe(`http://${host}:4000/hook`);
      expect(rejects(`http://${host}:4000/hook`)).toMatch(/WEBHOOK_ALLOW_PRIVATE=true/);
    }
    expect(rejects('http://hooks.example.com/', LOCAL_DEV)).toMatch(/https:\/\//);
    expect(rejects('http://8.8.8.8/', LOCAL_DEV)).toMatch(/https:\/\//);
  });

  it('refuses metadata services and non-local special ranges even when private targets are allowed', () => {
    expect(rejects('https://169.254.169.254/', LOCAL_DEV)).toMatch(/metadata/);
    expect(rejects('https://[::ffff:a9fe:a9fe]/', LOCAL_DEV)).toMatch(/metadata/);
    expect(rejects('https://metadata.google.internal/', LOCAL_DEV)).toMatch(/metadata/);
    expect(rejects('https://169.254.1.1/', LOCAL_DEV)).toMatch(/link-local/);
    expect(rejects('https://224.0.0.1/', LOCAL_DEV)).toMatch(/multicast/);
  });

  it('refuses other schemes and what is not a URL', () => {
    expect(rejects('ftp://localhost/x')).toMatch(/https:\/\//);
    expect(rejects('ftp://hooks.example.com/x', LOCAL_DEV)).toMatch(/https:\/\//);
    expect(rejects('hooks.example.com')).toMatch(/full URL/);
    expect(rejects('')).toMatch(/full URL/);
  });
});
