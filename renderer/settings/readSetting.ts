/** What the user typed as a setting's value: a whole number within its limits, else null. */
export function readSetting(typed: string, { min, max }: { min: number; max: number }): number | null {
  const trimmed = typed.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}
