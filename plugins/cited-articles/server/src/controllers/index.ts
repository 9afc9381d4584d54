import article from './article';
import comment from './comment';
import moderation from './moderation';
import source from './source';

export default {
  article,
  comment,
  moderation,
  source,
};
