import article from './article';
import comment from './comment';
import commentReport from './comment-report';
import source from './source';
import taskLock from './task-lock';

export default {
  article,
  comment,
  'comment-report': commentReport,
  source,
  'task-lock': taskLock,
};
