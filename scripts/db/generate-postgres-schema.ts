// Writes prisma/postgres/schema.prisma from prisma/schema.prisma. `npm run db:check` fails
// when the committed file differs from what this produces.
import fs from "node:fs";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, read, toPostgresSchema } from "./schemas";

fs.writeFileSync(POSTGRES_SCHEMA, toPostgresSchema(read(SQLITE_SCHEMA)));
console.log("Wrote prisma/postgres/schema.prisma");
