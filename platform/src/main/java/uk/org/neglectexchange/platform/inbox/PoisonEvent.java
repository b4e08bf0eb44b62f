package uk.org.neglectexchange.platform.inbox;

/**
 * An event that no retry can apply (malformed, off-contract, unknown type). It goes to the topic's DLQ at once,
 * with this message as the reason; the message names what is wrong, never a value from the event.
 */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    /**
     * The same reason, prefixed with the consumer that refused the event: every consumer group reading a topic shares
     * its DLQ, and the gateway has two groups on each topic, so the reason must say whose it is.
     */
    public PoisonEvent refusedBy(String consumer) {
        return new PoisonEvent(consumer + ": " + getMessage());
    }
}
