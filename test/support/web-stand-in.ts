import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WebHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface WebStandIn {
  /** http://127.0.0.1:PORT + path */
  url(path: string): string;
  /** Routes by path; set per test (reset() clears them). A path with no route answers 404. */
  routes: Map<string, WebHandler>;
  /** Every request received since the last reset, in order. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  reset(): void;
  close(): Promise<void>;
}

/** A publisher's web server on loopback: pages, feeds and files served by the routes a test sets. */
export async function startWebStandIn(): Promise<WebStandIn> {
  const routes = new Map<string, WebHandler>();
  const requests: WebStandIn['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    routes,
    requests,
    reset: () => {
      routes.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering `body` with `type` (and any extra headers). */
export function serve(type: string, body: string | Buffer, headers: Record<string, string> = {}): WebHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': type, ...headers });
    response.end(body);
  };
}

export function redirect(location: string, status = 302): WebHandler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}
