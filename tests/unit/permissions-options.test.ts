import config from '@cited-articles/server/src/config';
import { permissionsOptionsSchema } from '@cited-articles/server/src/config/permissions-options';

describe('permissions options', () => {
  it('grant the reader actions by default', () => {
    expect(permissionsOptionsSchema.parse({})).toEqual({ grantReaderActions: true });
  });

  it.each([
    [{ permissions: { grantReaderActions: 'no' } }, /permissions\.grantReaderActions: permissions\.grantReaderActions must be true or false/],
    [{ permissions: { grantReaderAction: false } }, /Unrecognized key/],
  ])('are refused at startup when wrong: %j', (options, message) => {
    expect(() => config.validator({ comments: {}, ...options })).toThrow(message);
  });

  it('accept false', () => {
    expect(() => config.validator({ comments: {}, permissions: { grantReaderActions: false } })).not.toThrow();
  });
});
