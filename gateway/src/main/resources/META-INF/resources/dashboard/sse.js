'use strict';

/**
 * Server-sent events read with fetch(). The browser's EventSource cannot send an Authorization header, and the
 * stream needs the bearer token, so this reads the response body itself and parses it as the HTML standard's
 * event-stream format. After a drop it reconnects (waiting the server's `retry:`) and sends Last-Event-ID, so the
 * gateway replays what was missed in between.
 *
 * options: url; token() → Promise of a fresh access token; onEvent({id, type, data}); onState('connecting' |
 * 'live' | 'reconnecting'); onRefused(status) for 401/403, after which it stops (retrying cannot help).
 * Returns { close() }.
 */
window.openEventStream = function openEventStream(options) {
  let lastEventId = null;
  let retryMs = 3000;
  let closed = false;
  let controller = null;

  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  async function run() {
    while (!closed) {
      options.onState(lastEventId === null ? 'connecting' : 'reconnecting');
      controller = new AbortController();
      try {
        const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + await options.token() };
        if (lastEventId !== null) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(options.url, { headers, cache: 'no-store', signal: controller.signal });
        if (response.status === 401 || response.status === 403) {
          options.onRefused(response.status);
          return;
        }
        if (response.ok && response.body) {
          options.onState('live');
          await read(response.body);
        }
      } catch (dropped) {
        // network error or abort: fall through to the reconnect below
      }
      if (!closed) {
        options.onState('reconnecting');
        await sleep(retryMs);
      }
    }
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let event = { id: null, type: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      // A chunk may end mid-line: keep the unfinished tail for the next chunk.
      const lines = (pending + value).split(/\r\n|\r|\n/);
      pending = lines.pop();
      for (const line of lines) {
        if (line === '') {
          dispatch(event);
          event = { id: null, type: 'message', data: [] };
        } else if (!line.startsWith(':')) { // a line starting with ':' is a comment (heartbeat, notices)
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const fieldValue = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') {
            event.id = fieldValue;
          } else if (field === 'event') {
            event.type = fieldValue;
          } else if (field === 'data') {
            event.data.push(fieldValue);
          } else if (field === 'retry' && /^\d+$/.test(fieldValue)) {
            retryMs = Number(fieldValue);
          }
        }
      }
    }
  }

  function dispatch(event) {
    if (event.id !== null) {
      lastEventId = event.id;
    }
    if (event.data.length > 0) {
      try {
        options.onEvent({ id: event.id, type: event.type, data: event.data.join('\n') });
      } catch (e) {
        console.error('event not shown', e); // one odd event must not drop the connection
      }
    }
  }

  run();
  return {
    close() {
      closed = true;
      if (controller) {
        controller.abort();
      }
    },
  };
};
