import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ on its own port (`npm start`); `npm run dev -w @safetynet/app` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  // Apache ECharts is one chunk of about 560 kB, loaded only when the statistics page first draws a chart.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
