import { renderMarkdown } from './markdown';

describe('text lessons: Markdown rendered to sanitised HTML', () => {
  it('renders headings, emphasis, lists, tables, links and images', () => {
    const html = renderMarkdown('# An toàn thông tin\n\n**Mật khẩu** mạnh:\n\n- dài\n- khó đoán\n\n[Bộ GD&ĐT](https://moet.gov.vn) ![sơ đồ](https://cdn.example/a.png)\n\n| a | b |\n|:-|-:|\n| 1 | 2 |');
    expect(html).toContain('<h1>An toàn thông tin</h1>');
    expect(html).toContain('<strong>Mật khẩu</strong>');
    expect(html).toContain('<li>dài</li>');
    expect(html).toContain('<a href="https://moet.gov.vn" rel="noopener noreferrer" target="_blank">Bộ GD&amp;ĐT</a>');
    expect(html).toContain('<img src="https://cdn.example/a.png" alt="sơ đồ" />');
    expect(html).toContain('<table>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an onerror attribute', '<img src=x onerror="alert(1)">'],
    ['a javascript: link', '[bấm vào đây](javascript:alert(1))'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an http image', '![x](http://tracker.example/pixel.gif)'],
    ['a vbscript: image', '![x](vbscript:msgbox)'],
  ])('neutralises %s', (_label, source) => {
    const html = renderMarkdown(source);
    // What the author typed may remain as visible text, never as a tag or an attribute.
    const tags = html.match(/<[^>]+>/g) ?? [];
    for (const tag of tags) expect(tag).not.toMatch(/<script|<iframe|onerror|javascript:|data:|vbscript:|src="http:/i);
    expect(tags.every((t) => /^<\/?(p|a|img|em|strong|code)\b/.test(t))).toBe(true);
  });

  it('keeps images served by this site (relative paths)', () => {
    expect(renderMarkdown('![ảnh](/api/v1/media/1/file)')).toContain('<img src="/api/v1/media/1/file" alt="ảnh" />');
  });
});
