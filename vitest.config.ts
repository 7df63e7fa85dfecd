import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Three projects:
//  - unit:     pure code and in-process HTTP, no database;
//  - sqlite:   everything that touches a database, on a fresh migrated SQLite file per test file;
//  - postgres: the same database suites against PostgreSQL (skipped, with the reason printed,
//              when 127.0.0.1:5432 cannot be reached).
const shared = {
  plugins: [tsconfigPaths()],
  test: {
    globals: true,
    setupFiles: ["tests/support/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          ...shared.test,
          name: "unit",
          include: ["app/**/__tests__/**/*.test.ts", "tests/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/*.e2e.test.ts", "**/node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "sqlite",
          include: ["app/**/__tests__/**/*.db.test.ts", "tests/**/*.db.test.ts", "tests/**/*.e2e.test.ts"],
          env: { TEST_DATABASE: "sqlite" },
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: "postgres",
          include: ["app/**/__tests__/**/*.db.test.ts", "tests/**/*.db.test.ts"],
          env: { TEST_DATABASE: "postgres" },
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
    ],
  },
});
