import fs from 'node:fs';
import net from 'node:net';

/**
 * A TCP relay between the app and PostgreSQL that counts round trips: the times a connection
 * waited on the database with nothing more to send. Each request the client sends ends with a
 * Sync ('S') or is a simple Query ('Q'), and the server answers each with ReadyForQuery ('Z');
 * a round trip ends when the last request in flight is answered. A simple query is one; an
 * unprepared statement with parameters is two (describe, then execute); a prepared one is one;
 * statements sent together (pipelined) share one.
 */
export async function roundTripCounter(databaseUrl: string): Promise<{ url: string; roundTrips(): number; close(): Promise<void> }> {
  const target = new URL(databaseUrl);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let inFlight = 0;
    client.on('data', scanMessages(true, (type) => (type === 0x53 || type === 0x51) && inFlight++));
    client.pipe(upstream);
    upstream.on(
      'data',
      scanMessages(false, (type) => {
        if (type !== 0x5a) return;
        inFlight = Math.max(0, inFlight - 1);
        if (inFlight === 0) count++;
      }),
    );
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });

  // Messages are a type byte and a length (which counts itself), except the client's first
  // (startup), which has no type byte; chunks split messages anywhere.
  function scanMessages(fromClient: boolean, onMessage: (type: number) => void) {
    let pending: Buffer = Buffer.alloc(0);
    let started = !fromClient;
    return (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      if (!started) {
        if (pending.length < 4) return;
        const length = pending.readUInt32BE(0);
        if (pending.length < length) return;
        at = length;
        started = true;
      }
      while (pending.length - at >= 5) {
        const length = pending.readUInt32BE(at + 1);
        if (pending.length - at < 1 + length) break;
        onMessage(pending[at]!);
        at += 1 + length;
      }
      pending = pending.subarray(at);
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(databaseUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    roundTrips: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU time (user + system) spent so far by every process of a process group, in milliseconds. */
export function groupCpuMs(groupId: number): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command name (which may hold spaces) in parentheses: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== groupId) continue; // pgrp
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return (ticks * 1000) / ticksPerSecond;
}
