import article from './article';
import preview from './preview';
import source from './source';

export default {
  article,
  preview,
  source,
};
