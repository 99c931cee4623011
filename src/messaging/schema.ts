/**
 * A few combinators that describe a plain-JSON shape once and give both its TypeScript type
 * (`Infer`) and a runtime check that names the first field that does not fit. Messages cross a
 * structured-clone boundary from contexts the background must not trust (a content script runs
 * beside page script), so the shape the handlers are typed against is also the one checked.
 */
export interface Schema<T> {
  /** What a value must be, for error messages ("a string", "an array of strings"). */
  readonly expected: string;
  /** Null when `value` fits; otherwise what is wrong, naming the field at `path`. */
  check(value: unknown, path: string): string | null;
  /** Type only, never set: carries T for Infer. */
  readonly __type?: T;
}

/** A field that may be absent (or undefined: a sender's `{ tabId: undefined }`). */
export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Fields = Record<string, Schema<unknown>>;

/** An object type from its fields' schemas: Optional fields become `key?:`. */
export type ObjectOf<F extends Fields> = Flat<
  { [K in keyof F as F[K] extends Optional<unknown> ? never : K]: Infer<F[K]> } & {
    [K in keyof F as F[K] extends Optional<unknown> ? K : never]?: Infer<F[K]>;
  }
>;

type Flat<T> = { [K in keyof T]: T[K] } & {};

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function primitive<T>(expected: string, fits: (v: unknown) => boolean): () => Schema<T> {
  const schema: Schema<T> = {
    expected,
    check: (v, path) => (fits(v) ? null : `${path} must be ${expected}, got ${describe(v)}`),
  };
  return () => schema;
}

export const string = primitive<string>('a string', (v) => typeof v === 'string');
/** Finite numbers only: NaN and Infinity survive structured cloning and mean nothing here. */
export const number = primitive<number>('a number', (v) => typeof v === 'number' && Number.isFinite(v));
export const boolean = primitive<boolean>('true or false', (v) => typeof v === 'boolean');

export function literal<const L extends readonly (string | number | boolean)[]>(...values: L): Schema<L[number]> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return {
    expected,
    check: (v, path) =>
      values.includes(v as L[number]) ? null : `${path} must be ${expected}, got ${JSON.stringify(v) ?? 'undefined'}`,
  };
}

export function optional<T>(schema: Schema<T>): Optional<T> {
  return {
    optional: true,
    expected: `${schema.expected} or nothing`,
    check: (v, path) => (v === undefined ? null : schema.check(v, path)),
  };
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  const expected = `an array of ${item.expected.replace(/^an? /, '')}s`;
  return {
    expected,
    check(v, path) {
      if (!Array.isArray(v)) return `${path} must be ${expected}, got ${describe(v)}`;
      for (let i = 0; i < v.length; i++) {
        const wrong = item.check(v[i], `${path}[${i}]`);
        if (wrong) return wrong;
      }
      return null;
    },
  };
}

/**
 * A plain object with exactly these fields: a missing required field, a field of the wrong type
 * and a field the schema does not name are all refused, each by name.
 */
export function object<F extends Fields>(fields: F): Schema<ObjectOf<F>> {
  const keys = Object.keys(fields);
  return {
    expected: 'an object',
    check(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        return `${path || 'the value'} must be an object, got ${describe(v)}`;
      const at = (key: string) => (path ? `${path}.${key}` : key);
      const record = v as Record<string, unknown>;
      for (const key of keys) {
        const schema = fields[key]!;
        const present = Object.hasOwn(record, key);
        if (!present && !(schema as Partial<Optional<unknown>>).optional)
          return `${at(key)} is missing (${schema.expected})`;
        const wrong = schema.check(present ? record[key] : undefined, at(key));
        if (wrong) return wrong;
      }
      const extra = Object.keys(record).find((key) => !Object.hasOwn(fields, key));
      return extra === undefined ? null : `${at(extra)} is not a field of this message`;
    },
  };
}
