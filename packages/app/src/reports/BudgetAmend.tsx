import { useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dialog,
  DialogTrigger,
  FieldError,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  NumberField,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../api.ts';
import { Choice } from '../citizen/fields.tsx';
import { english, loadPrograms } from '../staff/shared.tsx';
import { ProblemMessage, useApi } from '../ui.tsx';
import { type Plan, type PlanLine, type PlanSummary, whole } from './budget-shared.tsx';

/**
 * 預算修正 A program officer amends a line: the budget in thousand NTD, the programs measured and the
 * reason, then confirms what changes. The dialog stays open, its buttons off, until the answer; a problem
 * (another amendment meanwhile, a program on another line) is shown in the dialog.
 */
export function AmendLine({
  year,
  line,
  onAmended,
}: {
  year: number;
  line: PlanLine;
  onAmended: (line: PlanLine) => void;
}) {
  const { t, i18n } = useTranslation('budget');
  const programs = useApi(loadPrograms, []);
  const [budget, setBudget] = useState(line.budgetThousandNtd);
  const [chosen, setChosen] = useState<string[]>(line.programIds);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const en = english(i18n.language);
  const sorted = [...(programs.data ?? [])]
    .filter((p) => p.kind !== 'status')
    .sort((a, b) => (en ? a.nameEn.localeCompare(b.nameEn) : a.nameZh.localeCompare(b.nameZh, 'zh-Hant-TW')));
  const reset = () => {
    setBudget(line.budgetThousandNtd);
    setChosen(line.programIds);
    setReason('');
    setStep('edit');
    setError(undefined);
  };
  async function amend(close: () => void) {
    setBusy(true);
    setError(undefined);
    try {
      const amended = await apiSend<PlanLine>('PATCH', `/budget-plans/${year}/lines/${line.lineId}`, {
        version: line.version,
        budgetThousandNtd: budget,
        programIds: chosen,
        reason: reason.trim(),
      });
      close();
      onAmended(amended);
    } catch (problem) {
      setError(problem);
      setStep('edit');
    } finally {
      setBusy(false);
    }
  }
  return (
    <DialogTrigger onOpenChange={(open) => open && reset()}>
      <Button aria-label={t('amend.openLabel', { item: line.item })}>{t('amend.open')}</Button>
      <Modal className="modal">
        <Dialog className="dialog">
          {({ close }) => (
            <Form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                if (step === 'edit') {
                  if (Number.isInteger(budget) && reason.trim()) setStep('confirm');
                } else void amend(close);
              }}
            >
              <Heading slot="title">{t('amend.title', { category: line.category, item: line.item })}</Heading>
              {step === 'edit' ? (
                <>
                  <NumberField
                    value={budget}
                    onChange={setBudget}
                    minValue={0}
                    maxValue={2_147_483_647}
                    isRequired
                    formatOptions={{ maximumFractionDigits: 0, useGrouping: true }}
                  >
                    <Label>{t('amend.budget')}</Label>
                    <Input inputMode="numeric" />
                    <FieldError />
                  </NumberField>
                  <CheckboxGroup value={chosen} onChange={setChosen}>
                    <Label>{t('amend.programs')}</Label>
                    <Text slot="description">{t('amend.programsHint')}</Text>
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
                  <TextField value={reason} onChange={setReason} isRequired maxLength={1000}>
                    <Label>{t('amend.reason')}</Label>
                    <TextArea rows={2} />
                    <FieldError />
                  </TextField>
                </>
              ) : (
                <p role="status">
                  {t('amend.confirmBody', {
                    from: whole(line.budgetThousandNtd),
                    to: whole(budget),
                    count: chosen.length,
                    reason: reason.trim(),
                  })}
                </p>
              )}
              {error !== undefined && <ProblemMessage error={error} />}
              <div className="actions">
                <Button onPress={close} isDisabled={busy}>
                  {t('amend.cancel')}
                </Button>
                {step === 'confirm' && (
                  <Button onPress={() => setStep('edit')} isDisabled={busy}>
                    {t('amend.back')}
                  </Button>
                )}
                <Button type="submit" className="primary" isDisabled={busy}>
                  {step === 'edit' ? t('amend.review') : t('amend.confirm')}
                </Button>
              </div>
            </Form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

/**
 * 建立年度計畫 A program officer creates a year's plan, empty or as a copy of another year's lines, after
 * confirming what will be created.
 */
export function CreateYear({ plans, onCreated }: { plans: PlanSummary[]; onCreated: (plan: Plan) => void }) {
  const { t } = useTranslation('budget');
  const newest = plans[0]?.year;
  const [year, setYear] = useState<number>(newest ? newest + 1 : 2023);
  const [from, setFrom] = useState<string>(newest ? String(newest) : 'empty');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const copyFrom = from === 'empty' ? undefined : Number(from);
  async function create() {
    setBusy(true);
    setError(undefined);
    try {
      const plan = await apiSend<Plan>('POST', '/budget-plans', { year, ...(copyFrom ? { copyFrom } : {}) });
      setConfirming(false);
      onCreated(plan);
    } catch (problem) {
      setError(problem);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="budget-create">
      <h2 id="budget-create">{t('copy.title')}</h2>
      <p>{t('copy.lead')}</p>
      <Form
        className="form narrow"
        onSubmit={(event) => {
          event.preventDefault();
          if (Number.isInteger(year)) setConfirming(true);
        }}
      >
        <NumberField
          value={year}
          onChange={setYear}
          minValue={1912}
          maxValue={2200}
          isRequired
          formatOptions={{ useGrouping: false }}
        >
          <Label>{t('copy.year')}</Label>
          <Input inputMode="numeric" />
          <FieldError />
        </NumberField>
        <Choice
          label={t('copy.from')}
          value={from}
          onChange={setFrom}
          options={[
            ...plans.map((plan) => ({ id: String(plan.year), label: t('copy.copyOf', { year: plan.year }) })),
            { id: 'empty', label: t('copy.empty') },
          ]}
        />
        <Button type="submit" className="primary" isDisabled={busy}>
          {t('copy.submit')}
        </Button>
      </Form>
      {error !== undefined && <ProblemMessage error={error} />}
      <Modal className="modal" isOpen={confirming} onOpenChange={(open) => !busy && setConfirming(open)}>
        <Dialog className="dialog">
          <Heading slot="title">{t('copy.confirmTitle', { year })}</Heading>
          <p>{copyFrom ? t('copy.confirmCopy', { from: copyFrom }) : t('copy.confirmEmpty', { year })}</p>
          <div className="actions">
            <Button onPress={() => setConfirming(false)} isDisabled={busy}>
              {t('copy.cancel')}
            </Button>
            <Button className="primary" onPress={() => void create()} isDisabled={busy}>
              {t('copy.confirm')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </section>
  );
}
