import type { ReactElement } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

const LINK: Components["a"] = ({ href, children }) => (
  <a href={href} rel="noopener noreferrer nofollow" target="_blank">
    {children}
  </a>
);
/** What one line of KB prose (a summary, a caveat) may hold: code, emphasis, links; paragraphs and lists unwrap. */
const INLINE_ELEMENTS = ["code", "em", "strong", "del", "a"];
const STYLE =
  "[&_code]:font-mono [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_a]:text-blue-700 [&_a]:underline [&_pre]:code-block [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:p-3 [&_pre]:text-xs [&_pre_code]:bg-transparent [&_pre_code]:px-0 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5";

const PLUGINS: Options["rehypePlugins"] = [rehypeSanitize];
const COMPONENTS: Components = { a: LINK };

/** Rendered prose by (form, text), least recently used first. */
const rendered = new Map<string, ReactElement>();
/** KB entries hold a few texts each; a few hundred covers the matches pages show and a live preview's last edits. */
const RENDERED_MAX = 500;

/**
 * The same KB text renders to the same elements: parsed, sanitised and turned into elements once, not on every page
 * load (a busy incident's page shows ~18 of them, and the Markdown parser was ~5% of its server time).
 */
function renderProse(text: string, inline: boolean): ReactElement {
  const key = `${inline ? "inline" : "block"}\n${text}`;
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const element = Markdown(
    inline
      ? { children: text, rehypePlugins: PLUGINS, allowedElements: INLINE_ELEMENTS, unwrapDisallowed: true, components: COMPONENTS }
      : { children: text, rehypePlugins: PLUGINS, components: COMPONENTS },
  );
  rendered.set(key, element);
  if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  return element;
}

/**
 * KB prose is Markdown written by anyone on the team, rendered the same way wherever it appears: raw HTML is not
 * rendered (react-markdown's default) and the tree is sanitised (GitHub's schema: no scripts, no event handlers, no
 * javascript: URLs). Links leave without a referrer. `inline` keeps a one-line text inside the line it sits in.
 * Log text never comes through here: it stays plain text.
 */
export function KbMarkdown({ text, inline = false, className = "" }: { text: string; inline?: boolean; className?: string }) {
  if (inline) {
    return (
      <span className={`${STYLE} ${className}`} data-testid="kb-markdown">
        {renderProse(text, true)}
      </span>
    );
  }
  return (
    <div className={`max-w-none space-y-2 text-sm leading-relaxed ${STYLE} ${className}`} data-testid="kb-markdown">
      {renderProse(text, false)}
    </div>
  );
}
