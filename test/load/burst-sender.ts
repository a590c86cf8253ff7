import { Worker } from 'node:worker_threads';
import { SIGNING_SECRET, sign } from '../support/slack-signed-requests.js';

/** Plain JS for the worker: every request sent at the same instant, each one timed until its response. */
const SENDER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, requests } = workerData;
Promise.all(requests.map(async ({ headers, body }) => {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.text();
  return { status: response.status, ms: performance.now() - started };
})).then((acks) => parentPort.postMessage(acks));
`;

/**
 * Sends signed bodies all at once from a worker thread and times each acknowledgement. The sender runs
 * on its own thread (and core) so the times measure the bot, not the sender sharing its event loop.
 */
export function sendAllAtOnce(
  url: string,
  bodies: readonly string[],
): Promise<{ status: number; ms: number }[]> {
  const timestamp = Math.floor(Date.now() / 1000);
  const requests = bodies.map((body) => ({
    body,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
    },
  }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER, { eval: true, workerData: { url, requests } });
    worker.once('message', (acks: { status: number; ms: number }[]) => {
      resolve(acks);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
