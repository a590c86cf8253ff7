import type { IngestProgress } from '../index/types.js';
import type { OutputStream } from './io.js';

const LABELS: Record<IngestProgress['phase'], string> = {
  load: 'Reading documents',
  embed: 'Embedding passages',
  build: 'Building indexes',
  write: 'Writing index',
};

export interface ProgressReporter {
  onProgress(progress: IngestProgress): void;
  stop(): void;
}

const SILENT: ProgressReporter = { onProgress: () => {}, stop: () => {} };

/**
 * A progress bar on `stream` when it is a terminal; silent otherwise (pipes, CI, --json), so progress
 * never mixes into machine-readable output. cli-progress is loaded only when a bar will be drawn.
 */
export async function createProgressReporter(
  stream: OutputStream,
  enabled: boolean = stream.isTTY === true,
): Promise<ProgressReporter> {
  if (!enabled) return SILENT;
  const { SingleBar } = await import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | null = null;
  let phase: IngestProgress['phase'] | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  const onProgress = (progress: IngestProgress) => {
    if (progress.phase !== phase) {
      stop();
      phase = progress.phase;
      bar = new SingleBar({
        stream: stream as NodeJS.WritableStream,
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
