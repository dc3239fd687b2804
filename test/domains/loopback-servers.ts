// Real servers on 127.0.0.1 for the lookup tests: a port-43 WHOIS server (one query line, one
// answer, then close, as RFC 3912 says) and an RDAP HTTP server. Both count what they were asked.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type WhoisReply = string | { data: string; delayMs?: number; chunks?: Buffer[] } | 'hang' | 'reset';

export interface LoopbackWhois {
  host: string;
  port: number;
  /** `host:port`, ready for `whoisServer`. */
  address: string;
  /** Every query line received, in order. */
  queries: string[];
  /** Connections accepted. */
  connections: number;
  /** Most connections open at the same time. */
  maxConcurrent: number;
  close(): Promise<void>;
}

export async function startWhoisServer(answer: (query: string) => WhoisReply): Promise<LoopbackWhois> {
  const sockets = new Set<Socket>();
  let open = 0;
  const state = { queries: [] as string[], connections: 0, maxConcurrent: 0 };
  const server = createServer((socket) => {
    sockets.add(socket);
    state.connections++;
    // Counted from the query to the end of the answer: the span a client's slot must cover.
    let counted = false;
    const done = () => {
      if (counted) open--;
      counted = false;
    };
    socket.on('close', () => {
      done();
      sockets.delete(socket);
    });
    socket.on('error', () => {});
    let buf = '';
    socket.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl === -1) return;
      const query = buf.slice(0, nl).replace(/\r$/, '');
      buf = '';
      state.queries.push(query);
      counted = true;
      open++;
      state.maxConcurrent = Math.max(state.maxConcurrent, open);
      const reply = answer(query);
      if (reply === 'hang') return;
      if (reply === 'reset') {
        socket.resetAndDestroy();
        return;
      }
      const r = typeof reply === 'string' ? { data: reply } : reply;
      const send = () => {
        if (socket.destroyed) return;
        if (r.chunks) {
          // Bytes written one chunk at a time, so a character may be split across TCP segments.
          let i = 0;
          const next = () => {
            if (socket.destroyed) return;
            const chunk = r.chunks![i++];
            if (chunk) socket.write(chunk, () => setTimeout(next, 5));
            else {
              done();
              socket.end();
            }
          };
          next();
        } else {
          done();
          socket.end(r.data);
        }
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    get queries() {
      return state.queries;
    },
    get connections() {
      return state.connections;
    },
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface LoopbackHttp {
  url: string;
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export type HttpReply = { status: number; body?: unknown; delayMs?: number; contentType?: string; location?: string; headers?: Record<string, string> } | 'hang';

export async function startHttpServer(answer: (path: string, req: IncomingMessage) => HttpReply): Promise<LoopbackHttp> {
  const requests: string[] = [];
  const pending = new Set<ServerResponse>();
  const server = createHttpServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const reply = answer(path, req);
    if (reply === 'hang') {
      pending.add(res);
      return;
    }
    const send = () => {
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/rdap+json', ...(reply.location ? { location: reply.location } : {}), ...reply.headers });
      res.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/rdap/`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of pending) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, read, released. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
