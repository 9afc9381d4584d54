import { formats, winston } from '@strapi/logger';

// Strapi's default console logger, with its level taken from STRAPI_LOG_LEVEL (the test suite
// sets it to 'error' so that test output shows failures, not every request).
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.STRAPI_LOG_LEVEL || 'http',
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' }),
    }),
  ],
};
