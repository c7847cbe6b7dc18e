// A tiny element builder: text always goes in as text nodes, never as HTML, so API data cannot inject markup.
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

function fill(element: Element, attrs: Attrs | null | undefined, children: Child[]) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
}

export function append(parent: Element | DocumentFragment, children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : String(child));
  }
}

/** An HTML element: `h('a', { href: '#/' }, 'Home')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  fill(element, attrs, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element: `svg('circle', { cx: 1, cy: 2, r: 3 })`. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  fill(element, attrs, children);
  return element;
}

/** Items joined by a separator, for inline lists. */
export function joined(items: Child[], separator: Child = ', '): Child[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}
