/**
 * Why an outbound fetch did not give an answer. `refused` means the plugin would not send the
 * request (scheme, address, too many redirects): the caller asked for something it may not have,
 * so routes answer 4xx. `failed` means the remote end did not answer usably (DNS failure,
 * connection error, timeout, oversized body): routes answer 502.
 */
export class OutboundError extends Error {
  constructor(
    readonly kind: 'refused' | 'failed',
    message: string
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

/**
 * A remote service answered badly (error status, unreadable body, no answer): 502. Strapi's error
 * classes have no 502, so controllers answer it with ctx.badGateway(message), which keeps Strapi's
 * error shape with name "BadGatewayError".
 */
export class RemoteServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteServiceError';
  }
}
