/**
 * The name and date shapes of a source (citations/names.ts, citations/partial-date.ts): what is
 * kept, what is cleaned, what is refused, and the 0.2.0 one-line names the upgrade reads.
 */
import { cleanName, cleanNames, displayName, nameFromText } from '../../../plugins/cited-articles/server/src/citations/names';
import { fromDateParts, normalisePartialDate, toDateParts } from '../../../plugins/cited-articles/server/src/citations/partial-date';

describe('names', () => {
  it.each([
    ['a person', { family: 'Porter', given: 'Helen' }, { family: 'Porter', given: 'Helen' }],
    [
      'a person with a particle and a suffix, trimmed',
      { family: ' Beethoven ', given: 'Ludwig', 'non-dropping-particle': 'van', suffix: '' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
    ],
    ['an organisation, whole', { literal: 'World  Health Organization' }, { literal: 'World Health Organization' }],
    ['an organisation drops person parts', { literal: 'WHO', family: 'X' }, { literal: 'WHO' }],
    ['a given name alone', { given: 'Plato' }, { given: 'Plato' }],
  ])('keeps %s', (_label, input, expected) => {
    expect(cleanName(input)).toEqual(expected);
  });

  it.each([
    ['an empty object', {}],
    ['a particle alone', { 'dropping-particle': 'de' }],
    ['a string', 'Jane'],
    ['an array', []],
    ['null', null],
  ])('refuses %s', (_label, input) => {
    expect(cleanName(input)).toBeNull();
  });

  it.each([
    ['{World Health Organization}', { literal: 'World Health Organization' }],
    ['Reuters', { literal: 'Reuters' }],
    ['Doe, Jane', { family: 'Doe', given: 'Jane' }],
    ['Jane Q. Doe', { given: 'Jane Q.', family: 'Doe' }],
    ['  ', null],
  ])('reads the one-line name %j', (text, expected) => {
    expect(nameFromText(text)).toEqual(expected);
  });

  it('cleans a list, reading strings as one-line names and dropping what is not a name', () => {
    expect(cleanNames(['Doe, Jane', { literal: 'WHO' }, {}, 42, null])).toEqual([{ family: 'Doe', given: 'Jane' }, { literal: 'WHO' }]);
    expect(cleanNames('Jane Doe')).toEqual([]);
  });

  it('displays a name in reading order', () => {
    expect(displayName({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' })).toBe('Ludwig van Beethoven');
    expect(displayName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' })).toBe('Martin Luther King Jr.');
    expect(displayName({ literal: 'World Health Organization' })).toBe('World Health Organization');
  });
});

describe('partial dates', () => {
  it.each([
    ['2004', [2004]],
    ['2023-03', [2023, 3]],
    ['2023-03-05', [2023, 3, 5]],
    ['2024-02-29', [2024, 2, 29]],
  ])('reads %s', (value, parts) => {
    expect(toDateParts(value)).toEqual(parts);
  });

  it.each(['2023-02-29', '2023-13', '2023-00', '23', '2023-3', '2023-03-05T10:00:00Z', 'March 2023', ''])('refuses %j', (value) => {
    expect(toDateParts(value)).toBeNull();
  });

  it.each([
    [[[2004]], '2004'],
    [[[2023, 3]], '2023-03'],
    [[[2023, 3, 5]], '2023-03-05'],
    [[['2023', '3', '5']], '2023-03-05'],
    [
      [
        [2023, 3, 5],
        [2023, 4, 1],
      ],
      '2023-03-05',
    ],
    [[[2023, 2, 30]], '2023'],
    [[[]], null],
    ['2023', null],
  ])('writes date-parts %j as %j', (parts, expected) => {
    expect(fromDateParts(parts)).toBe(expected);
  });

  it('takes the calendar date of a Strapi date or datetime', () => {
    expect(normalisePartialDate('2023-02-22T10:00:00.000Z')).toBe('2023-02-22');
    expect(normalisePartialDate(new Date(Date.UTC(2023, 1, 22)))).toBe('2023-02-22');
    expect(normalisePartialDate('2023-03')).toBe('2023-03');
    expect(normalisePartialDate('soon')).toBeNull();
  });
});
