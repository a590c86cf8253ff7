import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * A local stand-in for Slack's Socket Mode WebSocket endpoint, on node:http alone (RFC 6455 text, close
 * and ping frames): says `hello` on connect, delivers envelopes, and records the envelope ids the app
 * acknowledges. https://docs.slack.dev/apis/events-api/using-socket-mode
 */
export class SlackSocketStandIn {
  readonly acks: string[] = [];
  private socket: Duplex | undefined;
  private readonly ackWaiters = new Map<string, () => void>();
  /** Connections the app opened so far (a reconnect opens another). */
  connections = 0;
  private readonly connectionWaiters: { count: number; resolve: () => void }[] = [];
  private closed = Promise.resolve();
  private onClosed: () => void = () => {};

  /** Resolves when the app closes the current connection with a close frame (answered, as the protocol asks). */
  get closedByApp(): Promise<void> {
    return this.closed;
  }

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<SlackSocketStandIn> {
    const server = createServer((_request, response) => response.writeHead(426).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const standIn = new SlackSocketStandIn(
      server,
      `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    );
    server.on('upgrade', (request, socket) =>
      standIn.accept(String(request.headers['sec-websocket-key']), socket),
    );
    return standIn;
  }

  /** Delivers an envelope (events_api, slash_commands, interactive) and resolves when the app acknowledges it. */
  deliver(envelope: {
    envelope_id: string;
    type: string;
    payload: unknown;
    retry_attempt?: number;
  }): Promise<void> {
    const acked = new Promise<void>((resolve) => this.ackWaiters.set(envelope.envelope_id, resolve));
    this.send({
      accepts_response_payload: envelope.type !== 'events_api',
      retry_attempt: 0,
      retry_reason: '',
      ...envelope,
    });
    return acked;
  }

  /**
   * Delivers envelopes of events_api at the same instant (one write) and resolves with the time from
   * that write to each one's acknowledgement, in milliseconds, in order (what Slack would count).
   */
  async deliverBurst(envelopes: { envelope_id: string; payload: unknown }[]): Promise<number[]> {
    const arrived = envelopes.map(
      ({ envelope_id: id }) =>
        new Promise<number>((resolve) => this.ackWaiters.set(id, () => resolve(performance.now()))),
    );
    const frames = envelopes.map((envelope) =>
      frame(
        0x1,
        Buffer.from(
          JSON.stringify({
            type: 'events_api',
            accepts_response_payload: false,
            retry_attempt: 0,
            retry_reason: '',
            ...envelope,
          }),
        ),
      ),
    );
    const sent = performance.now();
    this.socket?.write(Buffer.concat(frames));
    return (await Promise.all(arrived)).map((at) => at - sent);
  }

  /**
   * Sends any text frame (fuzzing: it need not be an envelope). With `ackId`, resolves when the app
   * acknowledges that envelope id; otherwise at once.
   */
  sendFrame(text: string, ackId?: string): Promise<void> {
    const acked = ackId
      ? new Promise<void>((resolve) => this.ackWaiters.set(ackId, resolve))
      : Promise.resolve();
    this.socket?.write(frame(0x1, Buffer.from(text)));
    return acked;
  }

  /** Resolves once the app has opened `count` connections and each was greeted with `hello`. */
  connected(count: number): Promise<void> {
    if (this.connections >= count) return Promise.resolve();
    return new Promise((resolve) => this.connectionWaiters.push({ count, resolve }));
  }

  /**
   * Asks the app to reconnect, as Slack does before it recycles a connection (a `disconnect` message,
   * https://docs.slack.dev/apis/events-api/using-socket-mode#disconnect): the app closes this
   * connection and opens a new one through apps.connections.open.
   */
  askToReconnect(): void {
    this.send({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'stand-in' } });
  }

  close(): Promise<void> {
    this.socket?.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(key: string, socket: Duplex): void {
    const accept = createHash('sha1')
      .update(key + WEBSOCKET_GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.socket = socket;
    this.closed = new Promise<void>((resolve) => {
      this.onClosed = resolve;
    });
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let frame = readFrame(buffered); frame; frame = readFrame(buffered)) {
        buffered = buffered.subarray(frame.size);
        this.onFrame(frame.opcode, frame.payload, socket);
      }
    });
    socket.on('error', () => undefined);
    this.send({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: 'stand-in' },
      connection_info: { app_id: 'A0TEST001' },
    });
    this.connections += 1;
    for (const waiter of this.connectionWaiters.filter((entry) => entry.count <= this.connections)) {
      this.connectionWaiters.splice(this.connectionWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  private onFrame(opcode: number, payload: Buffer, socket: Duplex): void {
    if (opcode === 0x8) {
      socket.end(frame(0x8, payload.subarray(0, 2)));
      this.onClosed();
    } else if (opcode === 0x9) {
      socket.write(frame(0xa, payload));
    } else if (opcode === 0x1) {
      const { envelope_id: id } = JSON.parse(payload.toString('utf8')) as { envelope_id?: string };
      if (!id) return;
      this.acks.push(id);
      this.ackWaiters.get(id)?.();
    }
  }

  private send(message: unknown): void {
    this.socket?.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  }
}

/** A server frame: FIN set, never masked. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** One complete client frame (always masked) from the start of `data`, or null if more bytes are needed. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (data.length < 2) return null;
  const opcode = (data[0] ?? 0) & 0x0f;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  if (data.length < offset + 4 + length) return null;
  const mask = data.subarray(offset, offset + 4);
  const payload = Buffer.from(data.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, size: offset + 4 + length };
}
