/**
 * The app's hash routes with their typed params, and the only code that reads or writes their URLs:
 * `#/`, `#/session`, `#/history`, `#/settings`, `#/about`, `#/live?backend=wasm&model=full`,
 * `#/video?backend=..&model=..` and History's Watch, `#/video?session=<session id>&exercise=<stretch id>`, and the
 * clinician report, `#/report?session=<session id>` or `#/report?from=YYYY-MM-DD&to=YYYY-MM-DD` (either end optional).
 */
import type { BackendChoice, ModelType } from '../pose/types.ts';
import { poseParams } from '../pose/index.ts';
import type { ReportScope } from '../sessions/export/report-model.ts';

/** The detector preselected on the live and video pages (auto / lite unless the URL names others). */
export interface PosePick {
  readonly backend: BackendChoice;
  readonly model: ModelType;
}

/** One stretch of a stored session, to watch again. `exercise` is as stored: it may name a retired stretch. */
export interface ReviewTarget {
  readonly sessionId: string;
  readonly exercise: string;
}

type PlainName = 'home' | 'session' | 'history' | 'settings' | 'about';

export type Route =
  | { readonly name: PlainName }
  | { readonly name: 'live'; readonly pose: PosePick }
  | { readonly name: 'video'; readonly pose: PosePick; readonly review: ReviewTarget | null }
  | { readonly name: 'report'; readonly scope: ReportScope };

export type RouteName = Route['name'];

const PLAIN: readonly PlainName[] = ['home', 'session', 'history', 'settings', 'about'];
const DEFAULT_POSE = poseParams({});

/** The route a location hash names (home for anything unknown). */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const first = path.split('/')[0] ?? '';
  const q = new URLSearchParams(query);
  const pose = poseParams({ backend: q.get('backend'), model: q.get('model') });
  if (first === 'live') return { name: 'live', pose };
  if (first === 'video') {
    const sessionId = q.get('session');
    const exercise = q.get('exercise');
    return { name: 'video', pose, review: sessionId && exercise ? { sessionId, exercise } : null };
  }
  if (first === 'report') {
    const sessionId = q.get('session');
    const day = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(q.get(k) ?? '') ? q.get(k) : null);
    return { name: 'report', scope: sessionId ? { sessionId } : { from: day('from'), to: day('to') } };
  }
  const plain = PLAIN.find((n) => n === first);
  return { name: plain ?? 'home' };
}

/** The link to a route (the defaults are left out of the URL). */
export function hrefOf(route: Route): string {
  const q = new URLSearchParams();
  if (route.name === 'live' || route.name === 'video') {
    if (route.pose.backend !== DEFAULT_POSE.backend) q.set('backend', route.pose.backend);
    if (route.pose.model !== DEFAULT_POSE.model) q.set('model', route.pose.model);
  }
  if (route.name === 'video' && route.review) {
    q.set('session', route.review.sessionId);
    q.set('exercise', route.review.exercise);
  }
  if (route.name === 'report') {
    const sc = route.scope;
    if ('sessionId' in sc) q.set('session', sc.sessionId);
    else for (const k of ['from', 'to'] as const) if (sc[k]) q.set(k, sc[k]);
  }
  const query = q.toString() ? `?${q.toString()}` : '';
  return `#/${route.name === 'home' ? '' : route.name}${query}`;
}

/** History's Watch link for one stretch of a stored session. */
export const watchHref = (sessionId: string, exercise: string): string =>
  hrefOf({ name: 'video', pose: DEFAULT_POSE, review: { sessionId, exercise } });

/** The clinician report of one session or of days from/to. */
export const reportHref = (scope: ReportScope): string => hrefOf({ name: 'report', scope });

/** A route with its params at their defaults. */
function bare(name: RouteName): Route {
  if (name === 'live') return { name, pose: DEFAULT_POSE };
  if (name === 'report') return { name, scope: { from: null, to: null } };
  if (name === 'video') return { name, pose: DEFAULT_POSE, review: null };
  return { name };
}

/** The link to a page, its params at their defaults. */
export const href = (name: RouteName): string => hrefOf(bare(name));
