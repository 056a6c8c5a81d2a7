import { expect, it } from 'vitest';
import { htmlToText } from '../../../main/search/htmlText';

it('reads HTML as plain text: markup, scripts and styles out, entities decoded, each run of space one space', () => {
  expect(
    htmlToText(
      '<p>Flooding  closed\nthe <b>northern</b>&nbsp;crossing.</p>\n\n<p>Roads&#160; reopen\tMonday.</p>',
    ),
  ).toBe('Flooding closed the northern crossing. Roads reopen Monday.');
  expect(htmlToText('<style>p { color: red }</style><script>alert(1)</script> Only\u2003this ')).toBe(
    'Only this',
  );
  expect(htmlToText('one two')).toBe('one two');
  expect(htmlToText(' \n ')).toBe('');
});
