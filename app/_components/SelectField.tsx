'use client';

import { Select } from 'radix-ui';

export interface Option {
  value: string;
  label: string;
}

/** Radix Select: keyboard and screen-reader friendly, and the same on phones and laptops. */
export function SelectField({
  id,
  value,
  onChange,
  options,
  placeholder,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  placeholder: string;
  invalid?: boolean;
}) {
  return (
    <Select.Root value={value || undefined} onValueChange={onChange}>
      <Select.Trigger
        id={id}
        aria-invalid={invalid}
        className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2.5 text-left text-base shadow-sm aria-[invalid=true]:border-red-600 data-[placeholder]:text-slate-500"
      >
        <Select.Value placeholder={placeholder} />
        <Select.Icon aria-hidden className="text-slate-500">
          ▾
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content position="popper" sideOffset={4} className="z-50 max-h-80 w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
          <Select.Viewport className="p-1">
            {options.map((option) => (
              <Select.Item
                key={option.value}
                value={option.value}
                className="cursor-pointer rounded px-3 py-2 text-base outline-none data-[highlighted]:bg-brand-50 data-[state=checked]:font-medium"
              >
                <Select.ItemText>{option.label}</Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}
