import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "tmp/**", "reports/**", "screenshots/**", ".stryker-tmp/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Data access goes through lib/data; drivers only through lib/db.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "better-sqlite3", message: "Use lib/db." },
            { name: "pg", message: "Use lib/db." },
            { name: "@prisma/client", message: "Use lib/db." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/db/**", "prisma/**", "scripts/**", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
