import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n';
import '../ui/styles.css';
import { SignInPage } from './SignInPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SignInPage />
    </I18nProvider>
  </StrictMode>,
);
