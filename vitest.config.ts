import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**'],
    // Ink frames differ with colour on; the TUI tests compare plain text.
    env: { FORCE_COLOR: '0', ASSAY_ASSESSOR: 'test-assessor' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
