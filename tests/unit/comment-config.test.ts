import config, { bodyLimitsOptionsSchema, commentsOptionsSchema } from '@cited-articles/server/src/config';

describe('plugin options', () => {
  it('has defaults for every comment option', () => {
    expect(commentsOptionsSchema.parse({})).toEqual({
      moderation: 'pre',
      closeAfterDays: null,
      maxDepth: 3,
      repliesPerThread: 50,
      maxLength: 3000,
      maxLinks: 2,
      blockedWords: [],
      honeypotField: 'homepage',
      rateLimit: { points: 5, durationSeconds: 60 },
      reportRateLimit: { points: 10, durationSeconds: 60 },
      duplicateWindowSeconds: 3600,
      reportThreshold: 3,
      ipHashSalt: null,
      redisUrl: null,
      redisKeyPrefix: 'cited-articles',
    });
  });

  it('accepts the defaults and a full configuration', () => {
    expect(() => config.validator(config.default())).not.toThrow();
    expect(() =>
      config.validator({
        comments: {
          moderation: 'post',
          closeAfterDays: 14,
          maxDepth: 1,
          maxLength: 500,
          maxLinks: 0,
          blockedWords: ['x'],
          honeypotField: null,
          rateLimit: { points: 3, durationSeconds: 30 },
          duplicateWindowSeconds: 60,
          reportThreshold: 5,
          ipHashSalt: 'a-long-enough-secret',
          redisUrl: 'redis://cache:6379',
          redisKeyPrefix: 'blog',
        },
        otherFeature: { anything: true },
      })
    ).not.toThrow();
  });

  it.each([
    [{ moderation: 'later' }, 'invalid option comments.moderation: moderation must be "pre" or "post"'],
    [{ maxDepth: -1 }, 'invalid option comments.maxDepth: maxDepth must be at least 0'],
    [{ repliesPerThread: 101 }, 'invalid option comments.repliesPerThread: repliesPerThread must be at most 100'],
    [{ maxLength: 10000 }, 'invalid option comments.maxLength: maxLength must be at most 5000'],
    [{ rateLimit: { points: 0 } }, 'invalid option comments.rateLimit.points: rateLimit.points must be at least 1'],
    [{ redisUrl: 'http://cache' }, 'invalid option comments.redisUrl: redisUrl must start with redis:// or rediss://'],
    [{ ipHashSalt: 'short' }, 'invalid option comments.ipHashSalt: ipHashSalt must be at least 16 characters'],
    [{ closeAfterDays: 1.5 }, 'invalid option comments.closeAfterDays: closeAfterDays must be a whole number'],
    [{ blokedWords: [] }, expect.stringContaining('blokedWords')],
  ])('refuses %j with a clear message', (comments, message) => {
    expect(() => config.validator({ comments })).toThrow(expect.objectContaining({ message }));
  });
});

describe('body limit options', () => {
  it('has defaults in bytes for every limited route', () => {
    expect(bodyLimitsOptionsSchema.parse({})).toEqual({ comment: 16_384, report: 8_192, preview: 1_048_576, import: 1_048_576, graphql: 102_400 });
  });

  it.each([
    [{ comment: 100 }, 'invalid option bodyLimits.comment: bodyLimits.comment must be at least 1024'],
    [{ report: '8kb' }, 'invalid option bodyLimits.report: bodyLimits.report must be a number'],
    [{ comments: 20_000 }, expect.stringContaining('comments')],
  ])('refuses %j with a clear message', (bodyLimits, message) => {
    expect(() => config.validator({ bodyLimits })).toThrow(expect.objectContaining({ message }));
  });
});
