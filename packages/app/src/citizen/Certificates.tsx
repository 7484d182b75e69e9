import { useRef, useState } from 'react';
import { Button, Form, Label, Link, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../api.ts';
import { formatDate } from '../format.ts';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';

/** A certificate as /api/v1/me/certificates gives it. */
export interface CertifiedStatusView {
  status: string;
  nameZh: string;
  nameEn: string;
  legalBasis: string;
}
interface Certificate {
  id: string;
  code: string;
  holderName: string;
  statuses: CertifiedStatusView[];
  issuedOn: string;
  validUntil: string;
  state: 'valid' | 'expired' | 'revoked';
  revokedAt: string | null;
}

export const statusLabel = (s: CertifiedStatusView, language: string) =>
  language.startsWith('en') ? s.nameEn : s.nameZh;

/** 資格證明書 (/me/certificates): issue one, list them, download the PDF, revoke. */
export function Certificates() {
  const { t, i18n } = useTranslation('citizen');
  const language = i18n.language;
  const list = useApi(() => apiGet<{ items: Certificate[] }>('/me/certificates'), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [said, setSaid] = useState<string>('');
  const saidRef = useRef<HTMLParagraphElement>(null);
  const [revoking, setRevoking] = useState<Certificate | undefined>();
  const title = t('certificates.title');

  async function issue() {
    setBusy(true);
    setError(undefined);
    setSaid('');
    try {
      const before = new Set(list.data?.items.map((c) => c.id));
      const certificate = await apiSend<Certificate>('POST', '/me/certificates');
      setSaid(
        t(before.has(certificate.id) ? 'certificates.same' : 'certificates.issued', {
          code: certificate.code,
        }),
      );
      list.reload();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('certificates.lead')}</p>
      <Button className="primary" onPress={issue} isDisabled={busy}>
        {busy ? t('certificates.issuing') : t('certificates.issue')}
      </Button>
      <p role="status" className={said ? 'notice' : 'visually-hidden'} ref={saidRef} tabIndex={-1}>
        {said}
      </p>
      {error !== undefined && <ProblemMessage error={error} />}
      {revoking && (
        <RevokeForm
          certificate={revoking}
          onDone={(revoked) => {
            setRevoking(undefined);
            if (revoked) {
              setSaid(t('certificates.revoked', { code: revoked.code }));
              // The form that had focus is gone: focus goes to what happened.
              requestAnimationFrame(() => saidRef.current?.focus());
              list.reload();
            }
          }}
        />
      )}

      <h2>{t('certificates.list')}</h2>
      {list.error !== undefined && <ProblemMessage error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('certificates.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="certificate-list">
          {list.data.items.map((c) => (
            <li key={c.id} className="card">
              <h3>
                {t('certificates.code')} <span className="code">{c.code}</span>{' '}
                <span className={`badge ${c.state === 'valid' ? 'ok' : 'bad'}`}>
                  {t(`certificates.state_${c.state}`)}
                </span>
              </h3>
              <dl className="facts">
                <dt>{t('certificates.states')}</dt>
                <dd>{c.statuses.map((s) => statusLabel(s, language)).join('、')}</dd>
                <dt>{t('certificates.issuedOn')}</dt>
                <dd>{formatDate(c.issuedOn, language)}</dd>
                <dt>{t('certificates.validUntil')}</dt>
                <dd>
                  {formatDate(c.validUntil, language)}
                  {c.revokedAt &&
                    `（${t('certificates.revokedOn', { date: formatDate(c.revokedAt, language) })}）`}
                </dd>
              </dl>
              <p className="actions">
                {/* A file, not a page of the app: a plain link the browser downloads. */}
                <a
                  href={`/api/v1/me/certificates/${encodeURIComponent(c.id)}/pdf`}
                  download={`certificate-${c.code}.pdf`}
                  aria-label={t('certificates.pdfLabel', { code: c.code })}
                >
                  {t('certificates.pdf')}
                </a>
                <Link
                  href={`/verify/${encodeURIComponent(c.code)}`}
                  aria-label={t('certificates.verifyLabel', { code: c.code })}
                >
                  {t('certificates.verifyLink')}
                </Link>
                {c.state === 'valid' && (
                  <Button
                    className="danger"
                    aria-label={t('certificates.revokeLabel', { code: c.code })}
                    onPress={() => setRevoking(c)}
                  >
                    {t('certificates.revoke')}
                  </Button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RevokeForm({
  certificate,
  onDone,
}: {
  certificate: Certificate;
  onDone: (revoked?: Certificate) => void;
}) {
  const { t } = useTranslation('citizen');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const headingId = `revoke-${certificate.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('certificates.revokeTitle', { code: certificate.code })}</h2>
      <Form
        className="form narrow"
        onSubmit={async (event) => {
          event.preventDefault();
          const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
          setBusy(true);
          setError(undefined);
          try {
            onDone(
              await apiSend<Certificate>(
                'POST',
                `/certificates/${encodeURIComponent(certificate.id)}/revoke`,
                {
                  reason,
                },
              ),
            );
          } catch (problem) {
            setError(problem);
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField name="reason" isRequired maxLength={1000} autoFocus>
          <Label>{t('certificates.reason')}</Label>
          <TextArea />
          <Text slot="description">{t('certificates.reasonHint')}</Text>
        </TextField>
        {error !== undefined && <ProblemMessage error={error} />}
        <p className="actions">
          <Button type="submit" className="danger" isDisabled={busy}>
            {t('certificates.confirmRevoke')}
          </Button>
          <Button onPress={() => onDone()}>{t('certificates.cancel')}</Button>
        </p>
      </Form>
    </section>
  );
}
