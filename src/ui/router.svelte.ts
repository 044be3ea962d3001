/** Hash routes of the app: `#/live`, `#/video`, ... The route name is the first path segment. */
export type RouteName = 'home' | 'live' | 'video' | 'session' | 'history' | 'settings' | 'about';

const ROUTES: readonly RouteName[] = ['home', 'live', 'video', 'session', 'history', 'settings', 'about'];

function parse(hash: string): { name: RouteName; params: Readonly<Record<string, string>> } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const first = path.split('/')[0] ?? '';
  const name = (ROUTES as readonly string[]).includes(first) ? (first as RouteName) : 'home';
  return { name, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** The current route, kept in sync with `location.hash`. */
export function currentRoute(): { readonly name: RouteName; readonly params: Readonly<Record<string, string>> } {
  let state = $state(parse(location.hash));
  $effect(() => {
    const onHash = () => (state = parse(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  });
  return {
    get name() {
      return state.name;
    },
    get params() {
      return state.params;
    },
  };
}

export function navigate(name: RouteName, params?: Record<string, string>): void {
  const pairs = Object.entries(params ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const query = pairs.length ? `?${pairs.join('&')}` : '';
  location.hash = `#/${name === 'home' ? '' : name}${query}`;
}
