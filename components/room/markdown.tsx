"use client";

import type { Element, ElementContent } from "hast";
import type { Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import { type ComponentProps, memo } from "react";
import Markdown, { type Components, type ExtraProps, type Options } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CopyButton } from "./copy-button";

/**
 * Model output is untrusted. react-markdown never creates elements from raw HTML (we do not
 * use rehype-raw); this plugin goes further and turns raw HTML into literal text, so a
 * `<script>` in an answer is shown to the reader instead of silently vanishing.
 */
function remarkHtmlAsText() {
  const walk = (node: MdastNodes) => {
    if (node.type === "html") {
      (node as unknown as { type: string }).type = "text";
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child);
  };
  return (tree: MdastRoot) => walk(tree);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function CodeBlock({ node, children, ...rest }: ComponentProps<"pre"> & ExtraProps) {
  const code = node ? textOf(node) : "";
  return (
    <div className="group relative">
      <pre {...rest}>{children}</pre>
      <CopyButton
        text={code.replace(/\n$/, "")}
        label="Copy code"
        className="absolute top-1.5 right-1.5 opacity-70 group-hover:opacity-100 focus-visible:opacity-100"
      />
    </div>
  );
}

/** Images in answers would load arbitrary URLs (tracking pixels); show them as links. */
function ImageAsLink({ src, alt }: ComponentProps<"img"> & ExtraProps) {
  if (typeof src !== "string" || src === "") return <span>{alt}</span>;
  return (
    <a href={src} target="_blank" rel="noopener noreferrer nofollow">
      {alt ? `image: ${alt}` : "image"}
    </a>
  );
}

function SafeLink({ node: _node, ...props }: ComponentProps<"a"> & ExtraProps) {
  return <a {...props} target="_blank" rel="noopener noreferrer nofollow" />;
}

const components: Components = { pre: CodeBlock, img: ImageAsLink, a: SafeLink };
const remarkPlugins: Options["remarkPlugins"] = [remarkGfm, remarkHtmlAsText];
const highlighted: Options["rehypePlugins"] = [[rehypeHighlight, { detect: false }]];
const plain: Options["rehypePlugins"] = [];

/**
 * Renders a model's markdown. While a column streams, syntax highlighting (the expensive
 * part) is skipped; it is applied once the text is final.
 */
export const MarkdownText = memo(function MarkdownText({
  text,
  streaming = false,
}: {
  text: string;
  streaming?: boolean;
}) {
  return (
    <div className="prose-answer">
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={streaming ? plain : highlighted}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
});
