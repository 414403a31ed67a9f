import { describe, expect, it } from 'vitest';
import { bodyOf, isBlank, isRich, sanitize } from './richText';

describe('rich text sanitising', () => {
  it('keeps the toolbar\'s formatting', () => {
    const html = '<p><b>bold</b> <i>it</i></p><ul><li>one</li></ul><ol><li>two</li></ol>';
    expect(sanitize(html)).toBe(html);
  });

  it('drops scripts, event handlers, styles, frames and images', () => {
    const clean = sanitize('<p style="color:red" onclick="x()">hi<script>alert(1)</script><img src=x onerror=alert(1)>'
      + '<iframe src="https://evil"></iframe><svg onload=alert(1)></svg></p>');
    expect(clean).toBe('<p>hi</p>');
  });

  it('keeps web and mail links, opening in a new tab without the opener, and removes script links', () => {
    expect(sanitize('<a href="https://example.com">x</a>'))
      .toBe('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">x</a>');
    expect(sanitize('<a href="mailto:a@b.de">m</a>')).toContain('href="mailto:a@b.de"');
    expect(sanitize('<a href="javascript:alert(1)">x</a>')).not.toContain('javascript');
    expect(sanitize('<a href=" JaVaScRiPt:alert(1)">x</a>')).not.toContain('alert');
    expect(sanitize('<a href="data:text/html,<script>alert(1)</script>">x</a>')).not.toContain('data:');
  });

  it('keeps only the mention mark among data attributes', () => {
    expect(sanitize('<span data-mention="u-1" data-x="y">@Ada</span>')).toBe('<span data-mention="u-1">@Ada</span>');
  });

  it('tells rich bodies from plain text', () => {
    expect(isRich('<p>hi</p>')).toBe(true);
    expect(isRich('if a < b and c > d')).toBe(false);
    expect(isRich('3<4')).toBe(false);
  });

  it('sends plain text when nothing was formatted, so plain messages stay plain', () => {
    expect(bodyOf('a &lt; b', ' a < b ')).toBe('a < b');
    expect(bodyOf('<b>a</b><script>x</script>', 'a')).toBe('<b>a</b>');
  });

  it('counts a body without text as blank', () => {
    expect(isBlank('<ul><li><br></li></ul>')).toBe(true);
    expect(isBlank('<script>alert(1)</script>')).toBe(true);
    expect(isBlank('<p>x</p>')).toBe(false);
  });
});
