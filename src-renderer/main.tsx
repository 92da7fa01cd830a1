import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { detectPlatform } from './platform/detectPlatform';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const platform = detectPlatform();
  root.render(
    <StrictMode>
      <App platform={platform} />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <div className="empty-state" role="alert">
      <h1>Baton cannot start here</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </div>,
  );
}
