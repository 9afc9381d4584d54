// `npm run test:soak`: tests that need processes of their own and longer than the API tests (the app
// killed with SIGKILL and restarted). Same transform and global setup as jest.config.js.
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/*.soak.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
