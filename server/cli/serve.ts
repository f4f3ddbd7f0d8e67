// The HTTP server `npm start` and `npm run dev` run: Next's request handler behind a plain
// Node server, so that each request carries the connection's real address (see
// server/auth/client-address.ts). Everything else is Next's own.
import { createServer } from 'node:http';
import next from 'next';
import { markPeerStamping, stampPeer } from '../auth/client-address';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);

markPeerStamping();
const app = next({ dev, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => {
  stampPeer(req);
  void handle(req, res);
}).listen(port);
