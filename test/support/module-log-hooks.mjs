// Module loader hooks for the smoke tests: appends the URL of every module the process loads to the
// file named by WHOSAID_MODULE_LOG, so a test can check what a command loads (and what it must not).
import { appendFileSync } from 'node:fs';

const log = process.env.WHOSAID_MODULE_LOG;

export async function load(url, context, nextLoad) {
  if (log) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
