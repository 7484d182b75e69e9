import { useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Link, Modal } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend, query } from '../api.ts';
import { formatMonth, formatNtd } from '../format.ts';
import { useSession } from '../session.tsx';
import { textOf, useNames } from '../staff/shared.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';

interface Counts {
  continue: number;
  change: number;
  end: number;
  confirmed: number;
  pending: number;
}

/** GET /api/v1/annual-reviews/{id}. */
interface Summary {
  id: string;
  year: number;
  effectiveMonth: string;
  reviewed: number;
  totals: Counts;
  byDistrict: ({ districtCode: string } & Counts)[];
}

/** GET /api/v1/annual-reviews/{id}/items. */
interface Item {
  id: string;
  program: string;
  entity: 'person' | 'household';
  entityId: string;
  districtCode: string;
  currentAmountNtd: number;
  outcome: 'continue' | 'change' | 'end';
  newAmountNtd: number | null;
  reasons: { code: string; reference: string; message: { zh: string; en: string }; undetermined?: boolean }[];
  status: 'pending' | 'confirmed';
}

interface Confirmed {
  confirmed: number;
  continue: number;
  change: number;
  end: number;
  alreadyConfirmed: number;
  overpayments: number;
}

const PAGE_SIZE = 50;

/** One year's review: the counts per district, the items, and a district clerk's confirmation in bulk. */
export function AnnualReview({ id }: { id: string }) {
  const { t, i18n } = useTranslation('operations');
  const language = i18n.language;
  const names = useNames();
  const { account } = useSession();
  const [outcome, setOutcome] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [confirmed, setConfirmed] = useState<Confirmed>();
  const [error, setError] = useState<unknown>();
  const summary = useApi(() => apiGet<Summary>(`/annual-reviews/${id}`), [id]);
  const items = useApi(
    () =>
      apiGet<{ items: Item[]; total: number }>(
        `/annual-reviews/${id}/items${query({ outcome, status, page, pageSize: PAGE_SIZE })}`,
      ),
    [id, outcome, status, page],
  );
  const clerkDistricts = new Set(account?.role === 'district-clerk' ? (account.districts ?? []) : []);

  const [confirming, setConfirming] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  /** Confirms the district (the dialog stays open, its buttons off, until the answer), then tells the outcome. */
  async function confirmDistrict(district: string, close: () => void) {
    setError(undefined);
    setConfirming(true);
    try {
      setConfirmed(await apiSend<Confirmed>('POST', `/annual-reviews/${id}/confirm`, { district }));
      summary.reload();
      items.reload();
    } catch (problem) {
      setError(problem);
    } finally {
      setConfirming(false);
      close();
      // The button that opened the dialog is gone once nothing is pending: focus goes to what happened.
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  }

  if (summary.loading && !summary.data) return <Loading />;
  if (!summary.data) return <ProblemMessage error={summary.error} onRetry={summary.reload} />;
  const review = summary.data;
  const title = t('review.title', { year: review.year });
  const pages = Math.max(1, Math.ceil((items.data?.total ?? 0) / PAGE_SIZE));
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('review.effective', { month: formatMonth(review.effectiveMonth, language) })}</p>
      <div ref={outcomeRef} tabIndex={-1}>
        {confirmed && (
          <p className="notice" role="status">
            {t('review.confirmedResult', { ...confirmed, already: confirmed.alreadyConfirmed })}
          </p>
        )}
        {error !== undefined && <ProblemMessage error={error} />}
      </div>
      <h2>{t('review.byDistrict')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('review.district')}</th>
              {(['continue', 'change', 'end', 'confirmed', 'pending'] as const).map((key) => (
                <th scope="col" className="number" key={key}>
                  {t(`review.${key}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('review.confirmDistrict')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {review.byDistrict.map((row) => (
              <tr key={row.districtCode}>
                <th scope="row">{names.district(row.districtCode)}</th>
                {(['continue', 'change', 'end', 'confirmed', 'pending'] as const).map((key) => (
                  <td className="number" key={key}>
                    {row[key].toLocaleString()}
                  </td>
                ))}
                <td>
                  {clerkDistricts.has(row.districtCode) && row.pending > 0 && (
                    <DialogTrigger>
                      <Button className="primary" isDisabled={confirming}>
                        {t('review.confirmDistrict')}
                      </Button>
                      <Modal className="modal">
                        <Dialog className="dialog">
                          {({ close }) => (
                            <>
                              <Heading slot="title">
                                {t('review.confirmTitle', { district: names.district(row.districtCode) })}
                              </Heading>
                              <p>{t('review.confirmBody', { count: row.pending })}</p>
                              <div className="actions">
                                <Button onPress={close} isDisabled={confirming}>
                                  {t('review.cancel')}
                                </Button>
                                <Button
                                  className="primary"
                                  isDisabled={confirming}
                                  onPress={() => confirmDistrict(row.districtCode, close)}
                                >
                                  {t('review.confirm')}
                                </Button>
                              </div>
                            </>
                          )}
                        </Dialog>
                      </Modal>
                    </DialogTrigger>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('review.items')}</h2>
      <div className="filters">
        <label>
          {t('review.filterOutcome')}{' '}
          <select
            value={outcome}
            onChange={(event) => {
              setOutcome(event.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('review.all')}</option>
            <option value="continue">{t('review.continue')}</option>
            <option value="change">{t('review.change')}</option>
            <option value="end">{t('review.end')}</option>
          </select>
        </label>
        <label>
          {t('review.filterStatus')}{' '}
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('review.all')}</option>
            <option value="pending">{t('review.pending')}</option>
            <option value="confirmed">{t('review.confirmed')}</option>
          </select>
        </label>
      </div>
      {items.loading && <Loading />}
      {items.error !== undefined && <ProblemMessage error={items.error} onRetry={items.reload} />}
      {items.data &&
        (items.data.items.length === 0 ? (
          <p>{t('review.noItems')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('review.program')}</th>
                  <th scope="col">{t('review.entity')}</th>
                  <th scope="col">{t('review.district')}</th>
                  <th scope="col" className="number">
                    {t('review.current')}
                  </th>
                  <th scope="col">{t('review.outcome')}</th>
                  <th scope="col" className="number">
                    {t('review.newAmount')}
                  </th>
                  <th scope="col">{t('review.reasons')}</th>
                  <th scope="col">{t('review.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>{names.program(item.program)}</td>
                    <td>
                      <Link
                        href={
                          item.entity === 'household'
                            ? `/staff/households/${item.entityId}`
                            : `/staff/persons/${item.entityId}`
                        }
                      >
                        {t(`review.${item.entity}`)}
                      </Link>
                    </td>
                    <td>{names.district(item.districtCode)}</td>
                    <td className="number">{formatNtd(item.currentAmountNtd, language)}</td>
                    <td>{t(`review.${item.outcome}`)}</td>
                    <td className="number">{formatNtd(item.newAmountNtd, language)}</td>
                    <td>
                      <ul className="reasons">
                        {item.reasons.map((reason) => (
                          <li key={reason.code}>
                            {textOf(reason.message, language)}{' '}
                            <span className="hint">{reason.reference}</span>
                            {reason.undetermined && <span className="hint"> {t('review.undetermined')}</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {t(`review.${item.status}`)}
                      {item.status === 'confirmed' && item.outcome !== 'continue' && (
                        <>
                          {' '}
                          <a href={`/api/v1/annual-reviews/${id}/items/${item.id}/notice.pdf`}>
                            {t('review.noticePdf')}
                          </a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <nav className="pager" aria-label={t('review.items')}>
        <Button isDisabled={page <= 1} onPress={() => setPage(page - 1)}>
          {t('review.previous')}
        </Button>
        <span>{t('review.pageOf', { page, pages, total: items.data?.total ?? 0 })}</span>
        <Button isDisabled={page >= pages} onPress={() => setPage(page + 1)}>
          {t('review.next')}
        </Button>
      </nav>
    </>
  );
}
