import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import {
  CitedApiError,
  createCitedClient,
  type ArticleResponse,
  type CitedClient,
  type CommentListResponse,
  type PublicComment,
  type PublicThread,
  type ReportReason,
  type TokenSource,
} from './client';
import { stringsFor, type ReaderStrings } from './i18n';
import { baseStyles } from './styles';

const REPORT_REASONS: ReportReason[] = ['spam', 'abuse', 'off-topic', 'misinformation', 'other'];

interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/**
 * <cited-comments api="https://cms.example.com" slug="my-article" locale="en">
 * The approved thread of an article (paginated, with replies), its count and a comment form that
 * shows the server's answers. Nothing is fetched until the element nears the viewport. Comment
 * text is always rendered as text. A reader's Users & Permissions JWT (the `token` property) posts
 * as their account and lets them edit or delete their own comments.
 */
export class CitedCommentsElement extends LitElement {
  static override properties = {
    api: { type: String },
    slug: { type: String },
    locale: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    honeypotField: { type: String, attribute: 'honeypot-field' },
    closed: { type: Boolean, reflect: true },
    eager: { type: Boolean },
    token: { attribute: false },
    client: { attribute: false },
    list: { state: true },
    page: { state: true },
    notice: { state: true },
    busy: { state: true },
    replyTo: { state: true },
    editing: { state: true },
    reporting: { state: true },
    reported: { state: true },
    me: { state: true },
    loadError: { state: true },
    extraReplies: { state: true },
  };

  api = '';
  slug = '';
  locale?: string;
  pageSize = 20;
  /** The honeypot's field name (the plugin's comments.honeypotField). */
  honeypotField = 'homepage';
  /** Comments are closed: the form is replaced by a notice (set from <cited-article> too). */
  closed = false;
  /** Load at once rather than when the element nears the viewport. */
  eager = false;
  token?: TokenSource;
  client?: CitedClient;
  list?: CommentListResponse;
  page = 1;
  notice?: Notice;
  busy = false;
  replyTo?: PublicComment;
  editing?: string;
  reporting?: string;
  reported = new Set<string>();
  me?: { id: number; username: string } | null;
  loadError?: string;
  /** Replies loaded with "show more", by thread. */
  extraReplies = new Map<string, PublicComment[]>();

  private observer?: IntersectionObserver;
  private visible = false;
  private articleLocale?: string;

  static override styles = [
    baseStyles,
    css`
      section {
        max-width: var(--cited-max-width, 70ch);
      }
      h2 {
        font-size: 1.3em;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ol ol {
        margin-left: 1.5em;
        padding-left: 0.75em;
        border-left: 2px solid var(--_border);
      }
      .comment {
        padding: 0.6em 0;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.85em;
      }
      .author {
        font-weight: 600;
        color: var(--cited-text, inherit);
      }
      .badge {
        font-size: 0.75em;
        border: 1px solid var(--_border);
        border-radius: 999px;
        padding: 0 0.5em;
        margin-left: 0.4em;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0.25em 0;
      }
      .actions {
        display: flex;
        gap: 0.5em;
        flex-wrap: wrap;
        font-size: 0.85em;
      }
      form {
        display: grid;
        gap: 0.6em;
        margin-top: 1em;
      }
      label {
        display: grid;
        gap: 0.2em;
      }
      input,
      textarea,
      select {
        font: inherit;
        color: inherit;
        background: var(--cited-input-bg, var(--_surface));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.4em 0.5em;
      }
      textarea {
        min-height: 6em;
        resize: vertical;
      }
      .trap {
        position: absolute;
        left: -10000px;
        width: 1px;
        height: 1px;
        overflow: hidden;
      }
      .notice {
        padding: 0.5em 0.75em;
        border-radius: var(--_radius);
        border: 1px solid var(--_border);
      }
      .notice.error {
        color: var(--cited-error, #b3261e);
        border-color: currentColor;
      }
      .pages {
        display: flex;
        gap: 0.75em;
        align-items: center;
        margin: 0.75em 0;
      }
    `,
  ];

