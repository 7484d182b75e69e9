import { useId, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Label,
  Modal,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend, query } from '../api.ts';
import { formatDate } from '../format.ts';
import { Loading, ProblemMessage, useApi } from '../ui.tsx';
import { english } from './shared.tsx';

/** GET /api/v1/certificates?household=. */
interface Certificate {
  id: string;
  code: string;
  holderName: string;
  statuses: { nameZh: string; nameEn: string }[];
  issuedOn: string;
  validUntil: string;
  state: 'valid' | 'expired' | 'revoked';
  revokeReason: string | null;
}

/**
 * 資格證明書 The household's eligibility certificates for a clerk of its district: what each states, until when,
 * and revoking one that no longer holds (a status ended, a member left), with the reason.
 */
export function HouseholdCertificates({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(
    () => apiGet<{ items: Certificate[] }>(`/certificates${query({ household: householdId })}`),
    [householdId],
  );
  const [failure, setFailure] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  // A revoked certificate's button is gone: focus goes to the section, whose table says what happened.
  const focusSection = () => requestAnimationFrame(() => heading.current?.focus());
  const en = english(i18n.language);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('certificates.title')}
      </h2>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {failure !== undefined && <ProblemMessage error={failure} />}
      {data &&
        (data.items.length === 0 ? (
          <p>{t('certificates.none')}</p>
        ) : (
          <div className="table-scroll">
            <table aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('certificates.code')}</th>
                  <th scope="col">{t('certificates.holder')}</th>
                  <th scope="col">{t('certificates.statuses')}</th>
                  <th scope="col">{t('certificates.issued')}</th>
                  <th scope="col">{t('certificates.validUntil')}</th>
                  <th scope="col">{t('certificates.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((certificate) => (
                  <tr key={certificate.id}>
                    <th scope="row">
                      <code>{certificate.code}</code>
                    </th>
                    <td>{certificate.holderName}</td>
                    <td>{certificate.statuses.map((s) => (en ? s.nameEn : s.nameZh)).join('、')}</td>
                    <td>{formatDate(certificate.issuedOn, i18n.language)}</td>
                    <td>{formatDate(certificate.validUntil, i18n.language)}</td>
                    <td>
                      {t(`certificates.${certificate.state}`)}
                      {certificate.revokeReason && (
                        <span className="hint">（{certificate.revokeReason}）</span>
                      )}
                      {certificate.state === 'valid' && (
                        <RevokeButton
                          certificate={certificate}
                          onRevoked={() => {
                            setFailure(undefined);
                            reload();
                            focusSection();
                          }}
                          onFailed={(problem) => {
                            setFailure(problem);
                            focusSection();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

function RevokeButton({
  certificate,
  onRevoked,
  onFailed,
}: {
  certificate: Certificate;
  onRevoked: () => void;
  onFailed: (problem: unknown) => void;
}) {
  const { t } = useTranslation('staff');
  const [busy, setBusy] = useState(false);
  return (
    <DialogTrigger>
      <Button className="danger" isDisabled={busy}>
        {t('certificates.revoke')}
      </Button>
      <Modal className="modal">
        <Dialog className="dialog">
          {({ close }) => (
            <Form
              className="form"
              onSubmit={async (event) => {
                event.preventDefault();
                const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
                if (!reason) return;
                // The dialog stays open, its buttons off, until the answer.
                setBusy(true);
                try {
                  await apiSend('POST', `/certificates/${certificate.id}/revoke`, { reason });
                  onRevoked();
                } catch (problem) {
                  onFailed(problem);
                } finally {
                  setBusy(false);
                  close();
                }
              }}
            >
              <Heading slot="title">{t('certificates.revokeTitle', { code: certificate.code })}</Heading>
              <TextField name="reason" isRequired>
                <Label>{t('certificates.reason')}</Label>
                <TextArea rows={3} />
              </TextField>
              <div className="actions">
                <Button onPress={close} isDisabled={busy}>
                  {t('certificates.cancel')}
                </Button>
                <Button type="submit" className="primary danger" isDisabled={busy}>
                  {t('certificates.revoke')}
                </Button>
              </div>
            </Form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
