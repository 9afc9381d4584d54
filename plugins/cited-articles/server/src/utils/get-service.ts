import type { Core } from '@strapi/strapi';
import type services from '../services';
import { PLUGIN_ID } from './uids';

type Services = typeof services;
export type ServiceName = keyof Services;
export type ServiceOf<N extends ServiceName> = ReturnType<Services[N]>;

/** The plugin's service `name`, typed, as in Strapi's core plugins. */
export const getService = <N extends ServiceName>(name: N, { strapi: instance }: { strapi?: Core.Strapi } = {}): ServiceOf<N> =>
  (instance ?? strapi).plugin(PLUGIN_ID).service(name) as ServiceOf<N>;
