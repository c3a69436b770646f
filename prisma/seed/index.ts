// npm run db:seed            — replace everything with the demo organisation
// npm run db:seed -- --if-empty   — load it only into a database with no organisation yet
import { createPrismaClient } from "../../lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-organisation";
import { seedDemo, wipeDatabase } from "./seed-demo";

async function main() {
  const db = createPrismaClient();
  try {
    if (process.argv.includes("--if-empty") && (await db.organisation.count()) > 0) {
      console.log("Database already has an organisation; demo data not loaded.");
      return;
    }
    const started = performance.now();
    await wipeDatabase(db);
    const summary = await seedDemo(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo organisation loaded in ${seconds}s:`, Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(", "));
    console.log(`\nDemo users (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(16)} ${u.email.padEnd(30)} ${u.name}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
