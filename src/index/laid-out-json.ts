import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * JSON written a line per element: an array's elements and an object's entries each on a line of
 * their own, `depth` levels down, deeper values as one line of JSON. The file is still JSON (any
 * parser reads it), but neither writing nor reading it ever makes one string of the whole: V8 caps a
 * string at about 512 MB, and the index of a million paragraphs holds more chunk text than that, so
 * `JSON.stringify` of it threw and such an index could not be written at all. A line never holds a
 * raw newline: JSON escapes it inside strings.
 */
export async function writeLaidOutJson(path: string, value: unknown, depth: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    const emit = async (line: string) => {
      pending.push(line, '\n');
      size += line.length + 1;
      if (size >= FLUSH_CHARS) await flush();
    };
    const flush = async () => {
      if (pending.length === 0) return;
      await handle.write(pending.join(''));
      pending = [];
      size = 0;
    };
    await writeValue(value, depth, '', '', emit);
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Characters buffered between writes: large writes, never a large string. */
const FLUSH_CHARS = 1 << 20;

async function writeValue(
  value: unknown,
  depth: number,
  prefix: string,
  suffix: string,
  emit: (line: string) => Promise<void>,
): Promise<void> {
  // A value with toJSON (a Date) is written as JSON.stringify writes it: whole, on one line.
  const laid =
    depth > 0 &&
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!laid) {
    await emit(`${prefix}${JSON.stringify(value) ?? 'null'}${suffix}`);
    return;
  }
  if (Array.isArray(value)) {
    await emit(`${prefix}[`);
    for (const [i, element] of value.entries())
      await writeValue(element, depth - 1, '', i < value.length - 1 ? ',' : '', emit);
    await emit(`]${suffix}`);
    return;
  }
  // As JSON.stringify writes an object: its own enumerable keys, undefined values left out.
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  await emit(`${prefix}{`);
  for (const [i, [key, item]] of entries.entries())
    await writeValue(item, depth - 1, `${JSON.stringify(key)}:`, i < entries.length - 1 ? ',' : '', emit);
  await emit(`}${suffix}`);
}

/**
 * Reads a file writeLaidOutJson wrote, line by line; a file of one line (as JSON.stringify wrote the
 * index before) is parsed whole, so older indexes still read. Throws on anything malformed.
 */
export async function readLaidOutJson(path: string): Promise<unknown> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const step = await iterator.next();
    if (step.done) throw new SyntaxError('unexpected end of file');
    return step.value;
  };
  try {
    const first = await next();
    if (first !== '[' && first !== '{') {
      const rest: string[] = [first];
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) rest.push(step.value);
      return JSON.parse(rest.join('\n'));
    }
    const value = await readOpened(first, next);
    const after = await iterator.next();
    if (!after.done && after.value.trim() !== '') throw new SyntaxError('text after the end of the JSON');
    return value;
  } finally {
    lines.close();
  }
}

/** The value an opening line (`[` or `{`) begins, read up to its closing line. */
async function readOpened(opener: '[' | '{' | string, next: () => Promise<string>): Promise<unknown> {
  const close = opener === '[' ? ']' : '}';
  if (opener === '[') {
    const items: unknown[] = [];
    for (let line = await next(); ; line = await next()) {
      const body = withoutComma(line);
      if (body === close) return items;
      items.push(body === '[' || body === '{' ? await readOpened(body, next) : JSON.parse(body));
    }
  }
  const object: Record<string, unknown> = {};
  for (let line = await next(); ; line = await next()) {
    const body = withoutComma(line);
    if (body === close) return object;
    const keyEnd = endOfString(body);
    const key = JSON.parse(body.slice(0, keyEnd)) as string;
    if (body[keyEnd] !== ':') throw new SyntaxError(`expected ":" after the key ${JSON.stringify(key)}`);
    const rest = body.slice(keyEnd + 1);
    const item = rest === '[' || rest === '{' ? await readOpened(rest, next) : JSON.parse(rest);
    // Defined as a property, so a key "__proto__" is data, never the object's prototype.
    Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
}

function withoutComma(line: string): string {
  return line.endsWith(',') ? line.slice(0, -1) : line;
}

/** Where the JSON string the line opens with ends (the index after its closing quote). */
function endOfString(line: string): number {
  if (line[0] !== '"') throw new SyntaxError('expected a key');
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') return i + 1;
  }
  throw new SyntaxError('unterminated key');
}
