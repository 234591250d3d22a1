import { FIELDS } from './fields.js';

/**
 * An index in flat arrays: what a build produces, what a snapshot stores, and what a
 * MiniSearch instance is assembled from (see `assembleMiniSearch`).
 */
export interface IndexParts {
  /** Short id → paper id. */
  ids: string[];
  /** Term id → term. */
  terms: string[];
  /** Distinct terms per paper and field: row `doc`, column field id. */
  fieldLengths: Uint32Array;
  /** Per term id: papers that hold it in any field. */
  documentFrequencies: Uint32Array;
  /** Postings per (term id × fields + field id), in that order in `docs` and `frequencies`. */
  postingCounts: Uint32Array;
  /** Short ids, ascending within each (term, field) run. */
  docs: Int32Array;
  frequencies: Uint16Array;
  /** Where each paper's word sequence starts in `sequence`; one more entry than papers. */
  sequenceStarts: Uint32Array;
  /** Term ids of title and abstract words in reading order (stop words left out), −1 between fields. */
  sequence: Int32Array;
}

const TYPED = {
  fieldLengths: Uint32Array,
  documentFrequencies: Uint32Array,
  postingCounts: Uint32Array,
  docs: Int32Array,
  frequencies: Uint16Array,
  sequenceStarts: Uint32Array,
  sequence: Int32Array,
} as const;
type Typed = keyof typeof TYPED;
const ALIGN = 8;

/** Arrays a snapshot carries beside the index's own (the semantic model's), by name. */
export type ExtraArrays = Record<string, Int8Array | Int32Array | Float32Array>;
const EXTRA_TYPES = { Int8Array, Int32Array, Float32Array } as const;

/** Where each typed array sits in a snapshot, after the header. */
type Layout = Record<Typed, { offset: number; length: number }>;
type ExtraLayout = Record<string, { offset: number; length: number; type: keyof typeof EXTRA_TYPES }>;

/**
 * Writes `header` (any JSON) and the typed arrays of `parts` into one binary snapshot: a 4-byte
 * header length, the header as JSON, then the arrays' bytes, each 8-byte aligned so that
 * reading maps them without copying.
 * NOTE: byte order is the machine's; a snapshot is a local start-up cache, not an exchange format.
 */
export function writeSnapshot(header: object, parts: IndexParts, extra: ExtraArrays = {}): Uint8Array {
  const layout = {} as Layout;
  const extraLayout: ExtraLayout = {};
  let end = 0;
  for (const key of Object.keys(TYPED) as Typed[]) {
    layout[key] = { offset: end, length: parts[key].length };
    end = align(end + parts[key].byteLength);
  }
  for (const [name, array] of Object.entries(extra)) {
    extraLayout[name] = {
      offset: end,
      length: array.length,
      type: array instanceof Int8Array ? 'Int8Array' : array instanceof Int32Array ? 'Int32Array' : 'Float32Array',
    };
    end = align(end + array.byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, ids: parts.ids, terms: parts.terms, layout, extraLayout }));
  const start = align(4 + json.length);
  const bytes = Buffer.alloc(start + end);
  bytes.writeUInt32LE(json.length, 0);
  json.copy(bytes, 4);
  const arrays: [{ offset: number }, Int8Array | Int32Array | Float32Array | IndexParts[Typed]][] = [
    ...(Object.keys(TYPED) as Typed[]).map((key) => [layout[key], parts[key]] as [{ offset: number }, IndexParts[Typed]]),
    ...Object.entries(extra).map(([name, array]) => [extraLayout[name]!, array] as [{ offset: number }, Int8Array | Int32Array | Float32Array]),
  ];
  for (const [{ offset }, array] of arrays) bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + offset);
  return bytes;
}

/** Reads a snapshot written by {@link writeSnapshot}: the header, and the parts as views on `bytes`. */
export function readSnapshot<H>(bytes: Uint8Array): { header: H; parts: IndexParts; extra: ExtraArrays } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 4) throw new Error('The search snapshot is damaged; rebuild it.');
  const length = view.readUInt32LE(0);
  const parsed = JSON.parse(view.toString('utf8', 4, 4 + length)) as H & { ids: string[]; terms: string[]; layout: Layout; extraLayout?: ExtraLayout };
  // The arrays need 8-byte alignment; a buffer that does not start aligned is copied once.
  const base = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
  const start = base.byteOffset + align(4 + length);
  const parts = { ids: parsed.ids, terms: parsed.terms } as IndexParts;
  for (const key of Object.keys(TYPED) as Typed[]) {
    const { offset, length: count } = parsed.layout[key];
    const Type = TYPED[key];
    if (start + offset + count * Type.BYTES_PER_ELEMENT > base.byteOffset + base.byteLength) throw new Error('The search snapshot is damaged; rebuild it.');
    (parts as unknown as Record<Typed, unknown>)[key] = new Type(base.buffer as ArrayBuffer, start + offset, count);
  }
  if (parts.fieldLengths.length !== parts.ids.length * FIELDS.length || parts.sequenceStarts.length !== parts.ids.length + 1) {
    throw new Error('The search snapshot is damaged; rebuild it.');
  }
  const extra: ExtraArrays = {};
  for (const [name, { offset, length: count, type }] of Object.entries(parsed.extraLayout ?? {})) {
    const Type = Object.hasOwn(EXTRA_TYPES, type) ? EXTRA_TYPES[type] : undefined;
    const placed = Number.isInteger(offset) && offset >= 0 && offset % ALIGN === 0 && Number.isInteger(count) && count >= 0;
    if (Type === undefined || !placed || start + offset + count * Type.BYTES_PER_ELEMENT > base.byteOffset + base.byteLength) {
      throw new Error('The search snapshot is damaged; rebuild it.');
    }
    extra[name] = new Type(base.buffer as ArrayBuffer, start + offset, count);
  }
  return { header: parsed, parts, extra };
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
