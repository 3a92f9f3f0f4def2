import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './styles.css';
import { App } from './App.tsx';
import { installedBridge } from './bridge.ts';
import { BridgeMissing } from './components/BridgeMissing.tsx';
import { createI18n } from './i18n/i18n.ts';
import { ShareStoreProvider } from './share/share-context.tsx';
import { createShareStore } from './share/share-store.ts';
import { AppProviders } from './shell/bridge-context.tsx';
import { createCompanionStore } from './store/companion-store.ts';
import { CompanionStoreProvider } from './store/store-context.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// The system's language until the settings answer (they may choose another).
const i18n = createI18n();
const bridge = installedBridge();
createRoot(root).render(
  <StrictMode>
    {bridge ? (
      <AppProviders bridge={bridge} i18n={i18n}>
        <CompanionStoreProvider store={createCompanionStore(bridge)}>
          <ShareStoreProvider store={createShareStore(bridge)}>
            <App />
          </ShareStoreProvider>
        </CompanionStoreProvider>
      </AppProviders>
    ) : (
      <I18nextProvider i18n={i18n}>
        <BridgeMissing />
      </I18nextProvider>
    )}
  </StrictMode>,
);
