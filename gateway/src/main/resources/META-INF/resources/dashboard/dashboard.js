'use strict';

/**
 * The reference partnership dashboard. Signs the user in through Keycloak (authorization code + PKCE, public client
 * from /dashboard/keycloak.json), draws the partnership's aggregates (GET /api/v1/dashboard) and follows its event
 * stream (GET /api/v1/events/stream): each event goes on top of the live feed and makes the figures refresh, without
 * reloading the page. The gateway answers for the partnership in the token only; the page never sees identities.
 */
(() => {
  const PARTNERSHIPS = {
    HSCP: 'Hampshire Safeguarding Children Partnership',
    IOWSCP: 'Isle of Wight Safeguarding Children Partnership',
    WSSCP: 'West Sussex Safeguarding Children Partnership',
  };
  const FEED_LENGTH = 50;
  // Events that never change an aggregate: no refresh for them
  const NO_REFRESH = new Set(['child.record-accessed']);

  const $ = id => document.getElementById(id);
  const keycloak = new Keycloak('/dashboard/keycloak.json');

  /** A token valid for at least 30 s more; keycloak-js refreshes it with the refresh token when needed. */
  async function token() {
    try {
      await keycloak.updateToken(30);
    } catch (sessionEnded) {
      keycloak.login();
      throw sessionEnded;
    }
    return keycloak.token;
  }

  function showProblem(message) {
    $('problem').textContent = message;
    $('problem').hidden = !message;
  }

  async function api(path) {
    const response = await fetch('/api/v1/' + path, {
      headers: { Accept: 'application/json', Authorization: 'Bearer ' + await token() },
      cache: 'no-store',
    });
    if (!response.ok) {
      // problem+json (RFC 9457): its title is safe to show; nothing else from the body is
      const problem = await response.json().catch(() => ({}));
      throw new Error(response.status === 403
        ? 'Your account may not see the partnership dashboard (it needs the dashboard role).'
        : (problem.title || 'The dashboard could not be loaded') + ' (' + response.status + ').');
    }
    return response.json();
  }

  // ---- figures -------------------------------------------------------------------------------------------------

  const REVIEW_TEXT = { CURRENT: 'up to date', DUE: 'due', OVERDUE: 'overdue' };

  function showFigures(dashboard, changes) {
    DashboardCharts.update(dashboard, changes);
    $('kpi-children').textContent = DashboardCharts.childrenAssessed(dashboard);
    $('kpi-drift').textContent = (dashboard.driftAlerts || {}).open ?? 0;
    $('kpi-escalations').textContent = (dashboard.escalations || {}).open ?? 0;
    $('kpi-overdue').textContent = (dashboard.escalations || {}).overdue ?? 0;
    const review = dashboard.toolkitReview || {};
    $('toolkit-review').dataset.status = review.status || 'UNKNOWN';
    $('kpi-review').textContent = REVIEW_TEXT[review.status] || 'not published';
    $('kpi-review-label').textContent = review.version
      ? `toolkit ${review.family} ${review.version} review, due ${formatDate(review.reviewDueOn)}`
      : 'toolkit review';
    $('as-of').textContent = new Date(dashboard.asOf || Date.now()).toLocaleString('en-GB');
    $('as-of').dateTime = dashboard.asOf || '';
  }

  // One refresh at a time; events arriving meanwhile ask for one more, not one each.
  let refreshing = null;
  let again = false;
  async function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        const [dashboard, changes] = await Promise.all([api('dashboard'), api('dashboard/level-changes')]);
        showFigures(dashboard, changes);
        showProblem('');
        document.body.dataset.state = 'ready';
      } catch (e) {
        showProblem(e.message);
      }
    })();
    await refreshing;
    refreshing = null;
    if (again) {
      again = false;
      await refresh();
    }
  }

  /**
   * The stream and the aggregates are fed by separate consumers in the gateway, so the aggregate may take a moment
   * longer than the stream to reflect an event: refresh at once and once more a little later.
   */
  let followUp = null;
  function refreshAfterEvent() {
    refresh();
    clearTimeout(followUp);
    followUp = setTimeout(refresh, 2000);
  }

  // ---- live feed -----------------------------------------------------------------------------------------------

  const TYPE_LABELS = {
    'assessment.started': 'Assessment started',
    'assessment.completed': 'Assessment completed',
    'threshold.changed': 'Level changed',
    'child.registered': 'Child registered',
    'child.transferred': 'Child transferred',
    'chronology.entry-added': 'Chronology entry',
    'referral.received': 'Referral received',
    'referral.decided': 'Referral decided',
    'case.closed': 'Case closed',
    'drift.detected': 'Drift alert',
    'drift.cleared': 'Drift alert cleared',
    'escalation.raised': 'Escalation raised',
    'escalation.stage-changed': 'Escalation stage changed',
    'escalation.deadline-breached': 'Escalation deadline missed',
    'escalation.resolved': 'Escalation resolved',
    'toolkit.edition.published': 'Toolkit edition published',
    'toolkit.review.due': 'Toolkit review due',
    'toolkit.review.overdue': 'Toolkit review overdue',
  };
  const level = n => (n == null ? null : 'level ' + n);
  const agency = code => DashboardCharts.AGENCIES[code] || code;
  // Only codes, levels and pseudonymous references are shown: never free text such as evidence or reasons.
  const DETAILS = {
    'assessment.started': d => [agency(d.agency)],
    'assessment.completed': d => [DashboardCharts.CATEGORIES[d.primaryCategory] || d.primaryCategory, level(d.thresholdLevel)],
    'threshold.changed': d => [d.fromLevel == null ? 'first level ' + d.toLevel : `level ${d.fromLevel} → ${d.toLevel}`],
    'child.registered': d => [agency(d.leadAgency), d.ageBand],
    'child.transferred': d => [`${d.fromPartnership} → ${d.toPartnership}`],
    'chronology.entry-added': d => [agency(d.agency), d.type],
    'referral.received': d => [agency(d.agency)],
    'referral.decided': d => [agency(d.agency), d.decision],
    'drift.detected': d => [d.rule, d.severity],
    'drift.cleared': d => [d.rule],
    'escalation.raised': d => ['stage ' + d.stage, `${agency(d.raisedByAgency)} → ${agency(d.otherAgency)}`],
    'escalation.stage-changed': d => [`stage ${d.fromStage} → ${d.toStage}`],
    'escalation.deadline-breached': d => ['stage ' + d.stage],
    'escalation.resolved': d => ['stage ' + d.stage],
    'toolkit.edition.published': d => [`${d.family} ${d.version}`],
    'toolkit.review.due': d => [`${d.family} ${d.version}`, 'due ' + formatDate(d.reviewDueOn)],
    'toolkit.review.overdue': d => [`${d.family} ${d.version}`, 'due ' + formatDate(d.reviewDueOn)],
  };

  function formatDate(isoDate) {
    return isoDate ? new Date(isoDate).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : '–';
  }

  function span(className, text) {
    const element = document.createElement('span');
    element.className = className;
    element.textContent = text; // text, never HTML: nothing from an event can become markup
    return element;
  }

  function addToFeed(message) {
    const event = JSON.parse(message.data);
    const data = event.data || {};
    const item = document.createElement('li');
    item.dataset.type = event.type;
    item.dataset.id = event.id;
    item.dataset.family = event.type.split('.')[0];
    const time = document.createElement('time');
    time.dateTime = event.time;
    time.textContent = new Date(event.time).toLocaleTimeString('en-GB');
    item.append(time, span('type', TYPE_LABELS[event.type] || event.type));
    if (data.childRef) {
      item.append(span('child', data.childRef));
    }
    const details = (DETAILS[event.type] || (() => []))(data).filter(Boolean).join(' · ');
    if (details) {
      item.append(span('details', details));
    }
    const feed = $('feed');
    feed.prepend(item);
    while (feed.children.length > FEED_LENGTH) {
      feed.lastElementChild.remove();
    }
    $('feed-empty').hidden = true;
    if (!NO_REFRESH.has(event.type)) {
      refreshAfterEvent();
    }
  }

  const CONNECTION_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', refused: 'Not connected' };

  function showConnection(state) {
    if (state === 'live' && $('connection').dataset.state === 'reconnecting') {
      refresh(); // figures may have moved while the stream was down
    }
    $('connection').dataset.state = state;
    $('connection').textContent = CONNECTION_TEXT[state];
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  async function start() {
    await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
    const claims = keycloak.tokenParsed;
    $('partnership-name').textContent = PARTNERSHIPS[claims.partnership] || claims.partnership || 'Partnership dashboard';
    document.title = (claims.partnership || 'Partnership') + ' dashboard · Neglect Exchange';
    $('signed-in-as').textContent = claims.preferred_username;
    $('sign-out').addEventListener('click', () => keycloak.logout({ redirectUri: location.origin + '/dashboard/' }));

    await refresh();
    setInterval(refresh, 60000); // alert ages and overdue stages move with the clock, not only with events
    openEventStream({
      url: '/api/v1/events/stream',
      token,
      onEvent: addToFeed,
      onState: showConnection,
      onRefused: status => {
        showConnection('refused');
        showProblem(status === 403
          ? 'Your account may not follow the event stream (it needs the dashboard role).'
          : 'Your session has ended: reload the page to sign in again.');
      },
    });
  }

  start().catch(e => showProblem('The dashboard could not start: ' + (e && e.message ? e.message : 'sign-in failed') + '.'));
})();
