import type { CalculateResponse, ExplainedResult, ParameterUsed, Reason, ResultRef } from '@safetynet/rules';

/**
 * The JSON of POST /api/v1/calculate, written by hand: the response is every condition of every result
 * (some 1,100 reasons for a household and every program), and a condition's code, reference and messages
 * are the same text request after request. They are written once, as JSON, and reused; only the outcome,
 * the figures and the references to other results are written per request. The text written is the
 * response schema's (CalculateResponseSchema), field for field.
 */

const text = JSON.stringify;

/** A number, or null when absent or not finite (JSON has no NaN). */
const number = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : `${n}`);

interface Fixed {
  code: string;
  reference: string;
  /** `{"code":…,"passed":` */
  head: string;
  /** `,"reference":…,"message":{…},"threshold":` */
  middle: string;
}

/**
 * Per message object (the rules share one per condition text between requests): the condition's fixed
 * JSON. A message met under another code or reference is written afresh.
 */
const fixedParts = new WeakMap<object, Fixed>();

function fixedOf(reason: Reason): Fixed {
  const found = fixedParts.get(reason.message);
  if (found !== undefined && found.code === reason.code && found.reference === reason.reference) return found;
  const fixed: Fixed = {
    code: reason.code,
    reference: reason.reference,
    head: `{"code":${text(reason.code)},"passed":`,
    middle:
      `,"reference":${text(reason.reference)},"message":{"zh":${text(reason.message.zh)},` +
      `"en":${text(reason.message.en)}},"threshold":`,
  };
  fixedParts.set(reason.message, fixed);
  return fixed;
}

const refJson = (ref: ResultRef): string =>
  `{"program":${text(ref.program)},"entity":${text(ref.entity)},"id":${text(ref.id)}}`;

function reasonJson(reason: Reason): string {
  const fixed = fixedOf(reason);
  let json = `${fixed.head}${reason.passed === null ? 'null' : reason.passed}${fixed.middle}`;
  json += `${number(reason.threshold)},"value":${number(reason.value)}`;
  if (reason.because !== undefined) json += `,"because":${refJson(reason.because)}`;
  return `${json}}`;
}

function resultJson(result: ExplainedResult): string {
  let json =
    `{"program":${text(result.program)},"entity":${text(result.entity)},"id":${text(result.id)},` +
    `"eligible":${result.eligible === null ? 'null' : result.eligible},` +
    `"amountNtd":${number(result.amountNtd)},"reasons":[`;
  const { reasons } = result;
  for (let i = 0; i < reasons.length; i++)
    json += i === 0 ? reasonJson(reasons[i]!) : `,${reasonJson(reasons[i]!)}`;
  return `${json}],"requested":${result.requested}}`;
}

/** A parameter's entry, written once per entry (the rules make one per parameter value). */
const parameterTexts = new WeakMap<ParameterUsed, string>();
function parameterJson(entry: ParameterUsed): string {
  let json = parameterTexts.get(entry);
  if (json === undefined) {
    json =
      `{"id":${text(entry.id)},"value":${typeof entry.value === 'number' ? number(entry.value) : text(entry.value)},` +
      `"effectiveFrom":${text(entry.effectiveFrom)},"source":${text(entry.source)},` +
      `"confidence":${text(entry.confidence)}}`;
    parameterTexts.set(entry, json);
  }
  return json;
}

export function calculationJson(response: CalculateResponse): string {
  const parts: string[] = [];
  for (const result of response.results) parts.push(resultJson(result));
  const parameters: string[] = [];
  for (const entry of response.parameters) parameters.push(parameterJson(entry));
  return `{"results":[${parts.join(',')}],"parameters":[${parameters.join(',')}]}`;
}
