import { promises as dnsPromises, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { nonPublicReason } from './address-policy.js';

/** Raised by the guarded DNS lookup: the host resolves to an address we never connect to. */
export class RefusedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly why: string,
  ) {
    super(`${host} resolves to ${address}, ${why}`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Where names are resolved and sockets go. The real network by default; a test presents its own (a
 * name that resolves to a public address while the server listens on loopback), and the guard checks
 * whatever `resolve` answers exactly as it checks DNS.
 */
export interface FetchNetwork {
  /** Every address of `hostname` (`options`: the family and hints the socket asked for). */
  resolve(hostname: string, options: LookupOptions): Promise<LookupAddress[]>;
  /** The address a socket connects to for a checked address: the same one, except in a test network. */
  route(address: LookupAddress): LookupAddress;
}

const REAL_NETWORK: FetchNetwork = {
  resolve: (hostname, options) => dnsPromises.lookup(hostname, { ...options, all: true }),
  route: (address) => address,
};

/**
 * A DNS lookup that refuses non-public addresses. It runs when the socket connects, on the address the
 * socket will really use, so a name that resolves to a public address when checked and to 127.0.0.1
 * when connecting (DNS rebinding) is still refused. A host with any non-public address is refused as
 * a whole: the connection could pick either.
 */
function guardedLookup(network: FetchNetwork) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    network.resolve(hostname, options).then(
      (addresses) => {
        const refused = addresses
          .map((entry) => ({ entry, why: nonPublicReason(entry.address) }))
          .find((x) => x.why);
        if (refused?.why)
          return callback(new RefusedAddressError(hostname, refused.entry.address, refused.why), []);
        const routed = addresses.map((address) => network.route(address));
        const first = routed[0];
        if (options.all) return callback(null, routed);
        if (!first)
          return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

export interface ConnectionOptions {
  allowPrivate: boolean;
  /** The real network unless a test presents another (see FetchNetwork). */
  network?: FetchNetwork;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/**
 * Sends one GET (no redirect following) and resolves with the response head. The caller checks the
 * scheme, and a host written as an IP literal is checked here: Node connects to literals without any
 * lookup, so the guarded lookup alone would let them through.
 */
export function openConnection(url: URL, options: ConnectionOptions): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(host) !== 0) {
    const why = nonPublicReason(host);
    if (why) return Promise.reject(new RefusedAddressError(host, host, why));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: 'GET',
      headers: options.headers,
      signal: options.signal,
      agent: false,
      ...(options.allowPrivate ? {} : { lookup: guardedLookup(options.network ?? REAL_NETWORK) }),
    });
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
    outgoing.end();
  });
}
