// A part of the UI whose code loads after the first paint (a lazy component). While the shells
// pre-render the page it is drawn as its fallback directly: the client's first render draws the
// same fallback while the code loads, so the two pictures match (renderToString cannot wait).
import { createContext, type ReactNode, Suspense, useContext } from 'react';

const PreRendering = createContext(false);

export function PreRenderingProvider({ children }: { children: ReactNode }) {
  return <PreRendering value={true}>{children}</PreRendering>;
}

export function LoadedLater({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return useContext(PreRendering) ? fallback : <Suspense fallback={fallback}>{children}</Suspense>;
}
