import { Select } from '../ui/select';

/** The idleness thresholds offered (% utilisation below which an allocated GPU counts as idle). */
const THRESHOLDS = [5, 10, 20, 30];

/** "under [10 %]": the idle threshold picker of the idle-GPU cards. */
export function ThresholdSelect({
  value,
  onChange,
  prefix,
  label,
  testId,
}: {
  value: number;
  onChange: (threshold: number) => void;
  prefix: string;
  label: string;
  testId: string;
}) {
  return (
    <label className="flex items-center gap-1.5">
      {prefix}
      <Select
        aria-label={label}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="h-7 text-xs"
        data-testid={testId}
      >
        {THRESHOLDS.map((t) => (
          <option key={t} value={t}>
            {t} %
          </option>
        ))}
      </Select>
    </label>
  );
}
