import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KbMarkdown } from "./kb-markdown";

const render = (text: string, inline = false) => renderToStaticMarkup(createElement(KbMarkdown, { text, inline }));

describe("KbMarkdown", () => {
  it("renders backticks in one-line prose (a caveat) as code, inside the line, no literal backticks", () => {
    const html = render("Needs `ethtool -K <dev> gro off` on **every** interface; see [the docs](https://example.org/x).", true);
    expect(html).toContain("<code>ethtool -K &lt;dev&gt; gro off</code>");
    expect(html).toContain("<strong>every</strong>");
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow" target="_blank">the docs</a>');
    expect(html).not.toContain("`");
    expect(html).not.toMatch(/<p[ >]|<div/);
  });

  it("drops raw HTML and dangerous links in prose, in both forms", () => {
    for (const inline of [true, false]) {
      const html = render('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))', inline);
      expect(html).not.toMatch(/<img|<script|onerror|javascript:/);
    }
  });

  it("renders a text it rendered before the same way again, and keeps the inline and block forms of one text apart", () => {
    const text = "Use `x` **now**.\n\n- a";
    const first = [render(text, true), render(text)];
    expect([render(text, true), render(text)]).toEqual(first);
    expect(first[0]).not.toMatch(/<p|<li/);
    expect(first[1]).toMatch(/<p>.*<li>a<\/li>/s);
  });

  it("keeps blocks (fenced code as a terminal block that follows the theme) in the block form", () => {
    const html = render("Root cause:\n\n```\nsysctl -w net.core.x=1\n```\n\n- one\n- two");
    expect(html).toContain("<pre><code>sysctl -w net.core.x=1\n</code></pre>");
    expect(html).toContain("[&amp;_pre]:code-block");
    expect(html).toContain("<li>one</li>");
  });
});
