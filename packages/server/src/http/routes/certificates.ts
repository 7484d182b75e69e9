import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import { taipeiDay } from '@safetynet/core/calendar';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import type { Acting } from '../../benefits/benefit-services.ts';
import {
  type CertificateRow,
  type CertificateServices,
  type CertifiedStatus,
  describeStatus,
  issueCertificate,
  listHouseholdCertificates,
  listOwnCertificates,
  ownCertificate,
  revokeCertificate,
  stateOf,
  todayOf,
  verifyCode,
} from '../../certificates/certificates.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { renderCertificate } from '../../notices/certificate.ts';
import { Text } from '../application-schemas.ts';
import { IdParams, IsoDate, Uuid } from '../schemas.ts';

/**
 * 資格證明書 Eligibility certificates: a citizen prints one for their household (MyData); anyone holding
 * the paper checks its code at the public verification page (`/verify/<code>` of the web app, which reads
 * `GET /certificates/verify/{code}`).
 */
export interface CertificateRouteOptions extends CertificateServices {
  publicRateLimit: IdentityServices['publicRateLimit'];
  /** The web app's address for the QR code (SAFETYNET_PUBLIC_URL); default the request's origin. */
  publicUrl?: string | undefined;
}

const acting = (request: FastifyRequest): Acting => ({ actor: request.actor, audit: request.audit });

const StatusView = Type.Object({
  status: Type.String({ enum: ['low_income', 'mid_low_income', 'disability'] }),
  nameZh: Type.String({ examples: ['低收入戶（第2類）'] }),
  nameEn: Type.String(),
  legalBasis: Type.String({ examples: ['社會救助法第4條'] }),
});

const CertificateView = Type.Object({
  id: Uuid,
  code: Type.String({ examples: ['7K3M-9QXR-2HBW'] }),
  holderName: Type.String({ description: 'Masked', examples: ['王○明'] }),
  householdId: Uuid,
  statuses: Type.Array(StatusView),
  issuedOn: IsoDate,
  validUntil: IsoDate,
  state: Type.String({ enum: ['valid', 'expired', 'revoked'] }),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
});

const Verification = Type.Object({
  code: Type.String(),
  status: Type.String({
    enum: ['genuine', 'expired', 'revoked', 'not-genuine'],
    description:
      'genuine: the signature checks and it is current; expired / revoked: genuine but no longer in force; ' +
      'not-genuine: the stored certificate is not what was signed (nothing it states is shown)',
  }),
  genuine: Type.Boolean(),
  current: Type.Boolean(),
  holderName: Type.Union([Type.String({ description: 'Masked, e.g. 王○明' }), Type.Null()]),
  statuses: Type.Array(StatusView),
  issuedOn: Type.Union([IsoDate, Type.Null()]),
  validUntil: Type.Union([IsoDate, Type.Null()]),
  revokedOn: Type.Union([IsoDate, Type.Null()]),
  issuer: Type.String(),
});

const statusViews = (statuses: unknown) =>
  (statuses as CertifiedStatus[]).map((status) => {
    const { zh, en, legalBasis } = describeStatus(status);
    return { status: status.status, nameZh: zh, nameEn: en, legalBasis };
  });

function certificateView(row: CertificateRow, today: string) {
  return {
    id: row.certificate_id,
    code: row.code,
    holderName: row.holder_name_masked,
    householdId: row.household_id,
    statuses: statusViews(row.statuses),
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    state: stateOf(row, today),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    revokeReason: row.revoke_reason,
  };
}

const ISSUER = '高雄市政府社會局 Social Affairs Bureau, Kaohsiung City Government';

