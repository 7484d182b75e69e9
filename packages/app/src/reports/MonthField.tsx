import { FieldError, Input, Label, TextField } from 'react-aria-components';

/** A month as YYYY-MM (what the report, budget and statistics pages ask for). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A required month field that says, under it, what is wrong with what was typed. */
export function MonthField(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: string;
  placeholder?: string;
}) {
  return (
    <TextField
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isRequired
      validate={(value) => (MONTH.test(value) ? null : props.invalid)}
    >
      <Label>{props.label}</Label>
      <Input inputMode="numeric" {...(props.placeholder ? { placeholder: props.placeholder } : {})} />
      <FieldError />
    </TextField>
  );
}
