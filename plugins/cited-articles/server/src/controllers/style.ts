import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { getService } from '../utils/get-service';
import { DEFAULT_LOCALE } from '../services/references';
import { sendPublic } from '../http-cache/respond';
import { STYLES_KEY } from '../http-cache/keys';

const style = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /styles: the reference styles `?style=` accepts, with the locales each can use. */
  async find(ctx: RequestContext) {
    const styles = getService('references', { strapi });
    sendPublic(ctx, strapi, { data: styles.listStyles(), meta: { defaultStyle: styles.defaultStyle, defaultLocale: DEFAULT_LOCALE } }, [STYLES_KEY]);
  },
});

export default style;
