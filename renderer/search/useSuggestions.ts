import { useEffect, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useDebouncedValue } from './useDebouncedValue';

const SUGGEST_DEBOUNCE_MS = 80;

/** Completions of the words being typed, asked of main once typing pauses. */
export function useSuggestions(text: string): string[] {
  const settled = useDebouncedValue(text.trim(), SUGGEST_DEBOUNCE_MS);
  const [suggestions, setSuggestions] = useState<{ text: string; items: string[] }>({ text: '', items: [] });
  useEffect(() => {
    if (settled === '') return;
    let current = true;
    bridge()
      .suggest(settled)
      .then(
        (items) => {
          if (current) setSuggestions({ text: settled, items });
        },
        // Suggestions are a convenience: a failure leaves the box as it was.
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [settled]);
  if (settled === '' || suggestions.text !== settled) return [];
  // The query itself is no suggestion.
  return suggestions.items.filter((item) => item !== settled.toLowerCase());
}
