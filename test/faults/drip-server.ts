// A port-43 server on 127.0.0.1 that answers one byte per interval, the slowest answer that is
// still "alive": a client's idle timeout never fires, so only an overall deadline ends it.
import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface DripServer {
  address: string;
  /** Bytes written so far, over all connections. */
  readonly sent: number;
  /** Connections whose whole answer was written. */
  readonly finished: number;
  /** Connections the client closed or reset before the answer ended. */
  readonly abandoned: number;
  close(): Promise<void>;
}

export async function startDripServer(answer: Buffer, intervalMs: number): Promise<DripServer> {
  const sockets = new Set<Socket>();
  const state = { sent: 0, finished: 0, abandoned: 0 };
  const server = createServer((socket) => {
    sockets.add(socket);
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      sockets.delete(socket);
      if (!done) state.abandoned++;
    });
    socket.once('data', () => {
      let i = 0;
      const next = () => {
        if (socket.destroyed) return;
        if (i >= answer.length) {
          done = true;
          state.finished++;
          socket.end();
          return;
        }
        socket.write(answer.subarray(i, ++i));
        state.sent++;
        timer = setTimeout(next, intervalMs);
      };
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    get sent() {
      return state.sent;
    },
    get finished() {
      return state.finished;
    },
    get abandoned() {
      return state.abandoned;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
