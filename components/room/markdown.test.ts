import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "./markdown";

const render = (text: string, streaming = false) =>
  renderToStaticMarkup(createElement(MarkdownText, { text, streaming }));

describe("MarkdownText", () => {
  it("shows raw HTML from a model as text instead of creating elements", () => {
    const html = render(
      'Look: <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script>\n\n<div onclick="x()">block</div>',
    );
    expect(html).not.toMatch(/<img|<script|<div onclick/);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("&lt;script&gt;window.__xss=2&lt;/script&gt;");
    expect(html).toContain("&lt;div onclick=");
  });

  it("renders markdown images as links, and neutralises javascript: URLs", () => {
    const html = render("![chart](https://example.com/a.png) [click](javascript:alert(1))");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://example.com/a.png"');
    expect(html).not.toContain("javascript:");
  });

  it("renders GFM and highlights code blocks once the text is final, with a copy button", () => {
    const md = "| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst x: number = 1;\n```";
    const done = render(md);
    expect(done).toContain("<table>");
    expect(done).toContain("hljs-keyword");
    expect(done).toContain('aria-label="Copy code"');
    // While streaming, highlighting (the costly part) is skipped.
    expect(render(md, true)).not.toContain("hljs-keyword");
  });
});
