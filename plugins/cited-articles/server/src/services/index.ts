import articles from './articles';
import commentCounts from './comment-counts';
import sources from './sources';

export default {
  articles,
  'comment-counts': commentCounts,
  sources,
};
