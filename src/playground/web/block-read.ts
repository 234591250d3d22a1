/**
 * Block Kit arrives as JSON from an app under development, so nothing in it is trusted to have
 * the shape Slack documents. These readers turn a missing or mistyped field into "absent"
 * instead of an exception, and the renderers draw what is there.
 */

export type Json = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(obj: Json, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' ? value : undefined;
}

export function obj(parent: Json, key: string): Json | undefined {
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

/** The array at `key`, keeping only its object items. */
export function objects(parent: Json, key: string): Json[] {
  const value = parent[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}
