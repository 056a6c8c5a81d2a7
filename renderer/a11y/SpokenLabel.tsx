import type { ReactNode } from 'react';

interface SpokenLabelProps {
  /** What a screen reader says, e.g. "Unread, 9 bulletins": the visible name first, then its numbers. */
  spoken: string;
  /** What the eye reads (the name and bare numbers), hidden from assistive technology. */
  children: ReactNode;
}

/**
 * A control's content read one way and shown another, with the name taken from the content, not
 * an aria-label: a label that differs from the visible text ("All bulletins 10") breaks voice
 * control ("click All bulletins 10") and fails WCAG 2.5.3 (axe: label-content-name-mismatch).
 */
export function SpokenLabel({ spoken, children }: SpokenLabelProps) {
  return (
    <>
      <span className="visually-hidden">{spoken}</span>
      <span className="spoken-label-shown" aria-hidden="true">
        {children}
      </span>
    </>
  );
}
