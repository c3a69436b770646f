import { cache } from "react";
import { db } from "../db";

const RECENT_PERIODS = 8;

/** A touchpoint with its context and each metric's most recent figures (newest first); once per request. */
export const getTouchpointReport = cache(async (id: number) =>
  db.touchpoint.findFirst({
    where: { id, archivedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      momentOfTruth: true,
      weight: true,
      department: { select: { id: true, name: true, colour: true } },
      stage: { select: { name: true, journey: { select: { id: true, name: true } } } },
      metrics: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        select: {
          id: true,
          name: true,
          kind: true,
          unit: true,
          direction: true,
          scaleBest: true,
          scaleWorst: true,
          target: true,
          warningThreshold: true,
          entries: {
            orderBy: { periodStart: "desc" },
            take: RECENT_PERIODS,
            select: {
              id: true,
              periodStart: true,
              value: true,
              sampleSize: true,
              source: true,
              updatedAt: true,
              enteredBy: { select: { name: true } },
            },
          },
        },
      },
    },
  }),
);
export type TouchpointReport = NonNullable<Awaited<ReturnType<typeof getTouchpointReport>>>;
