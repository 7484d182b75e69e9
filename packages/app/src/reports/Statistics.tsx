import { addMonths } from '@safetynet/core/calendar';
import { ageSexChart, districtChart, trendChart } from '@safetynet/core/reports/charts';
import {
  AGE_BANDS,
  type Language,
  MEASURES,
  type Measure,
} from '@safetynet/core/reports/statistics-definitions';
import { useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Form,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { english } from '../staff/shared.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { MONTH, MonthField } from './MonthField.tsx';
import { StatisticsChart } from './StatisticsChart.tsx';
import {
  type AgeSexAnswer,
  AgeSexTable,
  type DistrictsAnswer,
  DistrictTable,
  type ProgramNames,
  type TrendAnswer,
  TrendTable,
} from './statistics-tables.tsx';

/** The latest 12 months with payments (or fewer when payments began later). */
function defaultPeriod(months: { first: string | null; last: string | null } | undefined) {
  if (!months?.last || !months.first) return undefined;
  const from = addMonths(months.last, -11);
  return { from: from < months.first ? months.first : from, to: months.last };
}

/** The open-data file covers at most 12 months: the period's last 12. */
function openDataPeriod(period: { from: string; to: string }) {
  const from = addMonths(period.to, -11);
  return { from: from < period.from ? period.from : from, to: period.to };
}

/** The three programs with the most payments in the period, to start with. */
function busiest(answer: TrendAnswer): string[] {
  const times = new Map<string, number>();
  for (const row of answer.items) times.set(row.programId, (times.get(row.programId) ?? 0) + row.personTimes);
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([id]) => id);
}

const bilingual = (p: ProgramNames) => ({ zh: p.nameZh, en: p.nameEn });

