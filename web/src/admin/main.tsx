import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignedIn } from '../session/useMe';
import '../ui/styles.css';
import { AdminConsole } from './AdminConsole';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignedIn>{(me) => <AdminConsole me={me} />}</SignedIn>
  </StrictMode>,
);
