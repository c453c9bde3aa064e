/**
 * tasks-vision posts usage telemetry to a Google endpoint (models.md). Frames never leave the
 * device and nothing else should either: any request off the app's own origin is refused here,
 * before it reaches the network, and the library gives up logging after the first failure.
 */
export function restrictFetchToOwnOrigin(scope: WorkerGlobalScope): void {
  const ownFetch = scope.fetch.bind(scope);
  const origin = scope.location.origin;
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      input instanceof Request ? input.url : input.toString(),
      scope.location.href,
    );
    if (url.origin !== origin) {
      return Promise.reject(new TypeError(`Blocked a request off this device: ${url.origin}`));
    }
    return ownFetch(input, init);
  };
}
