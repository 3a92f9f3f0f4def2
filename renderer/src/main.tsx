import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App.tsx';
import { installedBridge } from './bridge.ts';
import { BridgeMissing } from './components/BridgeMissing.tsx';
import { ShareStoreProvider } from './share/share-context.tsx';
import { createShareStore } from './share/share-store.ts';
import { createCompanionStore } from './store/companion-store.ts';
import { CompanionStoreProvider } from './store/store-context.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const bridge = installedBridge();
createRoot(root).render(
  <StrictMode>
    {bridge ? (
      <CompanionStoreProvider store={createCompanionStore(bridge)}>
        <ShareStoreProvider store={createShareStore(bridge)}>
          <App />
        </ShareStoreProvider>
      </CompanionStoreProvider>
    ) : (
      <BridgeMissing />
    )}
  </StrictMode>,
);
