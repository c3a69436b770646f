"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { markNotificationsReadAction } from "@/app/(app)/notifications/actions";
import type { NotificationList } from "@/lib/notifications/in-app";
import type { MarkNotificationsReadInput } from "@/lib/validation/notifications";
import { callAction } from "@/lib/call-action";

export const notificationsKey = ["notifications"] as const;

/** The signed-in person's notifications; polled each minute so a new reminder shows without a reload. */
export function useNotificationsQuery() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: async ({ signal }): Promise<NotificationList> => {
      const response = await fetch("/api/notifications", { signal });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error ?? "Could not load your notifications");
      return body;
    },
    refetchInterval: 60_000,
  });
}

/** Marks notifications read ({ ids } or { all: true }), then reloads the list. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: MarkNotificationsReadInput) => {
      const result = await callAction(() => markNotificationsReadAction(input));
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
