import { Worker } from 'node:worker_threads';
import { SIGNING_SECRET, sign } from '../support/slack-signed-requests.js';

/**
 * Plain JS for the worker. Each request is a raw HTTP/1.1 request written on its own connection, timed
 * from the connect call to the status line of the answer (the moment Slack would count as the ack).
 * Raw sockets rather than fetch: undici's per-request cost on the sender's thread, with 400 at once,
 * showed up in the measured times though it is no part of the bot. A request with `after` is sent
 * once the answer to request `after` arrived ("followed at once by").
 */
const SENDER = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const { port, requests } = workerData;
const results = new Array(requests.length);
let left = requests.length;
const followers = new Map();
requests.forEach((request, i) => {
  if (request.after === undefined) return;
  followers.set(request.after, [...(followers.get(request.after) ?? []), i]);
});
function finish(i, status, started) {
  if (results[i]) return;
  results[i] = { status, ms: performance.now() - started };
  for (const next of followers.get(i) ?? []) send(next);
  if (--left === 0) parentPort.postMessage(results);
}
function send(i) {
  const started = performance.now();
  const socket = net.connect(port, '127.0.0.1');
  let head = '';
  socket.setNoDelay(true);
  socket.on('connect', () => socket.write(requests[i].raw));
  socket.on('data', (chunk) => {
    head += chunk.toString('latin1');
    const match = /^HTTP\\/1\\.1 (\\d{3})/.exec(head);
    if (match) finish(i, Number(match[1]), started);
  });
  socket.on('error', () => finish(i, 0, started));
  socket.on('close', () => finish(i, 0, started));
}
requests.forEach((request, i) => { if (request.after === undefined) send(i); });
`;

export interface BurstRequest {
  body: string;
  /** Default JSON (Events API); slash commands are form-encoded. */
  contentType?: string;
  /** Sent when the answer to the request at this index arrived, instead of at once. */
  after?: number;
}

export interface Ack {
  /** HTTP status; 0 when the connection failed or closed before an answer. */
  status: number;
  ms: number;
}

/**
 * Sends signed requests from a worker thread, all at the same instant unless `after` says otherwise,
 * and times each acknowledgement. The sender runs on its own thread so that the times measure the
 * bot, not the sender sharing its event loop.
 */
export function sendAllAtOnce(url: string, requests: readonly (string | BurstRequest)[]): Promise<Ack[]> {
  const target = new URL(url);
  const timestamp = Math.floor(Date.now() / 1000);
  const raw = requests.map((entry) => {
    const request = typeof entry === 'string' ? { body: entry } : entry;
    const length = Buffer.byteLength(request.body);
    const head = [
      `POST ${target.pathname} HTTP/1.1`,
      `Host: ${target.host}`,
      `Content-Type: ${request.contentType ?? 'application/json'}`,
      `Content-Length: ${length}`,
      `X-Slack-Request-Timestamp: ${timestamp}`,
      `X-Slack-Signature: ${sign(SIGNING_SECRET, timestamp, request.body)}`,
      'Connection: close',
    ];
    return { raw: `${head.join('\r\n')}\r\n\r\n${request.body}`, after: request.after };
  });
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER, {
      eval: true,
      workerData: { port: Number(target.port), requests: raw },
    });
    worker.once('message', (acks: Ack[]) => {
      resolve(acks);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
