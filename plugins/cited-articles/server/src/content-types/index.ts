import article from './article';
import comment from './comment';
import source from './source';

export default {
  article,
  comment,
  source,
};
