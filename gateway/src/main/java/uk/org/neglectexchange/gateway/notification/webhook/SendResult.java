package uk.org.neglectexchange.gateway.notification.webhook;

/**
 * How one delivery attempt ended: the receiver's status, or status 0 and a short reason when there was no response
 * ("timed out", "connection refused"...). The reason is fixed text, never the receiver's words or our payload.
 */
public record SendResult(int status, String error) {

    static SendResult status(int status) {
        return new SendResult(status, null);
    }

    static SendResult failed(String error) {
        return new SendResult(0, error);
    }

    /** Only a 2xx counts: a redirect is not followed, so it is a failure like any other status. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
