import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { PageTitle, ProblemMessage } from '../ui.tsx';

/** Where an account goes after signing in, unless it came from a page it was sent away from. */
const homeOf = (role: string) => (role === 'citizen' ? '/me' : '/staff');

export function SignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const { search } = useLocation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      <Form
        className="form narrow"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          setBusy(true);
          setError(undefined);
          try {
            const account = await signIn(String(data.get('username')), String(data.get('password')));
            const next = search.get('next');
            // Only a path of this site (not //elsewhere): an open redirect would help phishing.
            navigate(next?.startsWith('/') && !next.startsWith('//') ? next : homeOf(account.role), {
              replace: true,
            });
          } catch (problem) {
            setError(problem);
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField name="username" isRequired autoComplete="username">
          <Label>{t('signIn.username')}</Label>
          <Input />
        </TextField>
        <TextField name="password" type="password" isRequired autoComplete="current-password">
          <Label>{t('signIn.password')}</Label>
          <Input />
        </TextField>
        {error !== undefined && <ProblemMessage error={error} />}
        <Button type="submit" isDisabled={busy} className="primary">
          {t('signIn.submit')}
        </Button>
      </Form>
      <p className="hint">{t('signIn.demoHint')}</p>
    </>
  );
}
