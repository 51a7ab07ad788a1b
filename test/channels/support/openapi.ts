import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { load } from 'js-yaml';
import { contract } from '../../support/fakes/contracts-dir.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = (formats as unknown as { default: typeof formats.default }).default ?? (formats as unknown as typeof formats.default);

type Schema = Record<string, any>;

/**
 * Validators built from the providers' own OpenAPI files, used on the request bodies our fakes
 * capture. Two spec constructs are interpreted (not relaxed):
 * - `additionalProperties: false` inside an `allOf` member (Meta's TextMessage, InteractiveMessage…)
 *   would, read literally, forbid the properties the sibling BaseMessageProperties declares — every
 *   body, Meta's own examples included, would fail. It is moved to `unevaluatedProperties: false` on
 *   the allOf schema, which forbids unknown properties as intended.
 * - `discriminator` with a `mapping` but no `oneOf` (Meta's ParameterObject, TemplateComponent) is
 *   applied as "when type = X, the mapped schema's own part must hold", so template parameters are
 *   really checked (JSON Schema validators ignore the discriminator keyword otherwise).
 * - The template button `index` pattern `^[2-6, 11-14]$` is garbled (a character class that refuses
 *   "0", the index of every first button, Meta's own interactive-template sample included); it is
 *   read as its description says, "Position index of the button (0-9)": `^[0-9]$`.
 */
export function metaMessageValidator(): ValidateFunction {
  const spec = load(readFileSync(contract('meta', 'business-messaging-api_v23.0.yaml'), 'utf8')) as Schema;
  const raw = spec.components.schemas as Record<string, Schema>;
  const schemas = Object.fromEntries(Object.entries(raw).map(([name, schema]) => [name, interpret(schema, raw, name)]));
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('url', true);
  ajv.addSchema({ $id: 'meta', components: { schemas } });
  return ajv.compile({ $ref: 'meta#/components/schemas/Message' });
}

const GARBLED_BUTTON_INDEX = '^[2-6, 11-14]$';

function interpret(schema: Schema, all: Record<string, Schema>, name: string | null): Schema {
  if (!schema || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => interpret(s, all, null)) as unknown as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) out[k] = typeof v === 'object' ? interpret(v as Schema, all, null) : v;
  if (out.pattern === GARBLED_BUTTON_INDEX) out.pattern = '^[0-9]$';
  if (Array.isArray(out.allOf)) {
    let closed = false;
    out.allOf = out.allOf.map((member: Schema) => {
      if (member && member.additionalProperties === false) {
        closed = true;
        const { additionalProperties: _drop, ...rest } = member;
        return rest;
      }
      return member;
    });
    if (closed) out.unevaluatedProperties = false;
  }
  if (out.discriminator?.mapping && !out.oneOf && !out.anyOf && name) {
    const prop = out.discriminator.propertyName as string;
    out.allOf = [...(out.allOf ?? []), ...Object.entries(out.discriminator.mapping as Record<string, string>).map(([value, ref]) => {
      const target = all[ref.split('/').pop()!]!;
      // The mapped schema is allOf [ $ref this, own part ]: apply only its own part (no self-recursion).
      const own = (target.allOf ?? [target]).filter((m: Schema) => m.$ref !== `#/components/schemas/${name}`);
      return { if: { properties: { [prop]: { const: value } }, required: [prop] }, then: { allOf: own.map((m: Schema) => rewriteRefs(interpret(m, all, null))) } };
    })];
  }
  return rewriteRefs(out);
}

function rewriteRefs(schema: Schema): Schema {
  if (schema && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/')) return { ...schema, $ref: `meta${schema.$ref}` };
  return schema;
}

/** Twilio's CreateMessageRequest (form body of POST …/Messages.json) and its Message resource. */
export function twilioValidators(): { createMessage: ValidateFunction; messageResource: ValidateFunction; spec: Schema } {
  const spec = JSON.parse(readFileSync(contract('twilio', 'twilio_api_v2010_messages_subset.json'), 'utf8')) as Schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Twilio's own formats: a phone number is E.164 or a channel address such as whatsapp:+15552229999 (see the To/From descriptions).
  ajv.addFormat('phone-number', /^(whatsapp:)?\+[1-9]\d{6,14}$/);
  ajv.addFormat('date-time-rfc-2822', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
  ajv.addFormat('uri-template', true);
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  ajv.addFormat('uri-map', true);
  ajv.addSchema({ $id: 'twilio', components: spec.components }, 'twilio');
  const fix = (s: Schema): Schema => JSON.parse(JSON.stringify(s).replaceAll('"#/components/', '"twilio#/components/'));
  const body = spec.paths['/2010-04-01/Accounts/{AccountSid}/Messages.json'].post.requestBody.content['application/x-www-form-urlencoded'].schema;
  return {
    createMessage: ajv.compile(fix(body)),
    messageResource: ajv.compile({ $ref: 'twilio#/components/schemas/api.v2010.account.message' }),
    spec,
  };
}
