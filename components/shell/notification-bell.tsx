"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatDateTime } from "@/lib/format";
import type { NotificationItem } from "@/lib/notifications/in-app";
import { useMarkNotificationsRead, useNotificationsQuery } from "./use-notifications";

/**
 * The bell in the header: the unread count on the button, and a popover with the newest
 * notifications. Following one marks it read; Escape or a click outside closes the popover, and
 * Escape puts focus back on the bell.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const query = useNotificationsQuery();
  const markRead = useMarkNotificationsRead();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const unread = query.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const close = (event: KeyboardEvent | PointerEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        setOpen(false);
        button.current?.focus();
      } else if (!panel.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={`Notifications, ${unread === 0 ? "none" : unread} unread`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-labelledby={`${panelId}-title`}
          tabIndex={-1}
          className="z-20 rounded-lg max-sm:fixed max-sm:inset-x-4 max-sm:top-20 sm:absolute sm:right-0 sm:mt-2 sm:w-96 border border-slate-200 bg-white shadow-lg focus:outline-none"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
            <h2 id={`${panelId}-title`} className="text-sm font-semibold text-slate-900">
              Notifications
            </h2>
            <button
              type="button"
              className="rounded px-2 py-1 text-sm font-medium text-brand-dark hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-transparent"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </button>
          </div>
          {query.isError ? (
            <p className="px-4 py-6 text-sm text-red-800">Couldn&apos;t load your notifications. {query.error.message}</p>
          ) : !query.data ? (
            <p className="px-4 py-6 text-sm text-slate-500">Loading…</p>
          ) : query.data.items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-500">Nothing yet</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {query.data.items.map((n) => (
                <li key={n.id} className={n.read ? "" : "bg-brand/5"} data-testid="notification">
                  {n.href ? (
                    <Link
                      href={n.href}
                      className="block px-4 py-3 hover:bg-slate-50"
                      onClick={() => {
                        if (!n.read) markRead.mutate({ ids: [n.id] });
                        setOpen(false);
                      }}
                    >
                      <NotificationText notification={n} />
                    </Link>
                  ) : (
                    <div className="px-4 py-3">
                      <NotificationText notification={n} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function NotificationText({ notification: n }: { notification: NotificationItem }) {
  return (
    <span className="flex items-start gap-2">
      {!n.read && <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand" />}
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-900">
          {!n.read && <span className="sr-only">Unread: </span>}
          {n.title}
        </span>
        <span className="mt-0.5 block text-sm text-slate-600">{n.body}</span>
        <time dateTime={n.createdAt} className="mt-1 block text-xs text-slate-500">
          {formatDateTime(new Date(n.createdAt))}
        </time>
      </span>
    </span>
  );
}
