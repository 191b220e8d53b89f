import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { configureApi } from './api/client';
import { accessToken, initAuth, type WebConfig } from './auth/auth';
import { currentLanguage } from './i18n';
import App from './App';

configureApi({ token: accessToken, language: currentLanguage });
document.documentElement.lang = currentLanguage();

async function start(): Promise<void> {
  try {
    const response = await fetch('/api/web-config', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const config = (await response.json()) as WebConfig;
      // Never let a slow login service keep the market from showing: after 8 s render signed out;
      // the session appears when the check finishes.
      await Promise.race([initAuth(config), new Promise((resolve) => setTimeout(resolve, 8000))]);
    }
  } catch (error) {
    console.warn('cannot read /api/web-config; continuing without login', error);
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
