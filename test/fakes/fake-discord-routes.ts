/**
 * Which requests a test means: `'POST /channels/:channelId/messages'`, a path alone for any method
 * (`'/users/@me/channels'`), `*` for the rest of a path (`'PATCH /webhooks/*'`), or a RegExp tested
 * against `'<METHOD> <path>'`. Paths are as Discord documents them: no `/api/v10`, no query,
 * percent-decoded (`@original`).
 */
export type FakeDiscordRoute = string | RegExp;

export type RouteParams = Record<string, string>;

/** Params of a `/a/:b/c` template matched against a decoded path, or undefined. */
export function matchPathTemplate(template: string, path: string): RouteParams | undefined {
  const want = template.split('/');
  const got = path.split('/');
  const params: RouteParams = {};
  for (const [index, part] of want.entries()) {
    if (part === '*') return params;
    const actual = got[index];
    if (part.startsWith(':') && actual) params[part.slice(1)] = actual;
    else if (part !== actual) return undefined;
  }
  return want.length === got.length ? params : undefined;
}

export function routeMatches(route: FakeDiscordRoute, method: string, path: string): boolean {
  if (route instanceof RegExp) return route.test(`${method} ${path}`);
  const space = route.indexOf(' ');
  const wantMethod = space > 0 ? route.slice(0, space).toUpperCase() : undefined;
  const template = space > 0 ? route.slice(space + 1) : route;
  return (wantMethod === undefined || wantMethod === method) && matchPathTemplate(template, path) !== undefined;
}

export function describeRoute(route: FakeDiscordRoute): string {
  return route instanceof RegExp ? String(route) : route;
}
