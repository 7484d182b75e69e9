import { FactError } from '@safetynet/rules';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.ts';
import { RegistryError } from '../registry/errors.ts';

/**
 * Every error is an RFC 9457 problem document (application/problem+json) with a Traditional Chinese
 * title and detail and their English, field errors listed; never a stack trace or an internal message.
 */
export interface FieldError {
  field: string;
  message_zh: string;
  message_en: string;
}

export interface Problem {
  type: string;
  title: string;
  title_en: string;
  status: number;
  detail: string;
  detail_en: string;
  instance?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, [string, string]> = {
  400: ['請求內容有誤', 'Bad request'],
  401: ['尚未登入或登入已失效', 'Unauthorized'],
  403: ['沒有權限', 'Forbidden'],
  404: ['找不到資源', 'Not found'],
  405: ['不支援此方法', 'Method not allowed'],
  409: ['與現有資料衝突', 'Conflict'],
  413: ['請求內容過大', 'Payload too large'],
  414: ['網址過長', 'URI too long'],
  415: ['不支援的內容類型', 'Unsupported media type'],
  422: ['不符規定，無法辦理', 'Unprocessable content'],
  429: ['請求過於頻繁', 'Too many requests'],
  500: ['系統發生錯誤', 'Internal error'],
};

export function problem(status: number, detailZh: string, detailEn: string, errors?: FieldError[]): Problem {
  const [title, titleEn] = TITLES[status] ?? TITLES[500]!;
  return {
    type: `https://safetynet.example/problems/${status}`,
    title,
    title_en: titleEn,
    status,
    detail: detailZh,
    detail_en: detailEn,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** ajv's validation errors → our field errors (the field as a path: body.persons.0.birthDate). */
function fieldErrors(error: FastifyError): FieldError[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const path = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
    const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
    const field = [context, path, extra].filter(Boolean).join('.');
    // An event whose `type` names no known type (a discriminator): name the `type` field itself.
    if (params.tag)
      return {
        field: `${field}.${params.tag}`,
        message_zh: '未知的類型',
        message_en: `unknown ${params.tag}`,
      };
    if (params.missingProperty) return { field, message_zh: '必填', message_en: 'is required' };
    if (params.additionalProperty) return { field, message_zh: '未知的欄位', message_en: 'unknown field' };
    if (params.allowedValues) {
      const allowed = (params.allowedValues as unknown[]).join(', ');
      return { field, message_zh: `須為下列之一：${allowed}`, message_en: `must be one of: ${allowed}` };
    }
    if (params.type)
      return { field, message_zh: `型別須為 ${params.type}`, message_en: `must be of type ${params.type}` };
    if (params.format)
      return {
        field,
        message_zh: `格式須為 ${params.format}`,
        message_en: `must match format ${params.format}`,
      };
    if (params.pattern)
      return { field, message_zh: '格式不符', message_en: `must match the pattern ${params.pattern}` };
    if (params.limit !== undefined)
      return {
        field,
        message_zh: `超出範圍（${params.comparison ?? ''} ${params.limit}）`,
        message_en: v.message ?? 'out of range',
      };
    return { field, message_zh: '內容不符', message_en: v.message ?? 'invalid' };
  });
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.validation) {
      const errors = fieldErrors(error);
      const fields = errors.map((e) => e.field).join(', ');
      return sendProblem(reply, {
        ...problem(400, `欄位有誤：${fields}`, `invalid fields: ${fields}`, errors),
        instance: request.url,
      });
    }
    if (error instanceof FactError) {
      // The rules name fields inside the request body (persons.p1.birthDate); the API names them from the
      // body like the schema's errors do (body.persons.p1.birthDate).
      const errors = error.problems.map((p) => ({
        field: `body.${p.field}`,
        message_zh: p.zh,
        message_en: p.en,
      }));
      const fields = errors.map((e) => e.field).join(', ');
      return sendProblem(reply, {
        ...problem(400, `欄位有誤：${fields}`, `invalid fields: ${fields}`, errors),
        instance: request.url,
      });
    }
    if (error instanceof RegistryError || error instanceof ApiError) {
      const errors = error.field
        ? [{ field: error.field, message_zh: error.zh, message_en: error.en }]
        : undefined;
      return sendProblem(reply, {
        ...problem(error.status, error.zh, error.en, errors),
        instance: request.url,
      });
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    const [zh, en] =
      status === 500
        ? [
            '請稍後再試；若持續發生請聯絡系統管理者。',
            'Please try again later; if it persists, contact the administrator.',
          ]
        : status === 400 && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? ['請求內容不是有效的 JSON', 'the body is not valid JSON']
          : error.code?.startsWith('FST_CSRF_')
            ? [
                'CSRF 驗證碼無效：請於 x-csrf-token 標頭附上登入時取得的驗證碼',
                'invalid CSRF token: send the token from sign-in (or GET /api/v1/session) in the x-csrf-token header',
              ]
            : [TITLES[status]?.[0] ?? '請求有誤', TITLES[status]?.[1] ?? 'request error'];
    return sendProblem(reply, { ...problem(status, zh, en), instance: request.url });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      ...problem(
        404,
        `沒有這個路徑：${request.method} ${request.url}`,
        `no such route: ${request.method} ${request.url}`,
      ),
      instance: request.url,
    }),
  );
}
