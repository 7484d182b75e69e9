/**
 * Dates and amounts as people read them: ROC dates (民國) in Traditional Chinese, Gregorian in English; NTD with
 * thousands separators and no decimals (amounts are whole NTD).
 */

const rocDate = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const rocMonth = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const enDate = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const enMonth = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' });

const english = (language: string) => language.startsWith('en');

/** `2024-06-30` → 民國113年6月30日 (or 30 Jun 2024); anything else as given. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (english(language) ? enDate : rocDate).format(date);
}

/** `2024-06` → 民國113年6月 (or June 2024). */
export function formatMonth(month: string | null | undefined, language: string): string {
  if (!month) return '—';
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return (english(language) ? enMonth : rocMonth).format(date);
}

const ntd = new Intl.NumberFormat('zh-TW', { maximumFractionDigits: 0 });

/** 12,345 元 (or NT$12,345); — when there is no amount. */
export function formatNtd(amount: number | string | null | undefined, language: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = ntd.format(Number(amount));
  return english(language) ? `NT$${value}` : `${value} 元`;
}
