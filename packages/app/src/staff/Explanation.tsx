import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNtd } from '../format.ts';
import { type Message, TableScroll, textOf, useNames } from './shared.tsx';

/** One condition of a program's result, as the rules explain it (calculate's answer, or a decision as made). */
export interface Condition {
  code: string;
  passed: boolean | null;
  reference: string;
  message: Message;
  threshold?: number | null;
  value?: number | null;
  because?: { program: string; entity: string; id: string };
}

export interface RuleResult {
  program: string;
  entity: string;
  id: string;
  eligible?: boolean | null;
  amountNtd?: number | null;
  reasons: Condition[];
  requested?: boolean;
}

export interface ParameterUsed {
  id: string;
  value: number | 'unknown';
  effectiveFrom: string;
  source: string;
  confidence: string;
}

/** Met, not met, or cannot be determined, in words (never by colour alone). */
function Verdict({ value, yes, no }: { value: boolean | null | undefined; yes: string; no: string }) {
  const { t } = useTranslation('staff');
  if (value === true) return <span className="badge ok">{yes}</span>;
  if (value === false) return <span className="badge bad">{no}</span>;
  return <span className="badge">{t('application.unknown')}</span>;
}

const number = (value: number | null | undefined, language: string) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(language).format(value);

/**
 * The rules' explanation in plain language: per program and person or household, whether it is met and,
 * for every condition, its legal reference, the case's value and the threshold.
 */
export function Explanation({
  results,
  parameters,
  personName,
}: {
  results: RuleResult[];
  parameters: ParameterUsed[];
  personName: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation('staff');
  const names = useNames();
  const whoOf = (r: { entity: string; id: string }) =>
    r.entity === 'household'
      ? t('application.forHousehold')
      : t('application.forPerson', { name: personName(r.id) ?? r.id.slice(0, 8) });
  const ordered = [...results].sort((a, b) => Number(b.requested !== false) - Number(a.requested !== false));
  return (
    <>
      {ordered.map((r) => {
        const heading = `${names.program(r.program)}（${whoOf(r)}）`;
        return (
          <section key={`${r.program}-${r.entity}-${r.id}`} className="explanation">
            <h3>
              {heading}{' '}
              <Verdict value={r.eligible} yes={t('application.eligible')} no={t('application.notEligible')} />
              {r.requested === false && <span className="hint"> {t('application.notRequested')}</span>}
            </h3>
            {r.amountNtd !== null && r.amountNtd !== undefined && (
              <p>
                {t('application.amount')}：{formatNtd(r.amountNtd, i18n.language)}
              </p>
            )}
            <TableScroll>
              <table>
                <caption>
                  {t('application.conditionsCaption', { program: names.program(r.program), who: whoOf(r) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('application.condition')}</th>
                    <th scope="col">{t('application.passed')}</th>
                    <th scope="col">{t('application.reference')}</th>
                    <th scope="col" className="number">
                      {t('application.value')}
                    </th>
                    <th scope="col" className="number">
                      {t('application.threshold')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.reasons.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">
                        {textOf(c.message, i18n.language)}
                        {c.because && (
                          <div className="hint">
                            {t('application.dependsOn', { program: names.program(c.because.program) })}
                          </div>
                        )}
                      </th>
                      <td>
                        <Verdict
                          value={c.passed}
                          yes={t('application.eligible')}
                          no={t('application.notEligible')}
                        />
                      </td>
                      <td>{c.reference}</td>
                      <td className="number">{number(c.value, i18n.language)}</td>
                      <td className="number">{number(c.threshold, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
      {parameters.length > 0 && (
        <>
          <h3>{t('application.parameters')}</h3>
          <TableScroll>
            <table>
              <caption>{t('application.parameters')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('application.parameter')}</th>
                  <th scope="col" className="number">
                    {t('parameter.value')}
                  </th>
                  <th scope="col">{t('application.effectiveFrom')}</th>
                  <th scope="col">{t('application.source')}</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/staff/parameters/${encodeURIComponent(p.id)}`}>{p.id}</Link>
                    </th>
                    <td className="number">
                      {p.value === 'unknown' ? t('parameter.unknownValue') : number(p.value, i18n.language)}
                    </td>
                    <td>{formatDate(p.effectiveFrom, i18n.language)}</td>
                    <td style={{ overflowWrap: 'anywhere' }}>{p.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