/** 統計 (/staff/statistics): choose a period and programs; three charts, their tables and downloads. */
export function Statistics() {
  const { t, i18n } = useTranslation('statistics');
  const en = english(i18n.language);
  const language: Language = en ? 'en' : 'zh-TW';
  const months = useApi(
    () => apiGet<{ first: string | null; last: string | null }>('/statistics/months'),
    [],
  );
  const [asked, setAsked] = useState<{ from: string; to: string }>();
  const [fromInput, setFromInput] = useState<string>();
  const [toInput, setToInput] = useState<string>();
  const period = asked ?? defaultPeriod(months.data);
  const trend = useApi(
    () => (period ? apiGet<TrendAnswer>(`/statistics/trend${query(period)}`) : Promise.resolve(undefined)),
    [period?.from, period?.to],
  );
  const available = trend.data?.programs ?? [];
  const [chosen, setChosen] = useState<string[]>();
  const selected = (chosen ?? (trend.data ? busiest(trend.data) : [])).filter((id) =>
    available.some((p) => p.id === id),
  );
  const [measure, setMeasure] = useState<Measure>('persons');
  const [districtChoice, setDistrictChoice] = useState<string>();
  const districtProgram = districtChoice && selected.includes(districtChoice) ? districtChoice : selected[0];
  const districts = useApi(
    () =>
      period && districtProgram
        ? apiGet<DistrictsAnswer>(`/statistics/districts${query({ ...period, program: districtProgram })}`)
        : Promise.resolve(undefined),
    [period?.from, period?.to, districtProgram],
  );
  const programList = selected.join(',');
  const ageSex = useApi(
    () =>
      period && programList
        ? apiGet<AgeSexAnswer>(`/statistics/age-sex${query({ ...period, programs: programList })}`)
        : Promise.resolve(undefined),
    [period?.from, period?.to, programList],
  );

  const chosenPrograms = available.filter((p) => selected.includes(p.id));
  const trendSpec = useMemo(() => {
    const data = trend.data;
    if (!data) return undefined;
    const ids = programList ? programList.split(',') : [];
    return trendChart({
      language,
      measure,
      months: data.months,
      series: data.programs
        .filter((p) => ids.includes(p.id))
        .map((p) => ({
          programId: p.id,
          name: bilingual(p),
          values: data.months.map(
            (m) => data.items.find((r) => r.programId === p.id && r.period === m)?.[measure] ?? 0,
          ),
        })),
    });
  }, [trend.data, language, measure, programList]);
  const districtSpec = useMemo(
    () =>
      districts.data &&
      districtChart({
        language,
        measure,
        from: districts.data.from,
        to: districts.data.to,
        program: bilingual(districts.data.program),
        districts: districts.data.items.map((d) => ({
          code: d.districtCode,
          name: { zh: d.nameZh, en: d.nameEn },
          value: d[measure],
        })),
      }),
    [districts.data, language, measure],
  );
  // One program: its own chart; several: all of them together (each person once).
  const ageSexProgram = ageSex.data?.programs.length === 1 ? ageSex.data.programs[0]! : null;
  const ageSexSpec = useMemo(() => {
    const data = ageSex.data;
    if (!data) return undefined;
    const persons = (band: string, sex: 'M' | 'F') =>
      data.items.find(
        (r) => r.programId === (ageSexProgram?.id ?? null) && r.ageBand === band && r.sex === sex,
      )?.persons ?? 0;
    return ageSexChart({
      language,
      from: data.from,
      to: data.to,
      subject: ageSexProgram ? bilingual(ageSexProgram) : { zh: '所選方案合計', en: 'All chosen programs' },
      bands: AGE_BANDS.map((band) => ({ band, M: persons(band.id, 'M'), F: persons(band.id, 'F') })),
    });
  }, [ageSex.data, ageSexProgram, language]);

  const fromValue = fromInput ?? period?.from ?? '';
  const toValue = toInput ?? period?.to ?? '';
  const heading = { trend: t('trend'), districts: t('districts'), ageSex: t('ageSex') };
  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('lead')}</p>
      <Form
        className="form filters-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (MONTH.test(fromValue) && MONTH.test(toValue)) setAsked({ from: fromValue, to: toValue });
        }}
      >
        <MonthField
          name="from"
          label={t('from')}
          value={fromValue}
          onChange={setFromInput}
          invalid={t('monthInvalid')}
          placeholder="2023-01"
        />
        <MonthField
          name="to"
          label={t('to')}
          value={toValue}
          onChange={setToInput}
          invalid={t('monthInvalid')}
          placeholder="2023-12"
        />
        <Button type="submit" className="primary" isDisabled={trend.loading}>
          {t('show')}
        </Button>
      </Form>
      <p className="hint">{t('periodHint')}</p>
      {months.error !== undefined && <ProblemMessage error={months.error} onRetry={months.reload} />}
      {trend.error !== undefined && <ProblemMessage error={trend.error} onRetry={trend.reload} />}
      {(months.loading || trend.loading) && <Loading />}
      {months.data && !period && <p>{t('noPrograms')}</p>}
      {trend.data && available.length === 0 && <p>{t('noPrograms')}</p>}
      {available.length > 0 && (
        <div className="form">
          <CheckboxGroup value={selected} onChange={setChosen} className="program-choices">
            <Label>{t('programs')}</Label>
            <Text slot="description">{t('programsHint')}</Text>
            <div className="choices-scroll">
              {available.map((program) => (
                <Checkbox key={program.id} value={program.id}>
                  {({ isSelected }) => (
                    <>
                      <span className="box" aria-hidden="true">
                        {isSelected ? '✓' : ''}
                      </span>
                      {en ? program.nameEn : program.nameZh}
                    </>
                  )}
                </Checkbox>
              ))}
            </div>
          </CheckboxGroup>
          <Select selectedKey={measure} onSelectionChange={(key) => setMeasure(key as Measure)}>
            <Label>{t('measure')}</Label>
            <Button className="react-aria-Button select-button">
              <SelectValue />
              <span aria-hidden="true"> ▾</span>
            </Button>
            <Popover>
              <ListBox className="listbox">
                {MEASURES.map((m) => (
                  <ListBoxItem id={m} key={m}>
                    {t(`measures.${m}`)}
                  </ListBoxItem>
                ))}
              </ListBox>
            </Popover>
          </Select>
          {chosenPrograms.length > 0 && (
            <Select
              selectedKey={districtProgram ?? null}
              onSelectionChange={(key) => setDistrictChoice(String(key))}
            >
              <Label>{t('districtProgram')}</Label>
              <Button className="react-aria-Button select-button">
                <SelectValue />
                <span aria-hidden="true"> ▾</span>
              </Button>
              <Popover>
                <ListBox className="listbox">
                  {chosenPrograms.map((p) => (
                    <ListBoxItem id={p.id} key={p.id}>
                      {en ? p.nameEn : p.nameZh}
                    </ListBoxItem>
                  ))}
                </ListBox>
              </Popover>
            </Select>
          )}
        </div>
      )}
      {available.length > 0 && <p className="hint">{t('counted')}</p>}
      {trend.data && trendSpec && chosenPrograms.length > 0 && period && (
        <StatisticsChart
          heading={heading.trend}
          spec={trendSpec}
          download={{ path: '/statistics/trend', params: { ...period, programs: programList, measure } }}
          table={
            <TrendTable
              answer={trend.data}
              programs={chosenPrograms}
              measure={measure}
              caption={t('tableOf', { chart: trendSpec.title })}
            />
          }
        />
      )}
      {districts.error !== undefined && <ProblemMessage error={districts.error} onRetry={districts.reload} />}
      {districts.data && districtSpec && period && (
        <StatisticsChart
          heading={heading.districts}
          spec={districtSpec}
          download={{
            path: '/statistics/districts',
            params: { ...period, program: districts.data.program.id, measure },
          }}
          table={
            <DistrictTable answer={districts.data} caption={t('tableOf', { chart: districtSpec.title })} />
          }
        />
      )}
      {ageSex.error !== undefined && <ProblemMessage error={ageSex.error} onRetry={ageSex.reload} />}
      {ageSex.data && ageSexSpec && period && (
        <StatisticsChart
          heading={heading.ageSex}
          spec={ageSexSpec}
          download={{ path: '/statistics/age-sex', params: { ...period, programs: programList } }}
          table={
            <>
              <AgeSexTable
                answer={ageSex.data}
                programId={ageSexProgram?.id ?? null}
                caption={t('tableOf', { chart: ageSexSpec.title })}
              />
              <p className="hint">{t('ageSexNote', { ageOn: ageSex.data.ageOn })}</p>
            </>
          }
        />
      )}
      {period && (
        <section aria-labelledby="open-data">
          <h2 id="open-data">{t('openData')}</h2>
          <p>{t('openDataLead')}</p>
          <p>
            <a
              href={`/api/v1/open-data/recipients.csv${query({ ...openDataPeriod(period), language })}`}
              download
            >
              {t('openDataLink')}
            </a>
          </p>
        </section>
      )}
    </>
  );
}
