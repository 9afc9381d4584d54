import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { createCitedClient, type ArticleResponse, type CitedClient, type PublicReference, type TokenSource } from './client';
import { stringsFor } from './i18n';
import { placePreview } from './preview-placement';
import { baseStyles } from './styles';

/** How long a pointer rests on a marker before its preview opens, and may leave before it closes. */
const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 200;
const PREVIEW_ID = 'cited-preview';

/** A link a reader may follow: http(s) only (the server stores no other, this is a second guard). */
const safeHref = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

const sourceLinkOf = (reference: PublicReference) =>
  safeHref(reference.source.url) ?? (reference.source.doi ? `https://doi.org/${encodeURIComponent(reference.source.doi)}` : null);

/**
 * <cited-article api="https://cms.example.com" slug="my-article" locale="en" citation-style="apa">
 * The resolved article (`?format=html`): its title, its body with citation markers and its reference
 * list with back-links. Markers open a preview of their reference(s): after a short hover, at once on
 * keyboard focus, on a tap on touch screens. The preview is a tooltip (role="tooltip", the marker's
 * aria-describedby), placed below or above the marker, never over it; Escape or leaving closes it.
 */
export class CitedArticleElement extends LitElement {
  static override properties = {
    api: { type: String },
    slug: { type: String },
    locale: { type: String },
    citationStyle: { type: String, attribute: 'citation-style' },
    referenceLocale: { type: String, attribute: 'reference-locale' },
    status: { type: String },
    token: { attribute: false },
    previewToken: { type: String, attribute: 'preview-token' },
    client: { attribute: false },
    article: { attribute: false },
    error: { state: true },
    openFor: { state: true },
  };

  api = '';
  slug = '';
  locale?: string;
  citationStyle?: string;
  referenceLocale?: string;
  /** "draft" reads the draft through the preview route (needs a token with the preview permission). */
  status?: 'published' | 'draft';
  token?: TokenSource;
  /** An API token with the preview permission, as an attribute (a draft page's server writes it). */
  previewToken?: string;
  client?: CitedClient;
  /** The answer shown; set it to render without fetching (server-side data, tests). */
  article?: ArticleResponse;
  error?: string;
  /** The references of the open preview, and the marker it belongs to. */
  openFor?: { marker: HTMLElement; references: PublicReference[] };

  private referencesById = new Map<string, PublicReference>();
  /** cite id → the numbers of every source cited by the same marker (a multi-cite). */
  private groupOf = new Map<string, number[]>();
  private referencesByNumber = new Map<number, PublicReference>();
  private openTimer?: ReturnType<typeof setTimeout>;
  private closeTimer?: ReturnType<typeof setTimeout>;
  private lastPointer = 'mouse';
  /** The marker whose preview was open when the last touch began (a tap's focus opens one too). */
  private openAtPointerDown: HTMLElement | null = null;
  private focusFromLink = false;
  private loadedKey = '';

  static override styles = [
    baseStyles,
    css`
      :host {
        position: relative;
      }
      article {
        max-width: var(--cited-max-width, 70ch);
      }
      h1 {
        font-size: var(--cited-title-size, 2em);
        line-height: 1.2;
        margin: 0 0 0.5em;
      }
      /* Markers: numbers ([1]) or author-date text, always links to #ref-N. */
      .body a[href^='#ref-'] {
        text-decoration: none;
        padding: 0 0.1em;
        border-radius: 3px;
      }
      .body a[href^='#ref-']:hover,
      .body a[href^='#ref-'][aria-describedby] {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
      }
      ol.references {
        font-size: 0.9em;
        padding-left: 2em;
      }
      /* Long articles: what is off screen is laid out when it comes near (500 references render
         in a fraction of the time); anchors, find-in-page and screen readers still see it all.
         Not on the list's items: their numbers are drawn outside them, and would be clipped. */
      .body > * {
        content-visibility: auto;
        contain-intrinsic-size: auto 3em;
      }
      .backlinks sup {
        vertical-align: baseline;
        font-size: inherit;
      }
      ol.references li:target,
      ol.references li.flash,
      sup.flash {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
      }
      .source-link {
        margin-left: 0.4em;
        font-size: 0.9em;
      }
      .preview {
        position: absolute;
        z-index: var(--cited-preview-z, 1000);
        box-sizing: border-box;
        width: max-content;
        max-width: min(28rem, calc(100vw - 12px));
        background: var(--cited-preview-bg, var(--_surface));
        color: var(--cited-preview-text, inherit);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: var(--cited-preview-shadow, 0 4px 16px rgb(0 0 0 / 0.2));
        padding: 0.6em 0.8em;
        font-size: 0.9em;
        line-height: 1.45;
      }
      .preview ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .preview li + li {
        margin-top: 0.5em;
        padding-top: 0.5em;
        border-top: 1px solid var(--_border);
      }
      .preview .number {
        font-weight: 600;
        margin-right: 0.3em;
      }
      .error {
        color: var(--cited-error, #b3261e);
      }
    `,
  ];

