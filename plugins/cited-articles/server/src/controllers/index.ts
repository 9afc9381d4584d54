import article from './article';
import source from './source';

export default {
  article,
  source,
};
