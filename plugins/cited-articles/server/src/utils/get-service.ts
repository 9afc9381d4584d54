import type { Core } from '@strapi/strapi';
import type { PluginServices, ServiceName } from '../services/contracts';
import { PLUGIN_ID } from '../../../shared/uids';

export type { ServiceName };
export type ServiceOf<N extends ServiceName> = PluginServices[N];

/**
 * The plugin's service `name`, typed by its contract (services/contracts/), as the i18n plugin's
 * getService is: the contracts import no implementation, so no service is tied to the others here.
 */
export const getService = <N extends ServiceName>(name: N, { strapi: instance }: { strapi?: Core.Strapi } = {}): ServiceOf<N> =>
  (instance ?? strapi).plugin(PLUGIN_ID).service(name) as ServiceOf<N>;
