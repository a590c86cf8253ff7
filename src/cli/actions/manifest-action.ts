import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../project-root.js';
import { httpManifest } from '../../slack/app-manifest.js';
import type { CliIo } from '../io.js';

/** `whosaid manifest [--url https://HOST] [--oauth]`: the Slack app manifest to create the app from. */
export async function manifestAction(io: CliIo, flags: { url?: string; oauth?: boolean }): Promise<void> {
  const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const shown = flags.url ? httpManifest(manifest, flags.url, { oauth: flags.oauth === true }) : manifest;
  if (flags.oauth && !flags.url)
    io.stderr.write(
      'note: --oauth needs --url (the redirect URL is on your host); printing the Socket Mode manifest.\n',
    );
  io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
}
