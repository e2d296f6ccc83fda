import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Production builds get static access to FREIDA only (content script match); program
// websites are reached through activeTab from the popup. See ../shared/DESIGN.md "Permissions".
//
// SMARTPICK_BUILD=e2e (`npm run build:e2e`): the same code, but the manifest grants every site up
// front so browser tests reach program websites without a permission prompt. Written to
// .output/e2e/ so it can never be zipped or shipped by mistake.
const e2e = process.env.SMARTPICK_BUILD === 'e2e';

export default defineConfig({
  hooks: {
    // site.content is registered at runtime (registration: 'runtime'), for which WXT adds its
    // matches to host_permissions. Production asks for no site access up front: program sites are
    // reached through activeTab or optional host access the user grants.
    'build:manifestGenerated': (_wxt, manifest) => {
      const m = manifest as { manifest_version?: number; host_permissions?: string[]; permissions?: string[]; optional_permissions?: string[] };
      // Firefox MV2 has no optional_host_permissions: optional origins go in optional_permissions.
      if (m.manifest_version === 2) m.optional_permissions = [...new Set([...(m.optional_permissions ?? []), 'https://*/*', 'http://*/*'])];
      if (process.env.SMARTPICK_BUILD === 'e2e') return;
      m.host_permissions = (m.host_permissions ?? []).filter((p) => p === 'https://freida.ama-assn.org/*');
      if (m.host_permissions.length === 0) delete m.host_permissions;
      if (m.permissions) m.permissions = m.permissions.filter((p) => p !== '*://*/*');
    },
  },
  ...(e2e ? { outDirTemplate: 'e2e/{{browser}}-mv{{manifestVersion}}' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // Minified: the content script runs on every FREIDA page (budget: 30 KB gzipped).
  vite: () => ({ plugins: [preact()], build: { minify: 'esbuild' } }),
  manifest: {
    name: 'SmartPick — residency fit for IMGs',
    description:
      'Reads residency program pages and shows how well each program fits your profile as an international medical graduate.',
    permissions: ['storage', 'activeTab', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // WXT moves host_permissions into `permissions` for Firefox MV2.
    ...(e2e ? { host_permissions: ['<all_urls>'] } : {}),
    // `data_collection_permissions` is newer than WXT's manifest types, hence the cast.
    browser_specific_settings: {
      gecko: {
        id: 'smartpick@smartpick.app',
        strict_min_version: '128.0',
        // Nothing leaves the machine.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '128.0' },
    } as Record<string, unknown>,
  },
});
