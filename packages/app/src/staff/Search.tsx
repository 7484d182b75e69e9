import { useEffect, useId, useState } from 'react';
import {
  Button,
  FieldError,
  Form,
  Input,
  Label,
  Link,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { formatDate } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { english, type PageOf, TableScroll, useNames } from './shared.tsx';

const PAGE_SIZE = 20;
const ANY = 'any';

interface PersonSummary {
  id: string;
  idNumber: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  district: { code: string; nameZh: string; nameEn: string } | null;
  deathDate: string | null;
}

interface HouseholdSummary {
  id: string;
  districtCode: string;
  address: string | null;
  validFrom: string;
}

/** The ID number searched for, kept with the history entry (not in the address). */
const idNumberOfEntry = () => {
  const state = window.history.state as { idNumber?: string } | null;
  return typeof state?.idNumber === 'string' ? state.idNumber : '';
};

/**
 * 查詢個人與家戶 Persons by ID number, name prefix and district; households by a member's ID number or
 * district. The name, district and page live in the address and the ID number with the history entry, so going
 * back returns to the same results without the ID number in the browser's list of addresses.
 */
export function Search() {
  const { t } = useTranslation('staff');
  const { search } = useLocation();
  const [idNumber, setIdNumber] = useState(idNumberOfEntry);
  useEffect(() => {
    const follow = () => setIdNumber(idNumberOfEntry());
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const name = search.get('name') ?? '';
  const district = search.get('district') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const names = useNames();
  const asked = Boolean(idNumber || name || district);

  return (
    <>
      <PageTitle title={t('search.title')}>{t('search.title')}</PageTitle>
      <p>{t('search.lead')}</p>
      <Form
        className="form narrow"
        // The form's fields keep what was typed; a new search (or back) changes the key and resets them.
        key={`${idNumber}|${name}|${district}`}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const chosen = String(data.get('district') ?? '');
          const typed = String(data.get('idNumber') ?? '')
            .trim()
            .toUpperCase();
          navigate(
            `/staff/search${query({
              name: String(data.get('name') ?? '').trim(),
              district: chosen === ANY ? '' : chosen,
              // A search by ID number alone still needs an address of its own (back returns to it).
              by: typed ? 'id' : undefined,
            })}`,
            { state: { idNumber: typed } },
          );
        }}
      >
        <TextField
          name="idNumber"
          defaultValue={idNumber}
          minLength={10}
          maxLength={10}
          autoComplete="off"
          validate={(value) =>
            value && !/^[A-Za-z][A-Za-z0-9]\d{8}$/.test(value.trim()) ? t('search.idNumberHint') : null
          }
        >
          <Label>{t('search.idNumber')}</Label>
          <Input />
          <Text slot="description">{t('search.idNumberHint')}</Text>
          <FieldError />
        </TextField>
        <TextField name="name" defaultValue={name} maxLength={50} autoComplete="off">
          <Label>{t('search.name')}</Label>
          <Input />
        </TextField>
        <Select name="district" defaultSelectedKey={district || ANY}>
          <Label>{t('search.district')}</Label>
          <Button className="react-aria-Button select-button">
            <SelectValue />
            <span aria-hidden="true"> ▾</span>
          </Button>
          <Popover>
            <ListBox className="listbox">
              <ListBoxItem id={ANY}>{t('search.anyDistrict')}</ListBoxItem>
              {names.districts.map((d) => (
                <ListBoxItem id={d.code} key={d.code}>
                  {names.district(d.code)}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        <Button type="submit" className="primary">
          {t('search.submit')}
        </Button>
      </Form>
      {asked ? (
        <>
          {(idNumber || name) && (
            <PersonResults idNumber={idNumber} name={name} district={district} page={page} />
          )}
          {(idNumber || (district && !name)) && (
            <HouseholdResults idNumber={idNumber} district={district} page={idNumber || name ? 1 : page} />
          )}
        </>
      ) : (
        <p className="hint">{t('search.needCriteria')}</p>
      )}
    </>
  );
}

function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation('staff');
  const { search } = useLocation();
  if (total <= pageSize) return null;
  const go = (to: number) => {
    const next = new URLSearchParams(search);
    next.set('page', String(to));
    // The ID number searched for goes along with the entry, not in the address.
    navigate(`/staff/search?${next}`, { state: window.history.state ?? undefined });
  };
  return (
    <div className="pager" style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
      <Button isDisabled={page <= 1} onPress={() => go(page - 1)}>
        {t('search.previous')}
      </Button>
      <span>
        {t('search.showing', {
          from: (page - 1) * pageSize + 1,
          to: Math.min(page * pageSize, total),
          total,
        })}
      </span>
      <Button isDisabled={page * pageSize >= total} onPress={() => go(page + 1)}>
        {t('search.next')}
      </Button>
    </div>
  );
}

function PersonResults({
  idNumber,
  name,
  district,
  page,
}: {
  idNumber: string;
  name: string;
  district: string;
  page: number;
}) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(
    () =>
      apiGet<PageOf<PersonSummary>>(
        `/persons${query({ idNumber, name, district, page, pageSize: PAGE_SIZE })}`,
      ),
    [idNumber, name, district, page],
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('search.persons')}</h2>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && !loading && (
        <>
          <p role="status">
            {data.total === 0 ? t('search.none') : t('search.personsCaption', { count: data.total })}
          </p>
          {data.items.length > 0 && (
            <TableScroll>
              <table aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t('search.colName')}</th>
                    <th scope="col">{t('search.colIdNumber')}</th>
                    <th scope="col">{t('search.colBirth')}</th>
                    <th scope="col">{t('search.colSex')}</th>
                    <th scope="col">{t('search.colDistrict')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link href={`/staff/persons/${p.id}`}>{p.name}</Link>
                      </th>
                      <td>
                        <code>{p.idNumber}</code>
                      </td>
                      <td>{formatDate(p.birthDate, i18n.language)}</td>
                      <td>{t(`sex.${p.sex}`)}</td>
                      <td>
                        {p.district ? (english(i18n.language) ? p.district.nameEn : p.district.nameZh) : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={data.total} />
        </>
      )}
    </section>
  );
}

function HouseholdResults({
  idNumber,
  district,
  page,
}: {
  idNumber: string;
  district: string;
  page: number;
}) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const names = useNames();
  const { data, error, loading, reload } = useApi(
    () =>
      apiGet<PageOf<HouseholdSummary>>(
        `/households${query({ memberIdNumber: idNumber, district, page, pageSize: PAGE_SIZE })}`,
      ),
    [idNumber, district, page],
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('search.households')}</h2>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && !loading && (
        <>
          <p role="status">
            {data.total === 0 ? t('search.none') : t('search.householdsCaption', { count: data.total })}
          </p>
          {data.items.length > 0 && (
            <TableScroll>
              <table aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t('search.colAddress')}</th>
                    <th scope="col">{t('search.colDistrict')}</th>
                    <th scope="col">{t('search.colSince')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((h) => (
                    <tr key={h.id}>
                      <th scope="row">
                        <Link href={`/staff/households/${h.id}`}>{h.address ?? h.id}</Link>
                      </th>
                      <td>{names.district(h.districtCode)}</td>
                      <td>{formatDate(h.validFrom, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {!idNumber && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} />}
        </>
      )}
    </section>
  );
}
