/**
 * Composition root: the only place that wires configuration, models, index and adapters together.
 * Each command builds what it needs through `src/cli/runtime.ts`; nothing below reads process.env.
 */
import { buildProgram } from './cli/program.js';

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
