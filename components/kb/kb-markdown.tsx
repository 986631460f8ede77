import ReactMarkdown, { type Components } from "react-markdown";
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
        <ReactMarkdown rehypePlugins={[rehypeSanitize]} allowedElements={INLINE_ELEMENTS} unwrapDisallowed components={{ a: LINK }}>
          {text}
        </ReactMarkdown>
      </span>
    );
  }
  return (
    <div className={`max-w-none space-y-2 text-sm leading-relaxed ${STYLE} ${className}`} data-testid="kb-markdown">
      <ReactMarkdown rehypePlugins={[rehypeSanitize]} components={{ a: LINK }}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
