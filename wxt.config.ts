import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Production builds get static access to FREIDA only (content script match); program
// websites are reached through activeTab from the popup. See ../shared/DESIGN.md "Permissions".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'SmartPick — residency fit for IMGs',
    description:
      'Reads residency program pages and shows how well each program fits your profile as an international medical graduate.',
    permissions: ['storage'],
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
