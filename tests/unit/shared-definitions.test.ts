import commentSchema from '@cited-articles/server/src/content-types/comment/schema.json';
import { COMMENT_STATUSES, MODERATION_DECISIONS } from '@cited-articles/shared/comment-statuses';
import { INTERCHANGE_FORMAT_ERROR, INTERCHANGE_FORMATS } from '@cited-articles/server/src/interchange/formats';
import { EXPORT_FORMATS } from '@cited-articles/server/src/interchange/export-formats';
import { exportQuery } from '@cited-articles/server/src/validation/content-api';
import { importBody } from '@cited-articles/server/src/validation/admin';

// Facts defined once in code and restated where a format forces it (schema.json cannot import).
describe('definitions shared by the plugin', () => {
  it('the comment schema allows exactly the statuses the code knows, in the same order', () => {
    expect(commentSchema.attributes.status.enum).toEqual([...COMMENT_STATUSES]);
    expect(MODERATION_DECISIONS.every((decision) => (COMMENT_STATUSES as readonly string[]).includes(decision))).toBe(true);
    expect(MODERATION_DECISIONS).not.toContain('pending');
  });

  it('every interchange format can be exported, imported and named in a query', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual([...INTERCHANGE_FORMATS].sort());
    for (const format of INTERCHANGE_FORMATS) {
      expect(exportQuery.parse({ format }).format).toBe(format);
      expect(importBody.parse({ content: 'x', format }).format).toBe(format);
    }
    expect(INTERCHANGE_FORMAT_ERROR).toBe('format must be "bibtex", "ris" or "csl-json"');
    const refused = exportQuery.safeParse({ format: 'endnote' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe(INTERCHANGE_FORMAT_ERROR);
  });
});
