import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignedIn } from '../session/useMe';
import '../ui/styles.css';
import { PortalApp } from './PortalApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignedIn>{(me) => <PortalApp me={me} />}</SignedIn>
  </StrictMode>,
);
