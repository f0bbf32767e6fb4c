import { describe, expect, it } from 'vitest';
import { addressRefusal, hostRefusal } from './webhook-target';

const PUBLIC_ONLY = { allowPrivate: false };
const LOCAL_DEV = { allowPrivate: true };

describe('addressRefusal', () => {
  it('passes plain unicast addresses up to the edges of the non-public ranges', () => {
    const edges = ['9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0'];
    const more = [
      '100.63.255.255',
      '100.128.0.0',
      '126.255.255.255',
      '128.0.0.0',
      '169.253.255.255',
      '223.255.255.255',
    ];
    for (const address of [...edges, ...more, '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(addressRefusal(address, PUBLIC_ONLY), address).toBeNull();
    }
  });

  it('refuses every address of the local ranges by default and passes them when private targets are allowed', () => {
    const local = [
      '127.0.0.1',
      '127.255.255.255',
      '10.0.0.0',
      '10.255.255.255',
      '172.16.0.0',
      '172.31.255.255',
      '192.168.0.0',
      '192.168.255.255',
      '100.64.0.0',
      '100.127.255.255',
      '::1',
      'fc00::',
      'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:c0a8:1',
    ];
    for (const address of local) {
      expect(addressRefusal(address, PUBLIC_ONLY), address).toMatch(/WEBHOOK_ALLOW_PRIVATE=true/);
      expect(addressRefusal(address, LOCAL_DEV), address).toBeNull();
    }
  });

  it('refuses link-local, multicast, unspecified, broadcast, reserved and IPv4-in-IPv6 wrappers always', () => {
    const never: [string, RegExp][] = [
      ['169.254.0.0', /link-local/],
      ['169.254.255.255', /link-local/],
      ['fe80::1', /link-local/],
      ['224.0.0.0', /multicast/],
      ['239.255.255.255', /multicast/],
      ['ff02::1', /multicast/],
      ['0.0.0.0', /unspecified/],
      ['0.255.255.255', /unspecified/],
      ['::', /unspecified/],
      ['255.255.255.255', /broadcast/],
      ['240.0.0.1', /reserved/],
      ['192.0.2.1', /reserved/],
      ['::ffff:169.254.1.1', /169\.254\.1\.1 is a link-local/],
      ['64:ff9b::7f00:1', /rfc6052/],
      ['2002:7f00:1::', /6to4/],
      ['169.254.169.254', /metadata/],
      ['fd00:ec2::254', /metadata/],
      ['100.100.100.200', /metadata/],
    ];
    for (const [address, why] of never) {
      expect(addressRefusal(address, PUBLIC_ONLY), address).toMatch(why);
      expect(addressRefusal(address, LOCAL_DEV), address).toMatch(why);
      expect(addressRefusal(address, LOCAL_DEV), address).not.toMatch(/WEBHOOK_ALLOW_PRIVATE/);
    }
  });

  it('names what is not an address', () => {
    expect(addressRefusal('example.com', LOCAL_DEV)).toMatch(/not an IP address/);
  });
});

describe('hostRefusal', () => {
  it('passes public names and refuses internal ones unless private targets are allowed', () => {
    expect(hostRefusal('hooks.example.com', PUBLIC_ONLY)).toBeNull();
    expect(hostRefusal('internal.example.com', PUBLIC_ONLY)).toBeNull();
    for (const name of [
      'localhost',
      'a.localhost',
      'printer.local',
      'db.internal',
      'box.lan',
      'nas.home.arpa',
      'redis',
    ]) {
      expect(hostRefusal(name, PUBLIC_ONLY), name).toMatch(/internal host name/);
      expect(hostRefusal(name, LOCAL_DEV), name).toBeNull();
    }
  });

  it('refuses metadata host names always', () => {
    for (const name of ['metadata.google.internal', 'metadata', 'instance-data.ec2.internal']) {
      expect(hostRefusal(name, LOCAL_DEV), name).toMatch(/metadata/);
    }
  });
});
