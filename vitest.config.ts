import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Node by default; files that need a DOM opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});