  private get strings(): ReaderStrings {
    return stringsFor(this.locale ?? this.articleLocale);
  }

  private ownClient?: { key: string; client: CitedClient };

  /** The client given, or one of our own, kept while api and token stay (its ETags with it). */
  private get api_(): CitedClient {
    if (this.client) return this.client;
    const token = this.token;
    const key = JSON.stringify([this.api, typeof token === 'function' ? 'fn' : (token ?? '')]);
    if (this.ownClient?.key !== key) this.ownClient = { key, client: createCitedClient({ baseUrl: this.api, token }) };
    return this.ownClient.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('cited-article-load', this.onArticleLoad);
    if (this.eager || typeof IntersectionObserver === 'undefined') {
      this.visible = true;
      return;
    }
    // Lazy: the thread is fetched when the element comes within a screen of the viewport.
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.observer?.disconnect();
        this.visible = true;
        void this.reload();
      },
      { rootMargin: '400px 0px' }
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    document.removeEventListener('cited-article-load', this.onArticleLoad);
  }

  /** <cited-article> on the same page says whether comments are open, and the article's language. */
  private onArticleLoad = (event: Event) => {
    const article = (event as CustomEvent<ArticleResponse>).detail;
    if (article?.data?.slug !== this.slug) return;
    this.articleLocale = article.meta.locale ?? undefined;
    if (article.data.commentsEnabled === false) this.closed = true;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    const watched = ['slug', 'locale', 'api', 'token', 'pageSize'] as const;
    if (watched.some((name) => changed.has(name)) && this.visible && this.slug) {
      if (changed.has('pageSize') || changed.has('slug') || changed.has('locale')) this.page = 1;
      void this.reload();
    }
  }

  /** Fetches the current page of the thread (and who the reader is, when signed in). */
  async reload(): Promise<void> {
    if (!this.slug) return;
    try {
      const [list, me] = await Promise.all([
        this.api_.listComments(this.slug, { page: this.page, pageSize: this.pageSize, locale: this.locale }),
        this.token ? this.api_.me() : Promise.resolve(null),
      ]);
      this.list = list;
      this.me = me;
      this.extraReplies = new Map();
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  private async goTo(page: number) {
    this.page = page;
    await this.reload();
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override render() {
    const t = this.strings;
    const count = this.list?.meta.commentCount;
    return html`<section part="comments" aria-labelledby="cited-comments-heading">
      <h2 id="cited-comments-heading" part="count" tabindex="-1">${count === undefined ? t.comment : t.comments(count)}</h2>
      ${this.loadError ? html`<p class="notice error" part="notice" role="alert">${t.loadFailed}</p>` : nothing}
      ${this.list ? this.renderList(this.list) : this.visible ? html`<p aria-busy="true">${t.loading}</p>` : nothing} ${this.renderForm()}
    </section>`;
  }

  private renderList(list: CommentListResponse) {
    const t = this.strings;
    const { page, pageCount } = list.meta.pagination;
    return html`
      ${list.data.length === 0 ? html`<p part="empty">${t.noComments}</p>` : nothing}
      <ol part="thread">
        ${list.data.map((thread) => this.renderThread(thread, thread.moreReplies))}
      </ol>
      ${
        pageCount > 1
          ? html`<nav class="pages" part="pagination" aria-label=${t.page(page, pageCount)}>
              <button ?disabled=${page <= 1} @click=${() => this.goTo(page - 1)}>${t.previous}</button>
              <span>${t.page(page, pageCount)}</span>
              <button ?disabled=${page >= pageCount} @click=${() => this.goTo(page + 1)}>${t.next}</button>
            </nav>`
          : nothing
      }
    `;
  }

  private renderThread(node: PublicThread, moreReplies = false): unknown {
    const extra = this.extraReplies.get(node.documentId) ?? [];
    const replies = [...node.replies, ...extra.map((reply) => ({ ...reply, replies: [] }))];
    return html`<li>
      ${this.renderComment(node)}
      ${
        replies.length > 0
          ? html`<ol>
              ${replies.map((reply) => this.renderThread(reply))}
            </ol>`
          : nothing
      }
      ${
        moreReplies && extra.length === 0
          ? html`<button part="more-replies" @click=${() => this.loadReplies(node.documentId)}>${this.strings.moreReplies}</button>`
          : nothing
      }
    </li>`;
  }

  private isMine(comment: PublicComment) {
    return Boolean(this.me && !comment.staff && !comment.deleted && comment.authorName === this.me.username);
  }

  private renderComment(comment: PublicComment) {
    const t = this.strings;
    if (comment.deleted) return html`<article class="comment" part="comment"><p class="meta">${t.deleted}</p></article>`;
    const when = new Date(comment.createdAt);
    const dateText = Number.isNaN(when.getTime())
      ? ''
      : when.toLocaleDateString(this.locale ?? this.articleLocale ?? undefined, { year: 'numeric', month: 'short', day: 'numeric' });
    return html`<article class="comment" part="comment" id=${`comment-${comment.documentId}`}>
      <div class="meta">
        <span class="author" part="author">${comment.authorName}</span>${comment.staff ? html`<span class="badge">${t.staff}</span>` : nothing} ·
        <time datetime=${comment.createdAt}>${dateText}</time>${comment.editedAt ? html` · ${t.edited}` : nothing}
      </div>
      ${
        this.editing === comment.documentId
          ? html`<form @submit=${(event: SubmitEvent) => this.saveEdit(event, comment)}>
              <label>${t.comment}<textarea name="content" required .value=${comment.content}></textarea></label>
              <div class="actions">
                <button type="submit" ?disabled=${this.busy}>${t.save}</button>
                <button type="button" @click=${() => (this.editing = undefined)}>${t.cancel}</button>
              </div>
            </form>`
          : html`<p class="text" part="comment-text">${comment.content}</p>`
      }
      <div class="actions" part="comment-actions">
        ${this.closed ? nothing : html`<button @click=${() => this.startReply(comment)}>${t.reply}</button>`}
        ${
          this.isMine(comment)
            ? html`<button @click=${() => (this.editing = comment.documentId)}>${t.edit}</button>
                <button @click=${() => this.deleteOwn(comment)}>${t.delete}</button>`
            : nothing
        }
        ${
          this.reported.has(comment.documentId)
            ? html`<span role="status">${t.reported}</span>`
            : this.reporting === comment.documentId
              ? html`<form class="report" @submit=${(event: SubmitEvent) => this.report(event, comment)}>
                  <label
                    >${t.report}
                    <select name="reason">
                      ${REPORT_REASONS.map((reason) => html`<option value=${reason}>${t.reasons[reason]}</option>`)}
                    </select></label
                  >
                  <button type="submit">${t.report}</button>
                  <button type="button" @click=${() => (this.reporting = undefined)}>${t.cancel}</button>
                </form>`
              : html`<button @click=${() => (this.reporting = comment.documentId)}>${t.report}</button>`
        }
      </div>
    </article>`;
  }

  private renderForm() {
    const t = this.strings;
    if (this.closed) return html`<p class="notice" part="notice" role="status">${t.closed}</p>`;
    const signedIn = Boolean(this.token && this.me);
    return html`<form part="form" @submit=${this.submit} novalidate>
      <h3>${t.leaveComment}</h3>
      ${signedIn ? html`<p class="meta">${t.signedInAs(this.me!.username)}</p>` : nothing}
      ${
        this.replyTo
          ? html`<p class="meta">
              ${t.reply}: ${this.replyTo.authorName}
              <button type="button" @click=${() => (this.replyTo = undefined)}>${t.cancel}</button>
            </p>`
          : nothing
      }
      ${
        signedIn
          ? nothing
          : html`<label>${t.name}<input name="authorName" autocomplete="name" required maxlength="100" /></label>
              <label>${t.email}<input name="authorEmail" type="email" autocomplete="email" required maxlength="254" /></label>`
      }
      <label>${t.comment}<textarea name="content" required></textarea></label>
      <div class="trap" aria-hidden="true">
        <label>Leave this empty<input name=${this.honeypotField} tabindex="-1" autocomplete="off" /></label>
      </div>
      <div><button type="submit" part="submit" ?disabled=${this.busy}>${this.busy ? t.posting : t.post}</button></div>
      <div role="status" aria-live="polite" part="notice-region">
        ${this.notice ? html`<p class=${`notice ${this.notice.kind}`} part="notice">${this.notice.text}</p>` : nothing}
      </div>
    </form>`;
  }

  private startReply(comment: PublicComment) {
    this.replyTo = comment;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('form[part="form"] textarea')?.focus());
  }

  /** The server's refusal in the reader's words: the retry time of a 429, closed comments, else its message. */
  private noticeOf(error: unknown): Notice {
    const t = this.strings;
    if (error instanceof CitedApiError) {
      if (error.status === 429) return { kind: 'error', text: error.retryAfterSeconds ? t.retryIn(error.retryAfterSeconds) : error.message };
      if (error.status === 403 && /^Comments (?:are closed|close)/.test(error.message)) {
        this.closed = true;
        return { kind: 'error', text: t.closed };
      }
      return { kind: 'error', text: error.message };
    }
    return { kind: 'error', text: t.loadFailed };
  }

  private submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    const text = (name: string) => String(fields.get(name) ?? '');
    const body: Record<string, unknown> = { content: text('content') };
    if (!(this.token && this.me)) {
      body.authorName = text('authorName');
      body.authorEmail = text('authorEmail');
    }
    const trap = text(this.honeypotField);
    if (trap) body[this.honeypotField] = trap;
    if (this.replyTo) body.parent = this.replyTo.documentId;
    this.busy = true;
    this.notice = undefined;
    try {
      const { data } = await this.api_.postComment(this.slug, { content: text('content'), ...body }, { locale: this.locale });
      form.reset();
      this.replyTo = undefined;
      this.notice = { kind: 'info', text: data.status === 'approved' ? this.strings.published : this.strings.awaitingModeration };
      if (data.status === 'approved') await this.reload();
    } catch (error) {
      this.notice = this.noticeOf(error);
    } finally {
      this.busy = false;
    }
  };

  private async saveEdit(event: SubmitEvent, comment: PublicComment) {
    event.preventDefault();
    const content = String(new FormData(event.currentTarget as HTMLFormElement).get('content') ?? '');
    this.busy = true;
    try {
      const { data } = await this.api_.editComment(comment.documentId, { content });
      this.editing = undefined;
      // An edit may go back to the moderators (the server decides): the reader is told why it left.
      if (data.status === 'pending') this.notice = { kind: 'info', text: this.strings.editAwaitingModeration };
      await this.reload();
    } catch (error) {
      this.notice = this.noticeOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async deleteOwn(comment: PublicComment) {
    if (!window.confirm(this.strings.confirmDelete)) return;
    try {
      await this.api_.deleteComment(comment.documentId);
      await this.reload();
    } catch (error) {
      this.notice = this.noticeOf(error);
    }
  }

  private async report(event: SubmitEvent, comment: PublicComment) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? 'other') as ReportReason;
    try {
      await this.api_.reportComment(comment.documentId, { reason });
      this.reported = new Set([...this.reported, comment.documentId]);
      this.reporting = undefined;
    } catch (error) {
      this.notice = this.noticeOf(error);
    }
  }

  private async loadReplies(documentId: string) {
    try {
      const { data } = await this.api_.listReplies(documentId, { pageSize: 100 });
      // The replies already shown came with the thread; the page repeats them.
      const shown = new Set<string>();
      const collect = (nodes: PublicThread[]) => nodes.forEach((n) => (shown.add(n.documentId), collect(n.replies)));
      collect(this.list?.data.find((thread) => thread.documentId === documentId)?.replies ?? []);
      this.extraReplies = new Map([...this.extraReplies, [documentId, data.filter((reply) => !shown.has(reply.documentId))]]);
    } catch (error) {
      this.notice = this.noticeOf(error);
    }
  }
}
