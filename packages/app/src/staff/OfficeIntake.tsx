import { useId, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiSend, newIdempotencyKey } from '../api.ts';
import { navigate } from '../router.tsx';
import { ProblemMessage, useApi } from '../ui.tsx';
import { english, loadPrograms } from './shared.tsx';

/**
 * 臨櫃申請 A district clerk files an application at the office for the household's applicant: the programs
 * asked for, then the application page (its explanation, the proposal). Routed by the API to the office of
 * the applicant's residence, with each program's due date.
 */
export function OfficeIntake({
  applicantPersonId,
  applicantName,
}: {
  applicantPersonId: string;
  applicantName: string;
}) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const programs = useApi(loadPrograms, []);
  const [chosen, setChosen] = useState<string[]>([]);
  // One key per application being filed: a retry after a lost answer returns the same application.
  const [attemptKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const en = english(i18n.language);
  const sorted = [...(programs.data ?? [])].sort((a, b) =>
    en ? a.nameEn.localeCompare(b.nameEn) : a.nameZh.localeCompare(b.nameZh, 'zh-Hant-TW'),
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('intake.title')}</h2>
      <p>{t('intake.lead', { name: applicantName })}</p>
      {programs.error !== undefined && <ProblemMessage error={programs.error} onRetry={programs.reload} />}
      <Form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (chosen.length === 0) return;
          setBusy(true);
          setError(undefined);
          try {
            const filed = await apiSend<{ id: string }>(
              'POST',
              '/applications',
              { applicantPersonId, programs: chosen },
              { idempotencyKey: attemptKey },
            );
            navigate(`/staff/applications/${filed.id}`);
          } catch (problem) {
            setError(problem);
          } finally {
            setBusy(false);
          }
        }}
      >
        <CheckboxGroup value={chosen} onChange={setChosen} isRequired className="program-choices">
          <Label>{t('intake.programs')}</Label>
          <Text slot="description">{t('intake.programsHint')}</Text>
          <div className="choices-scroll">
            {sorted.map((program) => (
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
        {error !== undefined && <ProblemMessage error={error} />}
        <Button type="submit" className="primary" isDisabled={busy || chosen.length === 0}>
          {t('intake.submit', { count: chosen.length })}
        </Button>
      </Form>
    </section>
  );
}
