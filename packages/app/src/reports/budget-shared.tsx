import { useTranslation } from 'react-i18next';

/** The plan and budget API's answers (GET /api/v1/budget-plans…), as the screens read them. */
export interface PlanSummary {
  year: number;
  rocYear: number;
  source: string;
  copiedFromYear: number | null;
  lines: number;
  totalThousandNtd: number;
}

export interface PlanLine {
  lineId: string;
  position: number;
  category: string;
  item: string;
  subItem: string | null;
  note: string | null;
  budgetThousandNtd: number;
  version: number;
  programIds: string[];
}

export interface Plan {
  year: number;
  rocYear: number;
  source: string;
  copiedFromYear: number | null;
  lines: PlanLine[];
  categories: { category: string; budgetThousandNtd: number }[];
  totalThousandNtd: number;
}

export type Alert = 'none' | 'projected-overrun' | 'overspent';
export type Method = 'run-rate' | 'average' | 'paid-to-date';

interface Figures {
  monthlyNtd: (number | null)[];
  paidToDateNtd: number;
  projectedNtd: number;
}

export interface Compared extends Figures {
  budgetNtd: number;
  budgetThousandNtd: number;
  paidPercent: number | null;
  projectedPercent: number | null;
  projectedOverUnderNtd: number;
  alert: Alert;
}

export interface ProgramExecution extends Figures {
  programId: string;
  nameZh: string;
  method: Method;
}

export interface LineExecution extends Compared {
  lineId: string;
  category: string;
  item: string;
  subItem: string | null;
  programs: ProgramExecution[];
}

export interface Execution {
  year: number;
  asOf: string;
  asOfChosen: 'given' | 'latest-paid' | 'no-payments';
  monthsLeft: number;
  lines: LineExecution[];
  categories: (Compared & { category: string })[];
  total: Compared;
  unassigned: ProgramExecution[];
  alerts: number;
}

export interface Amendment {
  id: string;
  lineId: string;
  category: string;
  item: string;
  version: number;
  budgetThousandNtd: number;
  previousBudgetThousandNtd: number | null;
  reason: string;
  amendedBy: string;
  amendedAt: string;
}

/** Whole numbers with thousands separators (thousand NTD and NTD alike; the header names the unit). */
export const whole = (value: number) => value.toLocaleString('zh-TW');
export const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
/** Over or under the budget: a sign always, so +0 is not read as an overrun. */
export const signed = (value: number) =>
  value > 0 ? `+${whole(value)}` : value < 0 ? `−${whole(-value)}` : '0';

/** CSV and XLSX links of a table the API serves (same origin: the session cookie goes along). */
export function DownloadLinks({ path, what }: { path: string; what: string }) {
  const { t, i18n } = useTranslation('budget');
  const join = path.includes('?') ? '&' : '?';
  const language = i18n.language.startsWith('en') ? '&language=en' : '';
  return (
    <p className="downloads">
      {t('download.label', { what })}：
      {(['csv', 'xlsx'] as const).map((format, k) => (
        <span key={format}>
          {k > 0 && ' · '}
          <a
            href={`/api/v1${path}${join}format=${format}${language}`}
            download
            aria-label={`${t('download.label', { what })} ${t(`download.${format}`)}`}
          >
            {t(`download.${format}`)}
          </a>
        </span>
      ))}
    </p>
  );
}
