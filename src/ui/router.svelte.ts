/** The current route as a rune, kept in sync with `location.hash`, and navigation. URLs themselves: routes.ts. */
import { hrefOf, parseRoute, type Route } from './routes.ts';

/** The current route. */
export function currentRoute(): { readonly value: Route } {
  let route = $state.raw(parseRoute(location.hash));
  $effect(() => {
    const onHash = () => (route = parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  });
  return {
    get value() {
      return route;
    },
  };
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}
