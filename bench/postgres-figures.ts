import pg from 'pg';

/** What the PostgreSQL benchmarks report of a set of timings (ms). */
export interface Timing {
  p50: number;
  p95: number;
}

export function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p95: at(95) };
}

/** The server's settings that matter to the figures (issue 12: version, memory, parallel builds), and the database's size. */
export async function serverSettings(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const show = async (name: string) =>
      (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '?';
    return {
      version: await show('server_version'),
      sharedBuffers: await show('shared_buffers'),
      maintenanceWorkMem: await show('maintenance_work_mem'),
      parallelMaintenance: await show('max_parallel_maintenance_workers'),
      pgvector:
        (
          await client.query<{ v: string }>(
            "SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'",
          )
        ).rows[0]?.v ?? '?',
      sizeMb:
        (
          await client.query<{ mb: string }>(
            'SELECT round(pg_database_size(current_database()) / 1048576.0) AS mb',
          )
        ).rows[0]?.mb ?? '?',
    };
  } finally {
    await client.end();
  }
}
