/**
 * The advice JSON schema sent as response_format, generated from the zod schema so the two cannot drift, and
 * reshaped for OpenAI's strict structured outputs: every object closed (additionalProperties: false) and every
 * property required (an optional one becomes required-but-nullable). The schema carries the advice's bounds
 * (maxItems, maxLength); OpenAI's strict mode accepts maxItems but not maxLength on strings, so its copy leaves
 * maxLength out and relies on the output-token cap and the parser for item length.
 */
import { z } from 'zod';
import { boundedAdviceSchema } from './bounds.ts';

type JsonSchema = { [key: string]: unknown };

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function toStrictJsonSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === 'default') continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isObject(v) ? toStrictJsonSchema(v) : v]));
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) {
      out[key] = toStrictJsonSchema(value);
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'prefixItems') && Array.isArray(value)) {
      out[key] = value.map((v) => (isObject(v) ? toStrictJsonSchema(v) : v));
    } else if ((key === '$defs' || key === 'definitions') && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isObject(v) ? toStrictJsonSchema(v) : v]));
    } else {
      out[key] = value;
    }
  }
  if (out.type === 'object' || isObject(out.properties)) {
    const properties = (isObject(out.properties) ? out.properties : {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const [k, v] of Object.entries(properties)) {
      if (!required.has(k)) properties[k] = { anyOf: [v, { type: 'null' }] };
    }
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

export const ADVICE_SCHEMA_NAME = 'resume_advice';

/** `schema` without the keywords named, at every depth. */
function withoutKeywords(schema: unknown, keywords: string[]): unknown {
  if (Array.isArray(schema)) return schema.map((v) => withoutKeywords(v, keywords));
  if (!isObject(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([k]) => !keywords.includes(k)).map(([k, v]) => [k, withoutKeywords(v, keywords)]));
}

/** The bounded advice schema for in-house servers (vLLM, llama.cpp and Ollama grammars honour maxLength). */
export const inHouseAdviceJsonSchema: JsonSchema = toStrictJsonSchema(z.toJSONSchema(boundedAdviceSchema) as JsonSchema);
/** The same for OpenAI, without maxLength. */
export const adviceJsonSchema = withoutKeywords(inHouseAdviceJsonSchema, ['maxLength']) as JsonSchema;

const responseFormat = (schema: JsonSchema) => ({
  type: 'json_schema' as const,
  json_schema: { name: ADVICE_SCHEMA_NAME, strict: true, schema },
});

export const adviceResponseFormat = responseFormat(adviceJsonSchema);
export const inHouseAdviceResponseFormat = responseFormat(inHouseAdviceJsonSchema);
