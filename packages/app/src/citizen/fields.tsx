import type { Key } from 'react-aria-components';
import {
  Button,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';

/** A labelled choice of a few options (react-aria's Select: a button and a list box). */
export function Choice({
  label,
  value,
  onChange,
  options,
  placeholder,
  isRequired,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (value: string) => void;
  options: { id: string; label: string }[];
  placeholder?: string;
  isRequired?: boolean;
  name?: string;
}) {
  return (
    <Select
      selectedKey={value}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key))}
      {...(placeholder ? { placeholder } : {})}
      {...(isRequired ? { isRequired } : {})}
      {...(name ? { name } : {})}
    >
      <Label>{label}</Label>
      <Button>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError />
      <Popover>
        <ListBox>
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A labelled whole number (NTD or years), empty as NaN. */
export function WholeNumber({
  label,
  value,
  onChange,
  hint,
  maxValue,
  isRequired,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  hint?: string;
  maxValue?: number;
  isRequired?: boolean;
}) {
  return (
    <NumberField
      value={value}
      onChange={onChange}
      minValue={0}
      {...(maxValue !== undefined ? { maxValue } : {})}
      {...(isRequired ? { isRequired } : {})}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: true }}
    >
      <Label>{label}</Label>
      <Input inputMode="numeric" />
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError />
    </NumberField>
  );
}
