/**
 * A small declarative parser for environment variables: each variable has a parser that returns its
 * value or throws a message saying what is wanted. It does what zod did here, without zod's ~50 ms
 * of module loading at every command start (about a fifth of an offline `whosaid ask`).
 */
class InvalidValue extends Error {}

export type Field<T> = (raw: string | undefined) => T;

/** Text, trimmed; `fallback` when unset (empty counts as unset). */
export function text(fallback: string): Field<string> {
  return (raw) => raw?.trim() || fallback;
}

export function optionalText(): Field<string | undefined> {
  return (raw) => raw?.trim() || undefined;
}

export function oneOf<const T extends string>(values: readonly T[], fallback: T): Field<T> {
  return (raw) => {
    const value = raw?.trim();
    if (!value) return fallback;
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidValue(`must be one of ${values.map((v) => `"${v}"`).join(', ')} (got "${value}")`);
  };
}

export function number(
  fallback: number,
  limits: { integer?: boolean; min?: number; max?: number; positive?: boolean } = {},
): Field<number> {
  return (raw) => {
    const value = raw?.trim();
    if (!value) return fallback;
    const parsed = Number(value);
    const kind = limits.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(parsed) || (limits.integer && !Number.isInteger(parsed)))
      throw new InvalidValue(`must be ${kind} (got "${value}")`);
    if (limits.positive && parsed <= 0) throw new InvalidValue(`must be ${kind} above 0 (got "${value}")`);
    if (limits.min !== undefined && parsed < limits.min)
      throw new InvalidValue(`must be at least ${limits.min} (got "${value}")`);
    if (limits.max !== undefined && parsed > limits.max)
      throw new InvalidValue(`must be at most ${limits.max} (got "${value}")`);
    return parsed;
  };
}

export function optionalUrl(example: string): Field<string | undefined> {
  return (raw) => {
    const value = raw?.trim();
    if (!value) return undefined;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
      throw new InvalidValue(`must be a URL such as ${example}`);
    return value;
  };
}

/**
 * A PostgreSQL connection URL (`postgres://user:password@host:5432/db`). The value is never echoed
 * back in the message: it may hold a password.
 */
export function optionalDatabaseUrl(): Field<string | undefined> {
  return (raw) => {
    const value = raw?.trim();
    if (!value) return undefined;
    if (!URL.canParse(value) || !/^postgres(ql)?:$/.test(new URL(value).protocol))
      throw new InvalidValue(
        'must be a PostgreSQL URL such as postgres://whosaid:PASSWORD@db.example:5432/whosaid',
      );
    return value;
  };
}

type Parsed<S> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** Parses every field; collects one line per invalid variable, so one run reports them all. */
export function parseFields<S extends Record<string, Field<unknown>>>(
  schema: S,
  env: Record<string, string | undefined>,
): { values: Parsed<S>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, field] of Object.entries(schema)) {
    try {
      values[name] = field(env[name]);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      problems.push(`  ${name}: ${error.message}`);
    }
  }
  return { values: values as Parsed<S>, problems };
}
