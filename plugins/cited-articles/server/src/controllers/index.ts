import article from './article';
import preview from './preview';
import comment from './comment';
import moderation from './moderation';
import notification from './notification';
import source from './source';
import referenceExport from './reference-export';
import sourceImport from './source-import';
import style from './style';
import sourceLibrary from './source-library';
import sourceHealth from './source-health';
import readerScript from './reader-script';

export default {
  article,
  preview,
  comment,
  moderation,
  notification,
  source,
  'reference-export': referenceExport,
  'source-import': sourceImport,
  style,
  'source-library': sourceLibrary,
  'source-health': sourceHealth,
  'reader-script': readerScript,
};
