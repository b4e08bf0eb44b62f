package uk.org.neglectexchange.gateway.notification.webhook;

/**
 * A webhook URL the gateway will not deliver to. The message is the rule broken, worded to follow "the URL"
 * ("must use https"), and can go back to the API client as it is: it repeats neither the URL (which may carry a
 * token) nor any secret.
 */
public class RefusedUrl extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public RefusedUrl(String rule) {
        super(rule, null, false, false);
        this.rule = rule;
    }

    /** The rule broken, e.g. "must use https" (the same as the message). */
    public String rule() {
        return rule;
    }
}
