import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * KB Markdown is written by anyone on the team: raw HTML is not rendered (react-markdown's default) and the tree
 * is sanitised (GitHub's schema: no scripts, no event handlers, no javascript: URLs). Links leave without a referrer.
 */
export function KbMarkdown({ text }: { text: string }) {
  return (
    <div className="prose prose-sm max-w-none space-y-2 text-sm leading-relaxed [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-xs [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_a]:text-blue-700 [&_a]:underline [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        rehypePlugins={[rehypeSanitize]}
        components={{ a: ({ href, children }) => <a href={href} rel="noopener noreferrer nofollow" target="_blank">{children}</a> }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
