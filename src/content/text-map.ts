/**
 * Reads a compose box's text without touching it, and maps engine offsets back to DOM ranges.
 * Contenteditables are walked text node by text node (innerText loses or doubles paragraph
 * breaks depending on the editor); block boundaries and <br> become "\n".
 */
export interface Segment {
  node: Text;
  start: number;
}

export interface TextMap {
  text: string;
  segments: Segment[];
}

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|SECTION|ARTICLE|TR|FIGURE|FIGCAPTION)$/;

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof (el.ownerDocument.defaultView ?? window).HTMLTextAreaElement || el instanceof (el.ownerDocument.defaultView ?? window).HTMLInputElement;
}

export function readBox(el: HTMLElement): TextMap {
  if (isTextField(el)) return { text: el.value, segments: [] };
  let text = '';
  const segments: Segment[] = [];
  const newline = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data;
        if (t) {
          segments.push({ node: c as Text, start: text.length });
          text += t;
        }
      } else if (c.nodeType === 1) {
        const e = c as HTMLElement;
        if (e.tagName === 'BR') {
          text += '\n';
          continue;
        }
        if (e.tagName === 'STYLE' || e.tagName === 'SCRIPT' || e.getAttribute('contenteditable') === 'false') continue;
        const block = BLOCK.test(e.tagName);
        if (block) newline();
        walk(e);
        if (block) newline();
      }
    }
  };
  walk(el);
  return { text, segments };
}

/** A DOM Range for [start, end) of the text read by `readBox`, or null when it cannot be mapped. */
export function rangeFor(map: TextMap, start: number, end: number, doc: Document): Range | null {
  const { segments } = map;
  if (!segments.length) return null;
  const find = (pos: number, preferNext: boolean) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    let s = segments[lo]!;
    if (preferNext && pos >= s.start + s.node.data.length && segments[lo + 1]) s = segments[lo + 1]!;
    return { node: s.node, offset: Math.max(0, Math.min(s.node.data.length, pos - s.start)) };
  };
  try {
    const a = find(start, true);
    const b = find(end, false);
    if (!a.node.isConnected || !b.node.isConnected) return null;
    const r = doc.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  } catch {
    return null;
  }
}
