import { startFeatures } from './features';

/**
 * The script that runs on every linkedin.com page (declared in wxt.config.ts). LinkedIn is a
 * single-page app, so it registers everywhere and routes by URL inside (features/index.ts).
 */
export default defineUnlistedScript(() => {
  startFeatures();
});
