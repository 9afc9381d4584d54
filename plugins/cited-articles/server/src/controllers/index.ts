import article from './article';
import preview from './preview';
import comment from './comment';
import moderation from './moderation';
import source from './source';
import sourceLibrary from './source-library';

export default {
  article,
  preview,
  comment,
  moderation,
  source,
  'source-library': sourceLibrary,
};
