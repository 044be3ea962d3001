/**
 * The Content-Security-Policy of the built app: nothing from any other origin, no inline script, no eval. One policy,
 * delivered twice: as a <meta> tag in the built index.html (any static host) and as a header from `vite preview`
 * (vite.config.ts), which also covers the workers and the service worker and can say frame-ancestors.
 * Each source beyond 'self' is there because a runtime was seen to need it (tests/e2e/csp.spec.ts, README "Privacy").
 */
import type { Plugin } from 'vite';

const DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['media-src', "'self'", 'blob:'],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['font-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy text. A <meta> policy may not hold frame-ancestors (browsers ignore it there), so only the header does. */
export function contentSecurityPolicy({ header }: { header: boolean }): string {
  const all = header ? [...DIRECTIVES, ['frame-ancestors', "'none'"] as const] : DIRECTIVES;
  return all.map((d) => d.join(' ')).join('; ');
}

/** Writes the policy into the built index.html as its first <head> element (the dev server stays without one). */
export function cspMeta(): Plugin {
  return {
    name: 'spine-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ header: false }) },
        injectTo: 'head-prepend',
      },
    ],
  };
}
