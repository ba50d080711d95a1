// A one-line field of the builder (a title, a heading) that saves when it is left or on Enter, and
// goes back to the saved words on Escape. Keyed by its saved value, so a newer value resets it.

import { useState, type ReactNode } from 'react';

interface Props {
  className: string;
  label: string;
  initial: string;
  placeholder: string;
  onSave: (value: string) => void;
}

export function Field({ className, label, initial, placeholder, onSave }: Props): ReactNode {
  const [value, setValue] = useState(initial);
  return (
    <input
      className={className}
      aria-label={label}
      value={value}
      placeholder={placeholder}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => onSave(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setValue(initial);
      }}
    />
  );
}
