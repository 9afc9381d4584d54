/**
 * The plugin's public GraphQL schema. Every type is prefixed `Cited` so that none collides with the
 * types Strapi generates for content types. Fields mirror the REST answers (README "GraphQL");
 * private attributes (emails, IP and reporter hashes, moderation data, report counts) have no field.
 *
 * The comment input's fields are nullable on purpose: the same zod schema as the REST route
 * validates them, so a missing field gets the same message ("authorName is required").
 */
import { PUBLIC_SOURCE_FIELDS, type PublicSourceField } from '../utils/public-shape';

// A GraphQL field name; a honeypot option that is not one (such as "home-page") gets no field.
const GRAPHQL_NAME = /^[_a-z]\w*$/i;

/**
 * GraphQL types of a source's public fields (utils/public-shape.ts), written once for both
 * CitedReferenceSource and CitedSource. documentId is left to each, as the public schema has always
 * typed it differently (a nullable String on the first, ID! on the second).
 */
const SOURCE_FIELD_TYPES: Record<Exclude<PublicSourceField, 'documentId'>, string> = {
  key: 'String!',
  title: 'String!',
  containerTitle: 'String',
  publisher: 'String',
  publisherPlace: 'String',
  authors: '[CitedName!]!',
  editors: '[CitedName!]!',
  translators: '[CitedName!]!',
  url: 'String',
  publishedDate: 'String',
  accessedDate: 'String',
  archiveUrl: 'String',
  doi: 'String',
  type: 'String',
  language: 'String',
  volume: 'String',
  issue: 'String',
  pages: 'String',
  edition: 'String',
  isbn: 'String',
  issn: 'String',
  number: 'String',
  genre: 'String',
};

/** The shared field lines, in the order of PUBLIC_SOURCE_FIELDS (the REST answers' order). */
const sourceFields = PUBLIC_SOURCE_FIELDS.filter((field): field is Exclude<PublicSourceField, 'documentId'> => field !== 'documentId')
  .map((field) => `    ${field}: ${SOURCE_FIELD_TYPES[field]}`)
  .join('\n');

/** The fields of an article in a list and of an article citing a source (REST: PublicArticleSummary). */
const articleSummaryFields = `    documentId: ID!
    locale: String
    slug: String!
    title: String!
    summary: String
    publishedAt: String
    updatedAt: String`;

