import DOMPurify from 'dompurify';

/** What a message may carry: the composer's toolbar and nothing else (no styles: the CSP allows no inline styles). */
const ALLOWED_TAGS = ['p', 'div', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'a', 'span'];
const ALLOWED_ATTR = ['href', 'data-mention'];
const SAFE_URL = /^(https?:|mailto:)/i;

let hooked = false;
function hook() {
  if (hooked) return;
  hooked = true;
  // links leave the app in a new tab and never run script (javascript:, data:, relative tricks)
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

/** The HTML of a message made harmless: only the toolbar's formatting survives, scripts and handlers do not. */
export function sanitize(html: string): string {
  hook();
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel'], ALLOW_DATA_ATTR: false });
}

/**
 * Messages written before rich text, by email or through the API are plain text; only a body with markup is read
 * as HTML (and then only after sanitising).
 */
export function isRich(body: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(body);
}

/** What the composer sends: plain text when nothing was formatted, else the sanitised HTML. */
export function bodyOf(html: string, text: string): string {
  const clean = sanitize(html).trim();
  if (!isRich(clean)) return text.trim();
  return clean;
}

/** Whether a body says nothing once formatting is taken away (an empty list, a lone line break). */
export function isBlank(html: string): boolean {
  const doc = new DOMParser().parseFromString(sanitize(html), 'text/html');
  return !(doc.body.textContent ?? '').trim();
}
