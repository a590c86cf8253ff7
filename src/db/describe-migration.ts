import type { MigrationResult } from './migrate.js';

/** One line for the operator: what was applied, and the version each part of the schema is at. */
export function describeMigration({ applied, versions }: MigrationResult): string {
  const at = Object.entries(versions)
    .map(([track, version]) => `${track} ${version}`)
    .join(', ');
  const schema = at ? `schema at ${at}` : 'no schema of ours yet';
  if (applied.length === 0) return `up to date (${schema}).`;
  const names = applied
    .map((migration) => `${migration.track}/${String(migration.version).padStart(3, '0')}-${migration.name}`)
    .join(', ');
  return `applied ${applied.length} migration${applied.length === 1 ? '' : 's'} (${names}); ${schema}.`;
}