export function certificateRoutes(options: CertificateRouteOptions): FastifyPluginAsyncTypebox {
  const services: CertificateServices = options;
  return async (app) => {
    app.post(
      '/me/certificates',
      {
        config: { policy: 'certificates:self' },
        schema: {
          tags: ['identity'],
          summary: '開立資格證明書（民眾本人） Issue an eligibility certificate for one’s own household',
          description:
            '證明發證日戶籍登錄之低收入戶、中低收入戶及本人身心障礙身分，有效期限三個月（身分提前屆止者至其前一日）；' +
            '同日再次申請且內容相同、未撤銷者，回傳同一份（200）。無可證明身分者 422。' +
            'States the household’s low-income or mid-low-income status and the holder’s disability on the day ' +
            'of issue, valid three months (or until the day before a stated status ends). Asking again the same ' +
            'day returns the same certificate (200) while it states the same and is not revoked; a new one is 201. ' +
            'No status to certify: 422.',
          response: { '2xx': CertificateView },
        },
      },
      async (request, reply) => {
        const { certificate, created } = await issueCertificate(services, acting(request));
        return reply.code(created ? 201 : 200).send(certificateView(certificate, todayOf(services)));
      },
    );

    app.get(
      '/me/certificates',
      {
        config: { policy: 'certificates:self' },
        schema: {
          tags: ['identity'],
          summary: '我的資格證明書 The signed-in citizen’s certificates, newest first',
          response: { 200: Type.Object({ items: Type.Array(CertificateView) }) },
        },
      },
      async (request) => {
        const rows = await listOwnCertificates(services, acting(request));
        if (request.actor.kind === 'citizen')
          request.auditReads.push({
            action: 'list-certificates',
            recordType: 'person',
            recordId: request.actor.personId,
          });
        const today = todayOf(services);
        return { items: rows.map((row) => certificateView(row, today)) };
      },
    );

    app.get(
      '/me/certificates/:id/pdf',
      {
        config: { policy: 'certificates:self' },
        schema: {
          tags: ['identity'],
          summary:
            '資格證明書（PDF） One’s own certificate as a PDF (Traditional Chinese, ROC dates, QR code)',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const row = await ownCertificate(services, acting(request), request.params.id);
        const origin = options.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
        const pdf = await renderCertificate({
          holderName: row.holder_name_masked,
          statuses: (row.statuses as CertifiedStatus[]).map(describeStatus),
          issuedOn: row.issued_on,
          validUntil: row.valid_until,
          code: row.code,
          verifyUrl: `${origin}/verify/${row.code}`,
        });
        request.auditReads.push({
          action: 'read',
          recordType: 'certificate',
          recordId: row.certificate_id,
          details: { format: 'pdf' },
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="certificate-${row.code}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      '/certificates',
      {
        config: { policy: 'certificates:revoke' },
        schema: {
          tags: ['identity'],
          summary:
            '家戶之資格證明書（本區承辦人） A household’s certificates, newest first, for a clerk of its district (to revoke one)',
          querystring: Type.Object({ household: Uuid }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(CertificateView) }) },
        },
      },
      async (request) => {
        const rows = await listHouseholdCertificates(services, acting(request), request.query.household);
        request.auditReads.push({
          action: 'list-certificates',
          recordType: 'household',
          recordId: request.query.household,
          details: { ids: rows.map((row) => row.certificate_id) },
        });
        const today = todayOf(services);
        return { items: rows.map((row) => certificateView(row, today)) };
      },
    );

    app.post(
      '/certificates/:id/revoke',
      {
        config: { policy: 'certificates:revoke' },
        schema: {
          tags: ['identity'],
          summary:
            '撤銷資格證明書（本人或本區承辦人） Revoke a certificate (its holder, or a clerk of its district)',
          params: IdParams,
          body: Type.Object(
            { reason: Text(1000, '撤銷理由 Why it is revoked') },
            { additionalProperties: false },
          ),
          response: { 200: CertificateView },
        },
      },
      async (request) => {
        const row = await revokeCertificate(
          services,
          acting(request),
          request.params.id,
          request.body.reason,
        );
        return certificateView(row, todayOf(services));
      },
    );

    app.get(
      '/certificates/verify/:code',
      {
        config: { policy: 'public:read', rateLimit: options.publicRateLimit },
        schema: {
          tags: ['identity'],
          summary: '查驗資格證明書（公開） Check a certificate by its code (public)',
          description:
            '僅回傳證明書所載事項：身分、遮蔽之姓名、發證日與有效期限；不含身分證號、地址或戶號。' +
            'Answers only what the certificate states: the statuses, the masked name, the issue date and ' +
            'validity; never an ID number, an address or a household. An unknown code is 404.',
          params: Type.Object(
            { code: Type.String({ minLength: 1, maxLength: 32, examples: ['7K3M-9QXR-2HBW'] }) },
            { additionalProperties: false },
          ),
          response: { 200: Verification },
        },
      },
      async (request) => {
        const found = await verifyCode(services, request.params.code);
        if (!found.found)
          throw new ApiError(
            404,
            '查無此驗證碼之資格證明書，請確認驗證碼是否正確',
            'no certificate has this verification code; check the code',
          );
        const { row, status, genuine } = found;
        // Who checks is nobody's business: the record says a certificate was checked, not by whom.
        await services.audit.appendAlone(
          services.database.db,
          { actor: { ...ANONYMOUS, name: 'verification' }, ip: null, purpose: null },
          [
            {
              action: 'verify',
              recordType: 'certificate',
              recordId: row.certificate_id,
              details: { status },
            },
          ],
        );
        return {
          code: row.code,
          status,
          genuine,
          current: status === 'genuine',
          holderName: genuine ? row.holder_name_masked : null,
          statuses: genuine ? statusViews(row.statuses) : [],
          issuedOn: genuine ? row.issued_on : null,
          validUntil: genuine ? row.valid_until : null,
          revokedOn: genuine && row.revoked_at ? taipeiDay(row.revoked_at) : null,
          issuer: ISSUER,
        };
      },
    );
  };
}
