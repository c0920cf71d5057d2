import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by both doors: Electron's app://vep/ and the web host on 127.0.0.1.
// Relative asset paths (base './') make the same build work under both origins.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
    rolldownOptions: {
      // core/ is pure (no module runs anything on import), so what the renderer does not use of it — jsts, zod,
      // decimal.js behind the geometry, params and accounting modules — stays out of the bundle.
      treeshake: { moduleSideEffects: [{ test: /[\\/]core[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
});
