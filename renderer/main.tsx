import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LanguageProvider } from './common/i18n.tsx';
import { startLibrary } from './library/library.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
startLibrary();
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <App />
    </LanguageProvider>
  </StrictMode>,
);
