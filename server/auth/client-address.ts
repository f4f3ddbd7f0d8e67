import type { IncomingMessage } from 'node:http';

/**
 * Route handlers cannot see the connection, and Next fills X-Forwarded-For from the socket only
 * when the client sent none, so a forged header would pass as the client's address. The app's
 * own server (server/cli/serve.ts) therefore writes the socket address into this header on
 * every request, replacing whatever came in, and marks the process so that the header is
 * trusted only where that server runs.
 */
export const peerHeader = 'x-onewindow-peer';
const stampedMark = 'ONEWINDOW_PEER_STAMPED';

export function markPeerStamping(): void {
  process.env[stampedMark] = '1';
}

export function peerStamped(): boolean {
  return process.env[stampedMark] === '1';
}

/** Overwrites the peer header with the connection's own address. */
export function stampPeer(req: Pick<IncomingMessage, 'headers' | 'socket'>): void {
  delete req.headers[peerHeader];
  const address = req.socket.remoteAddress;
  if (address) req.headers[peerHeader] = address;
}

const normalize = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/**
 * The client's address: the peer (the connection) when no proxy is trusted, else the address
 * the farthest trusted proxy saw, `hops` from the right of X-Forwarded-For with the peer
 * appended. Without a known peer and without trusted proxies it is unknown: every such
 * request then shares one budget, which is safe, not generous.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const chain = (forwardedFor ?? '').split(',').map(normalize).filter(Boolean);
  if (peer) chain.push(normalize(peer));
  else if (hops === 0) return 'unknown';
  else hops -= 1; // the peer would have been the last entry
  if (chain.length === 0) return 'unknown';
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
