// Loaded into a `whosaid serve` child process by the load suite (node --import): answers SIGUSR2 with
// one stderr line `PROBE {json}` holding the process's memory after a full garbage collection (when
// run with --expose-gc) and the CPU time it had used when it finished its latest HTTP response (so a
// burst's cost up to its last acknowledgement can be told apart from the answering that follows).
// The bot itself is not changed for measuring.
import diagnostics from 'node:diagnostics_channel';
import { getHeapSpaceStatistics } from 'node:v8';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let cpuAtLastResponse = cpuMs();
let responses = 0;
diagnostics.subscribe('http.server.response.finish', () => {
  cpuAtLastResponse = cpuMs();
  responses += 1;
});
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const probe = {
    rss: mb(memory.rss),
    heapUsed: mb(memory.heapUsed),
    heapTotal: mb(memory.heapTotal),
    external: mb(memory.external),
    cpuMs: cpuMs(),
    cpuAtLastResponseMs: cpuAtLastResponse,
    responses,
    // Where V8's reserved heap is (MB per space): the part of resident memory that is JS heap.
    spaces: Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [space.space_name, mb(space.space_size)]),
    ),
  };
  process.stderr.write(`PROBE ${JSON.stringify(probe)}\n`);
});
