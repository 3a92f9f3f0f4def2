import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App.tsx';
import { installedBridge } from './bridge.ts';
import { BridgeMissing } from './components/BridgeMissing.tsx';
import { createCompanionStore } from './store/companion-store.ts';
import { CompanionStoreProvider } from './store/store-context.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const bridge = installedBridge();
createRoot(root).render(
  <StrictMode>
    {bridge ? (
      <CompanionStoreProvider store={createCompanionStore(bridge)}>
        <App />
      </CompanionStoreProvider>
    ) : (
      <BridgeMissing />
    )}
  </StrictMode>,
);
