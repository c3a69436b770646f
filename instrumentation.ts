// Runs once when a Next.js server starts. Starts the notification worker in this process unless
// NOTIFICATIONS_WORKER=off (deployments with several web processes run `npm run worker` instead;
// docs/notifications.md). A failure to start is logged and the app serves on regardless.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NOTIFICATIONS_WORKER === "off") return;
  try {
    const { startWorker } = await import("./lib/notifications/scheduler");
    startWorker();
  } catch (error) {
    console.error("[notifications] the worker did not start:", error);
  }
}
