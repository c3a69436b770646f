"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box whose content may be wider (or taller) than the screen. Only while it actually overflows is
 * it a named, focusable region (so keyboard users can scroll it: WCAG 2.1.1, axe's
 * scrollable-region-focusable) with fades at the edges that hide more; otherwise it is a plain box
 * and no empty Tab stop. Prints in full.
 */
export function ScrollRegion({ label, className = "", children, testId }: { label: string; className?: string; children: ReactNode; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false, scrollable: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      const left = el.scrollLeft > 1;
      const scrollable = left || right || el.scrollHeight > el.clientHeight + 1;
      setEdges((e) => (e.left === left && e.right === right && e.scrollable === scrollable ? e : { left, right, scrollable }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", update, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", update);
    };
  }, []);
  return (
    <div className="relative">
      <div
        ref={box}
        className={`overflow-auto print:max-h-none print:overflow-visible ${className}`}
        data-testid={testId}
        {...(edges.scrollable ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
      >
        {children}
      </div>
      {edges.left && <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-0 w-6 bg-linear-to-r from-white print:hidden" />}
      {edges.right && <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-8 bg-linear-to-l from-white print:hidden" />}
    </div>
  );
}
