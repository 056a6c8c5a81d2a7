import { Fragment, memo, useMemo } from 'react';
import { highlight } from './highlight';

/** Text with the search terms in it wrapped in <mark>. */
export const Highlighted = memo(function Highlighted({
  text,
  terms,
}: {
  text: string;
  terms: readonly string[];
}) {
  const segments = useMemo(() => highlight(text, terms), [text, terms]);
  return segments.map((segment, index) =>
    segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
  );
});
