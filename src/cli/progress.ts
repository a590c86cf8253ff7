import { SingleBar } from 'cli-progress';
import type { IngestProgress } from '../index/ingest.js';

const LABELS: Record<IngestProgress['phase'], string> = {
  load: 'Reading documents',
  embed: 'Embedding passages',
  build: 'Building indexes',
  write: 'Writing index',
};

/**
 * A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, --json), so progress
 * never mixes into machine-readable output.
 */
export function createProgressReporter(enabled: boolean = process.stderr.isTTY === true) {
  let bar: SingleBar | null = null;
  let phase: IngestProgress['phase'] | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  const onProgress = (progress: IngestProgress) => {
    if (!enabled) return;
    if (progress.phase !== phase) {
      stop();
      phase = progress.phase;
      bar = new SingleBar({
        stream: process.stderr,
        format: `${LABELS[progress.phase].padEnd(20)} [{bar}] {percentage}% {value}/{total}`,
        hideCursor: true,
        clearOnComplete: false,
      });
      bar.start(progress.total, progress.done);
    }
    bar?.update(progress.done);
  };
  return { onProgress, stop };
}
