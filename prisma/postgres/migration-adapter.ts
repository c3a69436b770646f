// PostgreSQL adapter for the Prisma CLI only (migrate deploy / status).
//
// Workaround for prisma/orm#27403 (open at 6.19): @prisma/adapter-pg cannot deserialise
// PostgreSQL's `name` type (OID 19), which the schema engine's catalog queries return, so every
// migrate command fails with "Column type 'name' could not be deserialized". We relabel those
// columns as text (OID 25). The app's runtime client does not need this. Remove when fixed.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

type Queryable = { query: (...args: never[]) => unknown };

function relabelNameColumns(result: unknown): unknown {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  fields?.forEach((field) => {
    if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
  });
  return result;
}

function patchQuery(target: Queryable): void {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  target.query = ((...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(relabelNameColumns) : out;
  }) as Queryable["query"];
}

export function migrationAdapter(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString });
  patchQuery(pool as unknown as Queryable);
  pool.on("connect", (client) => patchQuery(client as unknown as Queryable));
  return new PrismaPg(pool);
}
