import { botRoutes } from './fake-discord-bot-routes.js';
import { commandRoutes } from './fake-discord-command-routes.js';
import { interactionRoutes } from './fake-discord-interaction-routes.js';
import { matchPathTemplate } from './fake-discord-routes.js';
import { discordError, type FakeDiscordState, type RestReply, type RestRequest, type RestRoute } from './fake-discord-state.js';

/** Literal segments first, so `/users/@me` wins over `/users/:userId`. */
const routes: RestRoute[] = [...botRoutes, ...commandRoutes, ...interactionRoutes];

/** Answers one REST call; `authorization` is the raw header. */
export function answerDiscordRest(request: Omit<RestRequest, 'params'>, authorization: string | undefined, state: FakeDiscordState): RestReply & { route?: string } {
  const candidates = routes.flatMap((route) => {
    const params = matchPathTemplate(route.path, request.path);
    return params ? [{ route, params }] : [];
  });
  if (candidates.length === 0) return discordError(404, 0, '404: Not Found');
  const matched = candidates.find((candidate) => candidate.route.method === request.method);
  if (!matched) return discordError(405, 0, '405: Method Not Allowed');
  if (matched.route.auth && authorization !== `Bot ${state.token}`) return { ...discordError(401, 0, '401: Unauthorized'), route: matched.route.path };
  return { ...matched.route.handle({ ...request, params: matched.params }, state), route: matched.route.path };
}
