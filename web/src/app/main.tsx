import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignedIn } from '../session/useMe';
import '../ui/styles.css';
import { AgentApp } from './AgentApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignedIn>{(me) => <AgentApp me={me} />}</SignedIn>
  </StrictMode>,
);
