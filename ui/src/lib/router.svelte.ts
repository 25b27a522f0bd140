// The current view lives in location.hash (`#/role/cto`), so the back key and `--open` work.

export type Route = { view: 'home' } | { view: 'role'; id: string } | { view: 'compare'; ids: string[]; ladder?: boolean }
  | { view: 'draft'; id: string | null } | { view: 'import' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#?\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'role' && parts[1]) return { view: 'role', id: parts[1] };
  if (parts[0] === 'import') return { view: 'import' };
  if (parts[0] === 'draft') return { view: 'draft', id: parts[1] || null };
  if (parts[0] === 'compare') {
    const ids = (parts[1] ?? '').split(',').filter(Boolean);
    return parts[2] === 'ladder' ? { view: 'compare', ids, ladder: true } : { view: 'compare', ids };
  }
  return { view: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'role':
      return `#/role/${encodeURIComponent(route.id)}`;
    case 'compare':
      return `#/compare/${route.ids.map(encodeURIComponent).join(',')}${route.ladder ? '/ladder' : ''}`;
    case 'draft':
      return route.id ? `#/draft/${encodeURIComponent(route.id)}` : '#/draft';
    case 'import':
      return '#/import';
    case 'home':
      return '#/';
  }
}

class Router {
  current: Route = $state(parseRoute(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      // The hash `go` wrote comes back as an event: the route is the same, and a new object
      // for it would make the views read their route as changed (compare would ask twice).
      if (window.location.hash !== routeHash(this.current)) this.current = parseRoute(window.location.hash);
    });
  }

  go(route: Route) {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    this.current = route;
  }
}

export const router = new Router();
