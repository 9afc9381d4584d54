import article from './article';
import comment from './comment';
import commentReport from './comment-report';
import commentTally from './comment-tally';
import notificationOptout from './notification-optout';
import source from './source';
import taskLock from './task-lock';

export default {
  article,
  comment,
  'comment-report': commentReport,
  'comment-tally': commentTally,
  'notification-optout': notificationOptout,
  source,
  'task-lock': taskLock,
};
