// Admin routes, under /cited-articles. Each states its guard on the route itself: an
// authenticated admin holding the plugin's RBAC action for it.
export default {
  type: 'admin',
  routes: [] as any[],
};
