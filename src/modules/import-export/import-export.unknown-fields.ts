import type { z } from 'zod';

/** The parts of a zod 4 schema definition this walk reads; zod types them per schema kind. */
type LooseDef = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
};

const defOf = (schema: z.core.$ZodType): LooseDef => schema._zod.def as unknown as LooseDef;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fields of an incoming record that the format does not know (`sumary`, `assets[0].lang`). zod drops
 * them silently; an archivist wants to hear that a misspelt field was ignored, while a file written
 * by a newer version of Chancery should still import, so these are warnings, not errors.
 */
export function unknownFields(schema: z.core.$ZodType, value: unknown, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value) || !def.shape) return [];
      const found: string[] = [];
      for (const [key, field] of Object.entries(value)) {
        const fieldPath = path === '' ? key : `${path}.${key}`;
        // hasOwn: a record may carry keys such as "__proto__" or "constructor" that every object inherits.
        const known = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
        if (known) found.push(...unknownFields(known, field, fieldPath));
        else found.push(fieldPath);
      }
      return found;
    }
    case 'array':
      if (!Array.isArray(value) || !def.element) return [];
      return value.flatMap((item, index) => unknownFields(def.element!, item, `${path}[${index}]`));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? unknownFields(def.innerType, value, path) : [];
    case 'pipe':
      return def.in ? unknownFields(def.in, value, path) : [];
    case 'union': {
      // Unions in the record format are "a name or an object": walk the object branch for objects.
      if (!isPlainObject(value)) return [];
      const objectBranch = def.options?.find((option) => acceptsObjects(option));
      return objectBranch ? unknownFields(objectBranch, value, path) : [];
    }
    default:
      return [];
  }
}

function acceptsObjects(schema: z.core.$ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'object') return true;
  if (def.type === 'pipe') return def.in ? acceptsObjects(def.in) : false;
  if (def.innerType) return acceptsObjects(def.innerType);
  return false;
}
