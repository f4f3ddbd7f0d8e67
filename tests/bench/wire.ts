import fs from 'node:fs';
import net from 'node:net';

/**
 * A TCP relay between the app and PostgreSQL that counts round trips: every exchange of the
 * wire protocol ends with the server's ReadyForQuery ('Z') message, so the number of those
 * messages is the number of times a connection waited on the database. A simple query is one;
 * an unprepared statement with parameters is two (describe, then execute); a prepared one is one.
 */
export async function roundTripCounter(databaseUrl: string): Promise<{ url: string; roundTrips(): number; close(): Promise<void> }> {
  const target = new URL(databaseUrl);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', countMessages());
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

  // Server messages are a type byte and a length (which counts itself); chunks split them anywhere.
  function countMessages() {
    let pending: Buffer = Buffer.alloc(0);
    return (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      while (pending.length - at >= 5) {
        const length = pending.readUInt32BE(at + 1);
        if (pending.length - at < 1 + length) break;
        if (pending[at] === 0x5a) count++;
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
