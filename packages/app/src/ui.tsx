import { type DependencyList, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api.ts';

/**
 * The page's heading: focused when the page opens, so a screen reader announces where a link led (a page
 * change in a single-page app is otherwise silent). Also sets the window's title.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('product')}`;
    heading.current?.focus();
  }, [title, t]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A problem, in the language shown, with the fields it names. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const problem =
    error instanceof ApiProblem
      ? error
      : new ApiProblem(0, '發生未預期的錯誤', 'something unexpected went wrong');
  return (
    <div role="alert" className="problem">
      <p>{problem.message_(i18n.language)}</p>
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {i18n.language.startsWith('en') ? e.message_en : e.message_zh}
            </li>
          ))}
        </ul>
      )}
      {onRetry && <Button onPress={onRetry}>{t('error.retry')}</Button>}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite" className="loading">
      {t('loading')}
    </p>
  );
}

/**
 * Loads data when the dependencies change: `{data, error, loading, reload}`. Other dependencies (another
 * household) clear what was shown, so one record's data never stands under another's address; a reload keeps
 * it until the new answer arrives.
 */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  const shownFor = useRef<DependencyList>(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    let current = true;
    const same =
      shownFor.current.length === deps.length && shownFor.current.every((d, k) => Object.is(d, deps[k]));
    shownFor.current = deps;
    setState((s) => (same ? { ...s, loading: true, error: undefined } : { loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
