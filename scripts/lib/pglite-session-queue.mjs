// pglite-socket funnels every client connection into one PGlite session through a queue that takes one
// protocol message at a time from any client. With the extended query protocol (Parse, Bind, Execute, …,
// Sync), which node-postgres and Prisma use, two clients' messages then interleave inside the one session
// and unnamed statements collide ("bind message supplies 2 parameters, but prepared statement requires 4").
// This keeps the session with one client from its first extended-protocol message until its Sync (or a
// simple Query / Terminate), as a real server's separate backends would, and for the whole of a transaction.
const ENDS_EXCHANGE = new Set([0x53 /* Sync */, 0x51 /* Query */, 0x58 /* Terminate */]);

export function serialiseClientExchanges(server) {
  const queue = server.queryQueue;
  let owner = null;

  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = holder === null ? 0 : this.queue.findIndex((item) => item.handlerId === holder);
        if (index === -1) break; // the holder's next message will arrive and restart the queue
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          owner = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        owner = ENDS_EXCHANGE.has(item.message[0]) || item.message[0] === 0 ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (owner === handlerId) owner = null;
    queueMicrotask(() => queue.processQueue());
  };
}
