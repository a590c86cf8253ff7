/**
 * The database a URL names, for messages and logs: user, host, port and database, never the
 * password (nor query parameters, which may carry one, e.g. `?password=`).
 */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    const port = parsed.port || '5432';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    return `${user}${parsed.hostname}:${port}/${database}`;
  } catch {
    return 'the configured database';
  }
}
