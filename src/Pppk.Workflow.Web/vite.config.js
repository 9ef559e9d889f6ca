import { defineConfig } from 'vite';

// Built into dist/; the host copies it to web/ beside the program and serves it (see Pppk.Workflow.Host.csproj).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
      '/hangfire': 'http://localhost:5080',
    },
  },
});
