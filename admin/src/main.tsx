import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { trackActivity } from './api/activity';
import { App } from './App';

trackActivity();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
