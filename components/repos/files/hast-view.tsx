import type { Element, Root, RootContent } from "hast";
import type { ReactNode } from "react";

function className(element: Element): string | undefined {
  const value = element.properties.className;
  return Array.isArray(value) ? value.join(" ") : typeof value === "string" ? value : undefined;
}

function render(nodes: RootContent[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "text") return node.value;
    if (node.type !== "element") return null;
    // Highlighter output is only spans with classes and text: nothing else is rendered.
    return (
      <span key={i} className={className(node)}>
        {render(node.children)}
      </span>
    );
  });
}

/** Renders lowlight's output (spans and text) as React elements. */
export function HastView({ tree }: { tree: Root }) {
  return <>{render(tree.children)}</>;
}
