import { Button, Form, Input, Label, Link, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiProblem, apiGet } from '../api.ts';
import { formatDate } from '../format.ts';
import { navigate } from '../router.tsx';
import { PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { type CertifiedStatusView, statusLabel } from './Certificates.tsx';

/** GET /api/v1/certificates/verify/{code}: only what the certificate states. */
interface Verification {
  code: string;
  status: 'genuine' | 'expired' | 'revoked' | 'not-genuine';
  genuine: boolean;
  current: boolean;
  holderName: string | null;
  statuses: CertifiedStatusView[];
  issuedOn: string | null;
  validUntil: string | null;
  revokedOn: string | null;
  issuer: string;
}

const MESSAGE: Record<Verification['status'], string> = {
  genuine: 'verify.genuine',
  expired: 'verify.expired',
  revoked: 'verify.revoked',
  'not-genuine': 'verify.notGenuine',
};

/** 驗證資格證明書 (/verify, /verify/:code; public): the code typed in or opened from the QR code. */
export function Verify({ code }: { code?: string | undefined }) {
  const { t } = useTranslation('citizen');
  const title = t('verify.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('verify.lead')}</p>
      <Form
        className="form narrow"
        onSubmit={(event) => {
          event.preventDefault();
          const typed = String(new FormData(event.currentTarget).get('code') ?? '')
            .trim()
            .toUpperCase();
          if (typed) navigate(`/verify/${encodeURIComponent(typed)}`);
        }}
      >
        <TextField name="code" isRequired maxLength={32} defaultValue={code ?? ''} key={code ?? ''}>
          <Label>{t('verify.code')}</Label>
          <Input autoComplete="off" spellCheck={false} />
          <Text slot="description">{t('verify.codeHint')}</Text>
        </TextField>
        <Button type="submit" className="primary">
          {t('verify.submit')}
        </Button>
      </Form>
      {code && <VerificationResult code={code} />}
    </>
  );
}

function VerificationResult({ code }: { code: string }) {
  const { t, i18n } = useTranslation('citizen');
  const language = i18n.language;
  const { data, error, loading, reload } = useApi(
    () =>
      apiGet<Verification>(`/certificates/verify/${encodeURIComponent(code)}`).catch((problem) => {
        // An unknown code is an answer, not a failure.
        if (problem instanceof ApiProblem && problem.status === 404) return null;
        throw problem;
      }),
    [code],
  );
  const notFound = data === null;
  return (
    <section aria-labelledby="verify-result" className="verification">
      <h2 id="verify-result">{t('verify.result')}</h2>
      <div role="status" aria-live="polite">
        {loading && <p className="loading">{t('verify.checking')}</p>}
        {!loading && notFound && <p className="verdict bad">{t('verify.notFound')}</p>}
        {!loading && data && (
          <p className={`verdict ${data.status === 'genuine' ? 'ok' : 'bad'}`}>{t(MESSAGE[data.status])}</p>
        )}
      </div>
      {!loading && error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {!loading && data?.genuine && (
        <>
          <h3>{t('verify.states')}</h3>
          <dl className="facts">
            <dt>{t('verify.code')}</dt>
            <dd className="code">{data.code}</dd>
            <dt>{t('verify.holder')}</dt>
            <dd>{data.holderName}</dd>
            <dt>{t('verify.statuses')}</dt>
            <dd>
              <ul className="plain">
                {data.statuses.map((s) => (
                  <li key={s.status}>
                    {statusLabel(s, language)}（{t('verify.legalBasis')}：{s.legalBasis}）
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('verify.issuedOn')}</dt>
            <dd>{formatDate(data.issuedOn, language)}</dd>
            <dt>{t('verify.validUntil')}</dt>
            <dd>{formatDate(data.validUntil, language)}</dd>
            {data.revokedOn && (
              <>
                <dt>{t('verify.revokedOn')}</dt>
                <dd>{formatDate(data.revokedOn, language)}</dd>
              </>
            )}
            <dt>{t('verify.issuer')}</dt>
            <dd>{data.issuer}</dd>
          </dl>
        </>
      )}
      <p>
        <Link href="/verify">{t('verify.checkAnother')}</Link>
      </p>
    </section>
  );
}
