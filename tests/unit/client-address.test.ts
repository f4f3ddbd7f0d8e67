import { describe, expect, it } from 'vitest';
import { clientAddress, peerHeader, stampPeer } from '../../server/auth/client-address';

describe('the client address rate limits count against', () => {
  it('is the connection’s own address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '1.2.3.4', 0)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:198.51.100.7', undefined, 0)).toBe('198.51.100.7');
  });

  it('is the N-th address from the right behind N trusted proxies', () => {
    // client forges 6.6.6.6; the proxy appends the address it saw (203.0.113.5) and connects from 10.0.0.2
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.3', '6.6.6.6, 203.0.113.5, 10.0.0.2', 2)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', '', 1)).toBe('10.0.0.2');
  });

  it('reads trusted proxies even where the connection is not known, and is unknown otherwise', () => {
    expect(clientAddress(undefined, '6.6.6.6, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddress(undefined, '6.6.6.6', 0)).toBe('unknown');
  });

  it('comes from a header the server overwrites on every request', () => {
    const req = { headers: { [peerHeader]: '6.6.6.6', host: 'x' } as Record<string, string>, socket: { remoteAddress: '198.51.100.9' } };
    stampPeer(req as never);
    expect(req.headers[peerHeader]).toBe('198.51.100.9');
  });
});
