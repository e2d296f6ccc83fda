import { useRef, useState } from 'preact/hooks';
import type { Corner } from './types';
import { nearestCorner } from './words';

// Pointer-drag the pill to another corner: it follows the pointer, and on release snaps to the
// corner of the viewport quadrant it was dropped in. A press that moves less than a few pixels
// stays a click. (The keyboard way is the "Move badge" button.)

const THRESHOLD = 6;

export function useDragToCorner(onDrop: (c: Corner) => void) {
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const moved = useRef(false);
  const [offset, setOffset] = useState<{ x: number; y: number } | null>(null);

  const handlers = {
    onPointerDown(e: PointerEvent) {
      if (e.button !== 0) return;
      start.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
      moved.current = false;
    },
    onPointerMove(e: PointerEvent) {
      const s = start.current;
      if (!s || e.pointerId !== s.id) return;
      const x = e.clientX - s.x;
      const y = e.clientY - s.y;
      if (!moved.current) {
        if (Math.hypot(x, y) < THRESHOLD) return;
        moved.current = true;
        // Keep receiving moves when the pointer outruns the pill.
        (e.currentTarget as Element | null)?.setPointerCapture?.(e.pointerId);
      }
      setOffset({ x, y });
    },
    onPointerUp(e: PointerEvent) {
      const s = start.current;
      start.current = null;
      if (!s || !moved.current) return;
      setOffset(null);
      const view = (e.currentTarget as Element | null)?.ownerDocument.defaultView;
      if (view) onDrop(nearestCorner(e.clientX, e.clientY, view.innerWidth, view.innerHeight));
    },
    onPointerCancel() {
      start.current = null;
      moved.current = false;
      setOffset(null);
    },
  };

  /** True once for the click that ends a drag, which must not also toggle the panel. */
  const endedDrag = (): boolean => {
    const was = moved.current;
    moved.current = false;
    return was;
  };

  return { handlers, offset, endedDrag };
}
