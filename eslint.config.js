import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".sandbox/**", "coverage/**", "extensions/**/assets/*.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        window: "readonly",
        document: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Entry points and sandbox scripts talk to a person on a terminal.
    files: [
      "app/sandbox/demo.ts",
      "app/server/main.ts",
      "app/server/rotate-secrets.ts",
      "tests/**",
      "prisma/**",
      "app/entry.server.tsx",
    ],
    rules: { "no-console": "off" },
  },
);
