import { lazy, Suspense } from 'react';

const NavIcon = lazy(() => import('./nav-icons'));

/**
 * An app's icon by name (an unknown name draws the generic app icon: appIconOf); the icons load in
 * their own chunk, a blank of the same size until then. The class a menu gives its items' icons
 * (their spacing) lands on the wrapper.
 */
export function AppIcon({ name, className }: { name: string; className?: string }) {
  return (
    <span className={className ? `app-icon ${className}` : 'app-icon'} aria-hidden>
      <Suspense fallback={<span className="app-icon-blank" />}>
        <NavIcon name={name} />
      </Suspense>
    </span>
  );
}
