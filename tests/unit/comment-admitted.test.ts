/**
 * The comment use cases read their caller from what the admission left on the request
 * (middlewares/comment-admission.ts). A write whose route or field lacks the admission must fail
 * loudly rather than run unchecked.
 */
import { admittedFor } from '@cited-articles/server/src/middlewares/comment-admission';

describe('admittedFor', () => {
  const admitted = { ipHash: 'h', account: { id: 1, username: 'alice' }, userId: 1 };

  it('gives the admission of the same action', () => {
    expect(admittedFor({ citedArticlesAdmitted: { ...admitted, action: 'edit' } }, 'edit')).toEqual(admitted);
  });

  it('refuses a request that was not admitted, or admitted for another action', () => {
    expect(() => admittedFor({}, 'post')).toThrow('The comment post ran without its admission');
    expect(() => admittedFor(undefined, 'delete')).toThrow('The comment delete ran without its admission');
    expect(() => admittedFor({ citedArticlesAdmitted: { ...admitted, action: 'report' } }, 'post')).toThrow(
      'The comment post ran without its admission'
    );
  });
});
