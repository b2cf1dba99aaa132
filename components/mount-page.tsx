// The extension's own pages (options, popup) start the same way: one React root, strict mode,
// TanStack Query for what they ask of the background, and the shared look.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './extension-pages.css';

export function mountExtensionPage(page: ReactNode): void {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queries}>{page}</QueryClientProvider>
    </StrictMode>,
  );
}
