// The app in a child process, for tests that need a second instance on the same database or a
// process they can kill: boots the compiled app with the environment it was given (the parent's
// database and secrets), listens on a free port and sends { type: 'ready', port } over IPC.
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..');

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  process.send({ type: 'ready', port: strapi.server.httpServer.address().port });
  process.on('message', async (message) => {
    if (message.type === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
