import { lazy, Suspense } from 'react';

const NavIcon = lazy(() => import('./nav-icons'));

/** An app's icon by name; the icons load in their own chunk, a blank of the same size until then. */
export function AppIcon({ name }: { name: string }) {
  return (
    <Suspense fallback={<span className="app-icon-blank" aria-hidden />}>
      <NavIcon name={name} />
    </Suspense>
  );
}
