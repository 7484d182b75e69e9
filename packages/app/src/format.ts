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

const rocDateTaipei = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'Asia/Taipei',
});
const enDateTaipei = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'Asia/Taipei',
});

/**
 * `2024-06-30` → 民國113年6月30日 (or 30 Jun 2024). An instant (`2024-06-29T17:00:00Z`) is the day it falls on in
 * Taiwan (here 6月30日), not in UTC; anything else as given.
 */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}T/.test(iso)) {
    const instant = new Date(iso);
    if (!Number.isNaN(instant.getTime()))
      return (english(language) ? enDateTaipei : rocDateTaipei).format(instant);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (english(language) ? enDate : rocDate).format(date);
}

/**
 * The last day of a period whose end is stored exclusive (`validTo`: the first day it no longer holds), as
 * people read "until": the day before.
 */
export function formatUntil(validTo: string | null | undefined, language: string): string {
  if (!validTo) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(validTo);
  if (!match) return formatDate(validTo, language);
  const dayBefore = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - 1));
  return (english(language) ? enDate : rocDate).format(dayBefore);
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
