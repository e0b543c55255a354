/**
 * A dataset README rendered for the About page: its text escaped, no raw HTML, no script
 * links, no images from elsewhere; its title left to the page's h1; our note added under the
 * section it explains.
 */
import { describe, expect, it } from 'vitest';
import { readmeHtml } from '../../../src/site/readme-html.ts';

describe('readmeHtml', () => {
  const readme = [
    '<img src="input/logo.png" alt="logo" width="35%"/>',
    '',
    '# The title',
    'Intro <b>bold?</b> & more <script>alert(1)</script>',
    '',
    '<div onclick="x()">block</div>',
    '',
    '## Annotation classes',
    '',
    'C3',
    '',
    '## Links',
    '',
    '[click](javascript:alert(1)) [ok](https://example.org/) ![remote](https://evil.example/x.png)',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | <i>2</i> |',
  ].join('\n');
  const { html, sections } = readmeHtml(readme, { annotationClass: 'C3: what it means.' });

  it('escapes every piece of HTML the README holds', () => {
    expect(html).not.toMatch(/<(script|b|i|div|img)\b/);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('&#x3C;div onclick="x()">block&#x3C;/div>');
  });

  it('keeps http(s) links only, and no image', () => {
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org/">ok</a>');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('remote');
  });

  it('leaves the title to the page, moves headings down, and lists the sections', () => {
    expect(html).not.toContain('The title');
    expect(html).toContain('<h3 id="annotation-classes">Annotation classes</h3>');
    expect(sections).toEqual([]); // no top-level part besides the title
    expect(readmeHtml('# T\n\n# Part\n\ntext').sections).toEqual([{ slug: 'part', text: 'Part' }]);
  });

  it('adds our note under the section it explains', () => {
    expect(html).toMatch(/<p>C3<\/p>\s*<p class="note">C3: what it means.<\/p>/);
  });

  it('renders the table', () => {
    expect(html).toMatch(/<table>[\s\S]*<td>1<\/td>/);
  });
});
