import { Worker } from 'node:worker_threads';

/** Starts `name` (a worker entry next to this file) with `data`, from the sources under tsx or from dist/. */
export function startWorker(name: string, data: unknown): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? `./${name}.ts` : `./${name}.js`, import.meta.url);
  if (!fromSources) return new Worker(entry, { workerData: data });
  // Under tsx (tests, scripts) a worker does not inherit the loader hooks: register them first.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((api) => api.register()).then(() => import(${JSON.stringify(entry.href)}))`,
    { eval: true, workerData: data },
  );
}
