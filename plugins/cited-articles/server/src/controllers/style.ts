import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../utils/request-context';
import { getService } from '../utils/get-service';
import { DEFAULT_LOCALE } from '../services/reference-styles';
import { sendPublic } from '../http-cache/respond';
import { STYLES_KEY } from '../http-cache/keys';

const style = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /styles: the reference styles `?style=` accepts, with the locales each can use. */
  async find(ctx: RequestContext) {
    const styles = getService('reference-styles', { strapi });
    sendPublic(ctx, strapi, { data: styles.list(), meta: { defaultStyle: styles.defaultStyle, defaultLocale: DEFAULT_LOCALE } }, [STYLES_KEY]);
  },
});

export default style;
