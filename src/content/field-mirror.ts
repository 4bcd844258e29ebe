/**
 * Where spans of a <textarea>'s value are on screen. A textarea's text has no DOM nodes, so
 * neither Ranges nor the Highlight API reach it: a hidden mirror element with the textarea's
 * text metrics, placed over its content box and scrolled like it, is measured instead. The
 * mirror lives in the overlay's shadow root (never in the page) and is removed after each use.
 */

const COPIED = [
  'direction', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSizeAdjust',
  'fontFeatureSettings', 'fontKerning', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textAlign', 'textIndent',
  'textTransform', 'tabSize', 'whiteSpace', 'wordBreak', 'overflowWrap', 'hyphens', 'paddingTop', 'paddingRight',
  'paddingBottom', 'paddingLeft',
] as const;

export interface Span {
  start: number;
  end: number;
}

/**
 * Client rects (top-viewport coordinates, given the frame offset) of each span, clipped to the
 * field's visible content: `out[i]` are the line boxes of `spans[i]`.
 */
export function fieldRects(
  field: HTMLTextAreaElement,
  spans: readonly Span[],
  container: Node & ParentNode,
  offset: { x: number; y: number },
): DOMRect[][] {
  if (!spans.length || !field.isConnected) return spans.map(() => []);
  const win = field.ownerDocument.defaultView ?? window;
  const cs = win.getComputedStyle(field);
  const box = field.getBoundingClientRect();
  const bl = parseFloat(cs.borderLeftWidth) || 0;
  const bt = parseFloat(cs.borderTopWidth) || 0;
  const doc = (container as Node).ownerDocument ?? document;
  const mirror = doc.createElement('div');
  const s = mirror.style;
  for (const p of COPIED) (s as any)[p] = (cs as any)[p];
  // The field's client box (inside borders, outside its scrollbar), in top-viewport coordinates.
  s.position = 'fixed';
  s.left = `${box.left + bl + offset.x}px`;
  s.top = `${box.top + bt + offset.y}px`;
  s.boxSizing = 'border-box';
  s.width = `${field.clientWidth}px`;
  s.height = `${field.clientHeight}px`;
  s.margin = '0';
  s.border = '0';
  s.overflow = 'hidden';
  s.visibility = 'hidden';
  s.pointerEvents = 'none';
  // Textareas wrap long words; keep that even where the copied value is "normal".
  if (cs.whiteSpace === 'normal' || cs.whiteSpace === '') s.whiteSpace = 'pre-wrap';
  if (cs.overflowWrap === 'normal') s.overflowWrap = 'break-word';
  const value = field.value;
  const text = doc.createTextNode(value + '\u200b');
  mirror.appendChild(text);
  container.appendChild(mirror);
  try {
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
    const clip = mirror.getBoundingClientRect();
    const range = doc.createRange();
    return spans.map(({ start, end }) => {
      const a = Math.max(0, Math.min(value.length, start));
      const b = Math.max(a, Math.min(value.length, end));
      if (a === b) return [];
      range.setStart(text, a);
      range.setEnd(text, b);
      const out: DOMRect[] = [];
      for (const r of Array.from(range.getClientRects())) {
        const left = Math.max(r.left, clip.left);
        const right = Math.min(r.right, clip.right);
        const top = Math.max(r.top, clip.top);
        const bottom = Math.min(r.bottom, clip.bottom);
        if (right - left >= 1 && bottom - top >= 1) out.push(new DOMRect(left, top, right - left, bottom - top));
      }
      return out;
    });
  } finally {
    mirror.remove();
  }
}
