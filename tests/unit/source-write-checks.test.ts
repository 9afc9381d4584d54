/**
 * The checks every write of a source passes (validation/source-fields.ts) and the migration's
 * reading of 0.2.0's author strings (migrations/0.3.0-01-structured-sources.ts).
 */
import { fieldPath, sourceWriteData } from '@cited-articles/server/src/validation/source-fields';
import { namesFromStored } from '@cited-articles/server/src/migrations/0.3.0-01-structured-sources';

const problems = (data: Record<string, unknown>) => {
  const result = sourceWriteData.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
};

describe('source write checks', () => {
  it('accepts persons, particles, suffixes, organisations, partial dates and cleared fields', () => {
    expect(
      problems({
        authors: [
          { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
          { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
          { given: 'Plato' },
          { literal: 'World Health Organization' },
          { family: 'Doe', given: '', literal: '' },
        ],
        editors: null,
        translators: [],
        publishedDate: '2004',
        accessedDate: '2023-03',
        title: 'anything else passes through',
      })
    ).toEqual([]);
    expect(problems({ publishedDate: '2024-02-29', accessedDate: '' })).toEqual([]);
  });

  it('names the field and what to fix', () => {
    expect(problems({ authors: [{ family: 'Doe' }, { family: 'Doe', literal: 'WHO' }] })).toEqual([
      'authors[1]: a name is a person (family, given) or an organisation (literal), not both',
    ]);
    expect(problems({ editors: ['Jane Doe'] })[0]).toMatch(/^editors\[0\]: a name is an object/);
    expect(problems({ authors: [{ surname: 'Doe' }] })[0]).toMatch(/^authors\[0\]: unknown part "surname"/);
    expect(problems({ authors: [{ suffix: 'Jr.' }] })).toEqual([
      'authors[0]: a name needs a family or given name (a person) or a literal (an organisation)',
    ]);
    expect(problems({ translators: [{ family: 'x'.repeat(256) }] })).toEqual(['translators[0].family: is at most 255 characters']);
    expect(problems({ authors: Array.from({ length: 101 }, () => ({ literal: 'Org' })) })).toEqual(['authors: lists at most 100 names']);
    expect(problems({ authors: 'Jane Doe' })[0]).toMatch(/^authors: must be a list of names/);
    expect(problems({ publishedDate: '2023-02-30' })).toEqual([
      `publishedDate: "2023-02-30" is not a date that exists: write a year ('2004'), a year and month ('2023-03') or a day ('2023-03-05')`,
    ]);
    expect(problems({ accessedDate: '23-03-05' })[0]).toMatch(/^accessedDate: "23-03-05" is not a date/);
    expect(problems({ accessedDate: 20230305 })[0]).toMatch(/^accessedDate: must be a date as text/);
  });
});

describe("0.2.0's author strings", () => {
  it('become names: braced organisations, "Family, Given", "Given Family"; structured names stay', () => {
    expect(namesFromStored(['{World Health Organization}', 'Doe, Jane', 'Jane Q. Public', '', { family: 'Kept', given: 'As Is' }])).toEqual([
      { literal: 'World Health Organization' },
      { family: 'Doe', given: 'Jane' },
      { given: 'Jane Q.', family: 'Public' },
      { family: 'Kept', given: 'As Is' },
    ]);
  });

  it('leaves lists without strings alone', () => {
    expect(namesFromStored([{ literal: 'WHO' }])).toBeNull();
    expect(namesFromStored([])).toBeNull();
    expect(namesFromStored({ not: 'a list' })).toBeNull();
  });
});
