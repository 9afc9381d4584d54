import type { Core } from '@strapi/strapi';
import type { PluginServices, ServiceName } from '../services';
import { PLUGIN_ID } from '../../../shared/uids';

export type { ServiceName };
export type ServiceOf<N extends ServiceName> = PluginServices[N];

/**
 * The plugin's service `name`, typed by its factory (services/index.ts), as the i18n plugin's
 * getService is. A service calling another through it depends on that service's inferred type:
 * where a method's return type would then depend on itself, that method states its type.
 */
export const getService = <N extends ServiceName>(name: N, { strapi: instance }: { strapi?: Core.Strapi } = {}): ServiceOf<N> =>
  (instance ?? strapi).plugin(PLUGIN_ID).service(name) as ServiceOf<N>;
