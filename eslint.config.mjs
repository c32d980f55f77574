// Lint rules: typescript-eslint's recommended set, Pulumi's Output checks, prettier owns formatting.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/**", "bin/**", "test/output/**", "eslint.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The Pulumi rule needs type information to tell Outputs from strings.
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read arbitrary JSON events and talk to the SDK's untyped mock monitor.
    files: ["test/**/*.ts", "tools/mock-runtime/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // An assertion on a promise nobody awaits can never fail the test.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  {
    // The CommonJS entry the Pulumi CLI loads (package.json main): no TypeScript project covers it.
    files: ["plugin.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
      },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      "@pulumi/no-output-in-template-literal": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  prettier,
);
