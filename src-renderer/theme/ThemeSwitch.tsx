import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import type { ThemePreference } from './themePreference';
import { useTheme } from './useTheme';
import './theme.css';

const choices: readonly { value: ThemePreference; label: string; Icon: LucideIcon }[] = [
  { value: 'system', label: 'System', Icon: Monitor },
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
];

/** Light, dark, or as the operating system says: three radio buttons drawn as one switch. */
export function ThemeSwitch() {
  const { preference, setPreference } = useTheme();
  return (
    <fieldset className="theme-switch">
      <legend className="visually-hidden">Theme</legend>
      {choices.map(({ value, label, Icon }) => (
        <label
          key={value}
          className={`theme-choice${preference === value ? ' is-chosen' : ''}`}
          title={value === 'system' ? 'Follow the system’s light or dark setting' : undefined}
        >
          <input
            type="radio"
            name="baton-theme"
            value={value}
            checked={preference === value}
            onChange={() => setPreference(value)}
          />
          <Icon size={14} aria-hidden="true" />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