  private get strings() {
    return stringsFor(this.article?.meta.locale ?? this.locale);
  }

  private ownClient?: { key: string; client: CitedClient };

  /** The client given, or one of our own, kept while api and token stay (its ETags with it). */
  private get api_(): CitedClient {
    if (this.client) return this.client;
    const token = this.token ?? this.previewToken;
    const key = JSON.stringify([this.api, typeof token === 'function' ? 'fn' : (token ?? '')]);
    if (this.ownClient?.key !== key) this.ownClient = { key, client: createCitedClient({ baseUrl: this.api, token }) };
    return this.ownClient.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onDocumentKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeydown);
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = JSON.stringify([this.api, this.slug, this.locale, this.citationStyle, this.referenceLocale, this.status, this.previewToken]);
    // An answer given as a property stands for these attributes: nothing is fetched until they change.
    if (changed.has('article') && this.article) this.loadedKey = key;
    else if (this.slug && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
    if (changed.has('article')) this.index();
  }

  /** Fetches the article again (after an edit, or when its attributes change). */
  async load(): Promise<void> {
    try {
      const query = { format: 'html' as const, locale: this.locale, style: this.citationStyle, referenceLocale: this.referenceLocale };
      this.article = this.status === 'draft' ? await this.api_.previewArticle(this.slug, query) : await this.api_.getArticle(this.slug, query);
      this.error = undefined;
      this.dispatchEvent(new CustomEvent('cited-article-load', { detail: this.article, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new CustomEvent('cited-article-error', { detail: error, bubbles: true, composed: true }));
    }
  }

  private index() {
    this.referencesById.clear();
    this.referencesByNumber.clear();
    this.groupOf.clear();
    const data = this.article?.data;
    if (!data) return;
    for (const reference of data.references) {
      this.referencesById.set(reference.id, reference);
      this.referencesByNumber.set(reference.number, reference);
    }
    // The sources of one marker share its offsets in the body.
    const byMarker = new Map<number, number[]>();
    for (const citation of data.citations) {
      const numbers = byMarker.get(citation.start) ?? [];
      if (!numbers.includes(citation.number)) numbers.push(citation.number);
      byMarker.set(citation.start, numbers);
    }
    for (const citation of data.citations) this.groupOf.set(citation.id, byMarker.get(citation.start) ?? [citation.number]);
  }

  protected override render() {
    if (this.error) return html`<p class="error" part="error" role="alert">${this.error}</p>`;
    const data = this.article?.data;
    if (!data) return html`<p part="loading" aria-busy="true">${this.strings.loading}</p>`;
    return html`
      <article part="article" lang=${data.locale ?? nothing}>
        <h1 part="title">${data.title}</h1>
        <div
          class="body"
          part="body"
          @mouseover=${this.onPointerOver}
          @mouseout=${this.onPointerOut}
          @pointerdown=${this.onPointerDown}
          @focusin=${this.onFocusIn}
          @focusout=${this.onFocusOut}
          @click=${this.onClick}
        >
          ${unsafeHTML(data.bodyHtml ?? '')}
        </div>
      </article>
      ${this.renderPreview()}
    `;
  }

  private renderPreview() {
    const open = this.openFor;
    return html`<div
      id=${PREVIEW_ID}
      class="preview"
      part="preview"
      role="tooltip"
      ?hidden=${!open}
      @mouseenter=${() => clearTimeout(this.closeTimer)}
      @mouseleave=${() => this.scheduleClose()}
    >
      ${
        open
          ? html`<ol>
              ${open.references.map((reference) => {
                const href = sourceLinkOf(reference);
                const archive = safeHref(reference.source.archiveUrl);
                return html`<li part="preview-item">
                  <span class="number">${reference.number}.</span><span part="preview-text">${reference.formatted}</span>
                  ${href ? html` <a part="source-link" href=${href} target="_blank" rel="noopener noreferrer">${this.strings.openSource}</a>` : nothing}
                  ${archive ? html` · <a part="archive-link" href=${archive} target="_blank" rel="noopener noreferrer">${this.strings.archived}</a>` : nothing}
                </li>`;
              })}
            </ol>`
          : nothing
      }
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('article')) this.decorateReferences();
    if (changed.has('openFor') && this.openFor) this.position();
  }

  /** A heading before the reference list and each reference's source link after its text. */
  private decorateReferences() {
    const list = this.renderRoot.querySelector<HTMLOListElement>('.body ol.references');
    if (!list || list.previousElementSibling?.classList.contains('references-heading')) return;
    list.setAttribute('part', 'references');
    const heading = document.createElement('h2');
    heading.className = 'references-heading';
    heading.setAttribute('part', 'references-heading');
    heading.textContent = this.strings.references;
    list.before(heading);
    for (const item of list.children) {
      const reference = this.referencesById.get(item.id);
      const href = reference && sourceLinkOf(reference);
      if (!href) continue;
      const link = document.createElement('a');
      link.href = href;
      link.className = 'source-link';
      link.setAttribute('part', 'source-link');
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = '↗';
      link.setAttribute('aria-label', `${this.strings.openSource} (${this.strings.reference(reference.number)})`);
      item.append(link);
    }
    for (const backlink of list.querySelectorAll<HTMLAnchorElement>('.backlinks a')) backlink.setAttribute('aria-label', this.strings.backToCitation);
  }

  /** The marker link under an event target: an `a href="#ref-N"` in the body, outside the list. */
  private markerOf(target: EventTarget | null): HTMLAnchorElement | null {
    if (!(target instanceof Element)) return null;
    const link = target.closest<HTMLAnchorElement>('a[href^="#ref-"]');
    return link && !link.closest('ol.references') ? link : null;
  }

  private referencesOf(marker: HTMLAnchorElement): PublicReference[] {
    const citeId = marker.closest('[id^="cite-"]')?.id;
    const numbers = citeId ? this.groupOf.get(citeId) : undefined;
    if (numbers) return numbers.map((n) => this.referencesByNumber.get(n)).filter((r): r is PublicReference => Boolean(r));
    const reference = this.referencesById.get(marker.getAttribute('href')!.slice(1));
    return reference ? [reference] : [];
  }

  private open(marker: HTMLAnchorElement) {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.openFor?.marker === marker) return;
    const references = this.referencesOf(marker);
    if (references.length === 0) return;
    this.openFor?.marker.removeAttribute('aria-describedby');
    marker.setAttribute('aria-describedby', PREVIEW_ID);
    this.openFor = { marker, references };
  }

  /** Closes the preview now. */
  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openFor?.marker.removeAttribute('aria-describedby');
    this.openFor = undefined;
  }

  private scheduleClose() {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  private position() {
    const open = this.openFor;
    const preview = this.renderRoot.querySelector<HTMLElement>('.preview');
    if (!open || !preview) return;
    const host = this.getBoundingClientRect();
    const marker = open.marker.getBoundingClientRect();
    const size = preview.getBoundingClientRect();
    const place = placePreview(
      { left: marker.left, top: marker.top, width: marker.width, height: marker.height },
      { width: size.width, height: size.height },
      { width: document.documentElement.clientWidth, height: window.innerHeight }
    );
    preview.style.left = `${place.left - host.left}px`;
    preview.style.top = `${place.top - host.top}px`;
    preview.dataset.side = place.side;
  }

  private onPointerDown = (event: PointerEvent) => {
    this.lastPointer = event.pointerType;
    this.openAtPointerDown = this.openFor?.marker ?? null;
  };

  private onPointerOver = (event: MouseEvent) => {
    const marker = this.markerOf(event.target);
    if (!marker) return;
    clearTimeout(this.closeTimer);
    if (this.openFor?.marker === marker) return;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => this.open(marker), OPEN_DELAY_MS);
  };

  private onPointerOut = (event: MouseEvent) => {
    const marker = this.markerOf(event.target);
    if (!marker || marker.contains(event.relatedTarget as Node | null)) return;
    clearTimeout(this.openTimer);
    if (this.openFor?.marker === marker && marker !== this.shadowRoot?.activeElement) this.scheduleClose();
  };

  private onFocusIn = (event: FocusEvent) => {
    const marker = this.markerOf(event.target);
    // A back-link's jump focuses the marker without asking for its preview.
    if (marker && !this.focusFromLink) this.open(marker);
    this.focusFromLink = false;
  };

  private onFocusOut = (event: FocusEvent) => {
    const marker = this.markerOf(event.target);
    if (marker && this.openFor?.marker === marker) this.scheduleClose();
  };

  private onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.openFor) this.close();
  };

  /**
   * In-page links (#ref-1, #cite-1-a) point into this shadow root, where the browser's own fragment
   * navigation does not look: the jump is made here, to the element, which gets focus.
   * On touch, a first tap on a marker opens its preview; a second follows the link.
   */
  private onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!link) return;
    const marker = this.markerOf(link);
    // The tap's own focus may have opened the preview already: what counts is whether it was open before.
    if (marker && this.lastPointer === 'touch' && this.openAtPointerDown !== marker) {
      event.preventDefault();
      this.open(marker);
      return;
    }
    const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    event.preventDefault();
    this.close();
    // A marker's element is its <sup>: focus goes to the link inside it.
    const focusable = target.matches('sup') ? (target.querySelector<HTMLElement>('a') ?? target) : target;
    if (!focusable.matches('a, button, input, textarea, select')) focusable.tabIndex = -1;
    this.focusFromLink = true;
    focusable.focus({ preventScroll: true });
    this.focusFromLink = false;
    target.scrollIntoView({ block: 'center' });
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1500);
  };
}
