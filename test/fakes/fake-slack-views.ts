import type { SlackJson } from './read-request-body.js';
import type { FakeWebApiState } from './fake-slack-web-api.js';
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_TEAM_ID, slackFailure as fail } from './fake-slack-team.js';
import { viewProblems } from './slack-block-kit.js';

/** Answers `views.*`, or undefined for any other method. */
export function answerViewsMethod(method: string, body: SlackJson, state: FakeWebApiState): SlackJson | undefined {
  const view = isObject(body.view) ? body.view : undefined;
  switch (method) {
    case 'views.open':
      // A modal can only open in answer to a user's action, within 3 s of it: no trigger, no modal.
      if (!body.trigger_id) return missing('trigger_id');
      if (!view) return missing('view');
      return refuseView(method, view, state) ?? { ok: true, view: echoView(view, state.nextViewId(), state) };
    case 'views.update':
      if (!view) return missing('view');
      if (!body.view_id && !body.external_id) return missing('view_id');
      return refuseView(method, view, state) ?? { ok: true, view: echoView(view, typeof body.view_id === 'string' ? body.view_id : state.nextViewId(), state) };
    case 'views.publish':
      if (!body.user_id) return missing('user_id');
      if (!view) return missing('view');
      if (view.type !== 'home') return fail('invalid_arguments');
      return refuseView(method, view, state) ?? { ok: true, view: echoView(view, state.nextViewId(), state) };
    default:
      return undefined;
  }
}

function echoView(view: SlackJson, id: string, state: FakeWebApiState): SlackJson {
  return {
    team_id: FAKE_TEAM_ID,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    previous_view_id: null,
    app_id: FAKE_APP_ID,
    bot_id: FAKE_BOT_ID,
    ...view,
    id,
    root_view_id: id,
    state: { values: {} },
    // Slack's view hash is an opaque version stamp; `views.update` may pass it back to avoid races.
    hash: state.nextViewHash(),
  };
}

/**
 * Views answer a broken limit with `invalid_arguments`, the problems in response_metadata
 * (seen in the wild: `[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]`).
 */
function refuseView(method: string, view: SlackJson, state: FakeWebApiState): SlackJson | undefined {
  const problems = viewProblems(view);
  if (problems.length === 0) return undefined;
  state.recordViolation(method, problems);
  return fail('invalid_arguments', ...problems.map((p) => `[ERROR] ${p}`));
}

function missing(field: string): SlackJson {
  return fail('invalid_arguments', `[ERROR] missing required field: ${field}`);
}

function isObject(value: unknown): value is SlackJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
