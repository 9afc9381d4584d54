import type { ReportReason } from './client';

/** The kit's strings, in English. The article's locale picks the table (its language part: "fr-CA" → fr). */
const en = {
  references: 'References',
  backToCitation: 'Back to the citation',
  openSource: 'Open the source',
  archived: 'Archived copy',
  reference: (n: number) => `Reference ${n}`,
  comments: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
  loading: 'Loading…',
  loadFailed: 'Could not load. Try again later.',
  noComments: 'Be the first to comment.',
  name: 'Name',
  email: 'Email (not shown)',
  comment: 'Comment',
  post: 'Post comment',
  posting: 'Posting…',
  reply: 'Reply',
  cancel: 'Cancel',
  edit: 'Edit',
  save: 'Save',
  delete: 'Delete',
  deleted: 'This comment was deleted.',
  report: 'Report',
  reported: 'Reported. Thank you.',
  edited: 'edited',
  staff: 'Staff',
  awaitingModeration: 'Thank you. Your comment is awaiting moderation and will appear once approved.',
  published: 'Your comment is published.',
  editAwaitingModeration: 'Your edit is saved and awaits moderation; the comment shows again once approved.',
  closed: 'Comments are closed.',
  retryIn: (s: number) => `Too many comments from your network. Try again in ${s} ${s === 1 ? 'second' : 'seconds'}.`,
  signedInAs: (name: string) => `Signed in as ${name}`,
  previous: 'Previous',
  next: 'Next',
  page: (page: number, count: number) => `Page ${page} of ${count}`,
  moreReplies: 'Show more replies',
  leaveComment: 'Leave a comment',
  confirmDelete: 'Delete this comment?',
  reasons: { spam: 'Spam', abuse: 'Abuse', 'off-topic': 'Off topic', misinformation: 'Misinformation', other: 'Other' } satisfies Record<
    ReportReason,
    string
  >,
};

/** The kit's strings: every language's table has the English one's entries. */
export type ReaderStrings = typeof en;

const fr: ReaderStrings = {
  references: 'Références',
  backToCitation: 'Retour à la citation',
  openSource: 'Ouvrir la source',
  archived: 'Copie archivée',
  reference: (n) => `Référence ${n}`,
  comments: (n) => (n <= 1 ? `${n} commentaire` : `${n} commentaires`),
  loading: 'Chargement…',
  loadFailed: 'Chargement impossible. Réessayez plus tard.',
  noComments: 'Soyez le premier à commenter.',
  name: 'Nom',
  email: 'E-mail (non affiché)',
  comment: 'Commentaire',
  post: 'Publier le commentaire',
  posting: 'Envoi…',
  reply: 'Répondre',
  cancel: 'Annuler',
  edit: 'Modifier',
  save: 'Enregistrer',
  delete: 'Supprimer',
  deleted: 'Ce commentaire a été supprimé.',
  report: 'Signaler',
  reported: 'Signalé. Merci.',
  edited: 'modifié',
  staff: 'Rédaction',
  awaitingModeration: 'Merci. Votre commentaire est en attente de modération et apparaîtra une fois approuvé.',
  published: 'Votre commentaire est publié.',
  editAwaitingModeration: 'Votre modification est enregistrée et attend la modération ; le commentaire réapparaîtra une fois approuvé.',
  closed: 'Les commentaires sont fermés.',
  retryIn: (s) => `Trop de commentaires depuis votre réseau. Réessayez dans ${s} ${s <= 1 ? 'seconde' : 'secondes'}.`,
  signedInAs: (name) => `Connecté en tant que ${name}`,
  previous: 'Précédent',
  next: 'Suivant',
  page: (page, count) => `Page ${page} sur ${count}`,
  moreReplies: 'Afficher plus de réponses',
  leaveComment: 'Laisser un commentaire',
  confirmDelete: 'Supprimer ce commentaire ?',
  reasons: { spam: 'Spam', abuse: 'Abus', 'off-topic': 'Hors sujet', misinformation: 'Désinformation', other: 'Autre' },
};

const tables: Record<string, ReaderStrings> = { en, fr };

export function stringsFor(locale: string | null | undefined): ReaderStrings {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return tables[language] ?? en;
}

/** Adds or replaces a language's strings (e.g. registerStrings('de', {...})). */
export function registerStrings(language: string, strings: ReaderStrings): void {
  tables[language.toLowerCase()] = strings;
}
