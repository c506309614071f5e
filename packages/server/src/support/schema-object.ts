import type { TSchema } from 'typebox';

/** A schema's keywords; TypeBox's `TSchema` is opaque to indexing. */
export type SchemaObject = Readonly<Record<string, unknown>>;

export function keywordsOf(schema: TSchema): SchemaObject {
  return schema as SchemaObject;
}