export const typeDefs = (configuredHoneypot: string | null) => {
  const honeypotField = configuredHoneypot && GRAPHQL_NAME.test(configuredHoneypot) ? configuredHoneypot : null;
  return `
  "Page numbers of a paginated list."
  type CitedPagination {
    page: Int!
    pageSize: Int!
    pageCount: Int!
    total: Int!
  }

  "One marker in the body: its position, the reference number it shows and the source it cites."
  type CitedCitation {
    id: String!
    number: Int!
    marker: String!
    start: Int!
    end: Int!
    sourceKey: String!
    locator: String
    "The whole marker as an author-date style prints it in the text, e.g. (Porter et al., 2004, p. 12); the same for every source of one marker. Null for numeric styles and news."
    formatted: String
  }

  "A person (family and given apart, with particles and suffix) or an organisation (literal), as CSL-JSON writes names."
  type CitedName {
    family: String
    given: String
    nonDroppingParticle: String
    droppingParticle: String
    suffix: String
    literal: String
  }

  "A source as a reference list shows it."
  type CitedReferenceSource {
    documentId: String
${sourceFields}
  }

  "One entry of the reference list, formatted in the requested style."
  type CitedReference {
    id: String!
    number: Int!
    backlinks: [String!]!
    formatted: String!
    source: CitedReferenceSource!
  }

  "A problem found while resolving the markers (unknown key, position out of range, ...)."
  type CitedIssue {
    code: String!
    severity: String!
    message: String!
    marker: String
    start: Int
    end: Int
    sourceKey: String
  }

  "A published article with its citations resolved, as GET /articles/:slug answers it."
  type CitedArticle {
    documentId: ID!
    slug: String!
    title: String!
    summary: String
    body: String!
    "Sanitised HTML of the body with citation links and the reference list; rendered only when selected."
    bodyHtml: String
    publishedAt: String
    updatedAt: String
    numberingStart: Int!
    commentsEnabled: Boolean!
    commentCount: Int!
    citations: [CitedCitation!]!
    references: [CitedReference!]!
    issues: [CitedIssue!]!
    "The reference style the references are formatted in."
    style: String!
    "The article's content locale (each locale is its own version with its own slug, body and comments)."
    locale: String
    "The locale the references are formatted in (the article's own unless referenceLocale asked for another)."
    referenceLocale: String
  }

  "A published article in a list."
  type CitedArticleSummary {
${articleSummaryFields}
    numberingStart: Int
    referenceCount: Int!
    commentCount: Int!
  }

  type CitedArticleList {
    data: [CitedArticleSummary!]!
    pagination: CitedPagination!
  }

  "A published article that cites a source."
  type CitedCitingArticle {
${articleSummaryFields}
  }

  "A source of the library and the published articles that cite it."
  type CitedSource {
    documentId: ID!
${sourceFields}
    citedBy: [CitedCitingArticle!]!
  }

  "A reader comment. Lists hold approved comments only; a new comment may be pending."
  type CitedComment {
    documentId: ID!
    "null for a comment its author deleted, kept for its replies."
    authorName: String
    content: String!
    "content as escaped HTML (paragraphs and line breaks), safe to insert as is."
    contentHtml: String!
    createdAt: String
    depth: Int!
    "documentId of the comment this one answers."
    parent: ID
    "approved or pending."
    status: String!
    "When its author last edited it."
    editedAt: String
    "Deleted by its author, kept as a placeholder for its replies (no name, no text)."
    deleted: Boolean!
    "A reply from the newsroom (an admin's)."
    staff: Boolean!
    replies: [CitedComment!]!
    "Root comments of a list only: approved replies in the thread."
    replyCount: Int
    "Root comments of a list only: whether the thread has more replies than are nested here."
    moreReplies: Boolean
  }

  type CitedCommentPage {
    "Root comments of the page, their approved replies nested."
    data: [CitedComment!]!
    pagination: CitedPagination!
    sort: String!
    "Approved comments of the article, replies included."
    commentCount: Int!
  }

  input CitedCommentInput {
    authorName: String
    authorEmail: String
    content: String
    "documentId of the approved comment this one answers."
    parent: ID
    "Email me when a reply to this comment is approved (the address given, or the account's)."
    notifyReplies: Boolean${honeypotField ? `\n    "Leave empty: only bots fill it in."\n    ${honeypotField}: JSON` : ''}
  }

  "The new text of one's own comment (updateMyComment)."
  input CitedCommentEditInput {
    content: String
  }

  "What deleteMyComment did."
  type CitedCommentDeletion {
    documentId: ID!
    deleted: Boolean!
    "true when the comment has replies and stays in its thread as a placeholder (no name, no text)."
    placeholder: Boolean!
  }

  type CitedReportResult {
    comment: ID!
    reason: String!
    "false when this reporter had already reported the comment."
    counted: Boolean!
  }

  extend type Query {
    citedArticle(slug: String!, style: String, locale: String, referenceLocale: String): CitedArticle
    citedArticles(page: Int, pageSize: Int, locale: String): CitedArticleList
    citedSource(key: String!, locale: String): CitedSource
    articleComments(slug: String!, page: Int, pageSize: Int, sort: String, locale: String): CitedCommentPage
  }

  extend type Mutation {
    createArticleComment(slug: String!, data: CitedCommentInput!, locale: String): CitedComment
    reportComment(documentId: ID!, reason: String!, details: String): CitedReportResult
    "Edit one's own comment within comments.editWindowMinutes (a reader's JWT in the Authorization header)."
    updateMyComment(documentId: ID!, data: CitedCommentEditInput!): CitedComment
    "Delete one's own comment (a reader's JWT in the Authorization header)."
    deleteMyComment(documentId: ID!): CitedCommentDeletion
  }
`;
};
