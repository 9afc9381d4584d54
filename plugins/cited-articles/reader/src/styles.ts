import { css } from 'lit';

/**
 * Colours default to CSS system colours (Canvas, CanvasText, LinkText), which follow the page's
 * color-scheme: a dark page gets a dark pop-up without any setting. Every colour, the font and the
 * radius can be set with the --cited-* custom properties; the parts (::part) allow the rest.
 */
export const baseStyles = css`
  :host {
    display: block;
    color: var(--cited-text, inherit);
    font: var(--cited-font, inherit);
    line-height: var(--cited-line-height, 1.6);
    --_accent: var(--cited-accent, LinkText);
    --_muted: var(--cited-muted, color-mix(in srgb, currentColor 65%, transparent));
    --_border: var(--cited-border, color-mix(in srgb, currentColor 20%, transparent));
    --_surface: var(--cited-surface, Canvas);
    --_radius: var(--cited-radius, 6px);
  }
  [hidden] {
    display: none !important;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--cited-button-bg, transparent);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.75em;
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
