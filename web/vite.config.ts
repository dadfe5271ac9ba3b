import { defineConfig } from 'vite';

// The build lands where Quarkus serves static files from a jar (META-INF/resources): the gateway depends on
// this module and serves the client at /. Hash routing keeps every page at /index.html, so the gateway needs
// no fallback route.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `npx vite` while ./stack runs: the API, its WebSocket and the login config come from the gateway
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8080', ws: true },
      '/web-config.json': 'http://localhost:8080',
    },
  },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
