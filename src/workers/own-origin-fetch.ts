/** The part of a worker scope the guard uses: structural, so Node tests can fake it. */
export interface FetchScope {
  fetch: typeof fetch;
  readonly location: { readonly origin: string; readonly href: string };
}

/**
 * tasks-vision posts usage telemetry to a Google endpoint (docs/models.md). Frames never leave the
 * device and nothing else should either: any request off the app's own origin is refused here,
 * before it reaches the network, and the library gives up logging after the first failure.
 * `blob:` URLs the app made itself carry its origin and pass; `data:` URLs have none and are
 * refused like any other (nothing in the worker needs them). The Content Security Policy's
 * `connect-src` (vite.config.ts) is the second wall, for XMLHttpRequest and the rest.
 */
export function restrictFetchToOwnOrigin(scope: FetchScope): void {
  const ownFetch = scope.fetch.bind(scope);
  const origin = scope.location.origin;
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : input.toString(), scope.location.href);
    } catch (cause) {
      return Promise.reject(new TypeError('Refused a request to an unreadable URL.', { cause }));
    }
    if (url.origin !== origin) {
      return Promise.reject(new TypeError(`Blocked a request off this device: ${url.origin}`));
    }
    return ownFetch(input, init);
  };
}
