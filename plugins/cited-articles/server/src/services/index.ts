import articles from './articles';
import citationSync from './citation-sync';
import commentCounts from './comment-counts';
import preview from './preview';
import referenceStyles from './reference-styles';
import resolvedArticles from './resolved-articles';
import sources from './sources';

export default {
  articles,
  'citation-sync': citationSync,
  'comment-counts': commentCounts,
  preview,
  'reference-styles': referenceStyles,
  'resolved-articles': resolvedArticles,
  sources,
};
