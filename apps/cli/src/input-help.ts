import { z } from 'zod';

/** The part of JSON Schema that zod's toJSONSchema writes for our input schemas. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Bounds that only keep values storable (INT4, ±1e15, safe integers), not what a person chooses: left out. */
const technical = (n: number) => Math.abs(n) >= 2_147_483_647;

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (s.exclusiveMinimum !== undefined && !technical(s.exclusiveMinimum)) parts.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined && !technical(s.minimum)) parts.push(`≥ ${s.minimum}`);
  if (s.exclusiveMaximum !== undefined && !technical(s.exclusiveMaximum)) parts.push(`< ${s.exclusiveMaximum}`);
  if (s.maximum !== undefined && !technical(s.maximum)) parts.push(`≤ ${s.maximum}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

/** What a value of this schema is, in a few words: `number > 0 and ≤ 0.5`, `"up" | "down"`, `date YYYY-MM-DD`. */
function kind(s: Schema): string {
  // A JS Date (unrepresentable in JSON) is written as {}: JSON gives the string form.
  const alternatives = (s.anyOf ?? s.oneOf)?.filter((a) => Object.keys(a).length);
  if (alternatives) return alternatives.map(kind).join(' or ');
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (type === 'string' && s.format === 'date') return 'date YYYY-MM-DD';
  if (type === 'string' && s.format === 'date-time') return 'date-time (ISO 8601)';
  if (type === 'array')
    return s.items?.properties ? 'array of objects:' : `array of ${s.items ? kind(s.items) : 'values'}`;
  const keys = s.propertyNames?.enum;
  if (type === 'object' && keys) return `object keyed by ${keys.map((k) => JSON.stringify(k)).join(' | ')}:`;
  if (type === 'object') return s.properties || s.additionalProperties ? 'object:' : 'object';
  return `${type ?? 'any value'}${bounds(s)}`;
}

interface Row {
  path: string;
  required: boolean;
  text: string;
}

interface Walk {
  seen: Map<string, string>;
  /** Paths described in words instead of field by field: `request` → 'what "uplift analyze" reads'. */
  collapse: Record<string, string>;
  out: Row[];
}

function rows(s: Schema, prefix: string, walk: Walk): Row[] {
  const { seen, collapse, out } = walk;
  const required = new Set(s.required ?? []);
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const path = `${prefix}${name}`;
    const shape = JSON.stringify(field);
    const same = seen.get(shape);
    const fallback = field.default !== undefined ? ` = ${JSON.stringify(field.default)}` : '';
    const described =
      collapse[path] ??
      (same && (field.properties || field.items?.properties) ? `the same fields as ${same}` : undefined);
    if (described) {
      seen.set(shape, path);
      out.push({ path, required: required.has(name), text: described });
      continue;
    }
    seen.set(shape, path);
    out.push({ path, required: required.has(name), text: `${kind(field)}${fallback}` });
    if (field.properties) rows(field, `${path}.`, walk);
    if (field.items?.properties) rows(field.items, `${path}[].`, walk);
    const values = field.additionalProperties;
    if (typeof values === 'object' && values.properties) rows(values, `${path}.<key>.`, walk);
  }
  return out;
}

/**
 * One line per field the schema reads, nested fields by path (`variants[].users`), `*` marking the required
 * ones: written from the zod schema that validates the input, so the help cannot drift from it.
 */
export function fieldLines(schema: z.ZodType, collapse: Record<string, string> = {}): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
  const list = rows(json.type === 'array' && json.items ? json.items : json, '', {
    seen: new Map(),
    collapse,
    out: [],
  });
  const names = list.map((r) => `${r.path}${r.required ? '*' : ''}`);
  const width = Math.min(36, Math.max(...names.map((n) => n.length)));
  return list.map((r, i) => `${(names[i] as string).padEnd(width)}  ${r.text}`);
}

/** The help's input section: what the fields are, from the schema (`what`: "one object", …). */
export function fieldsHelp(what: string, schema: z.ZodType, collapse: Record<string, string> = {}): string {
  return [`Input: ${what}; fields (* = required):`, ...fieldLines(schema, collapse).map((l) => `  ${l}`)].join('\n');
}

/** An example input that runs (each command's test runs it). */
export function exampleHelp(command: string, example: string): string {
  return [
    `Example (save as input.json and run "uplift ${command} input.json", or pipe it in):`,
    ...example.split('\n').map((line) => `  ${line}`),
  ].join('\n');
}

/** Weekly sales rows for an example, two to a line: `{"location":"A","week":"2025-01-06","sales":100}, …`. */
export function weeklyRowsExample(sales: Record<string, number[]>, weeks: string[], indent = '    '): string {
  const rows = Object.entries(sales).flatMap(([location, values]) =>
    values.map((value, i) => JSON.stringify({ location, week: weeks[i], sales: value })),
  );
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i += 2) lines.push(`${indent}${rows.slice(i, i + 2).join(', ')}`);
  return lines.join(',\n');
}
